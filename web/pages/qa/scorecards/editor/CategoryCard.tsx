/**
 * One category of the draft: its id and names, and its items as an editable table — id, names,
 * weight (percent, or points for a bonus item), scale min/max/step, N/A allowed, critical, bonus
 * — with each item's guide in its expanded row. A field with a problem is outlined in red.
 */
import { Button, Card, Checkbox, Flex, Input, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Bilingual } from '../../../../../domain/appraisal/units.ts';
import type { Scorecard, ScorecardItem, ScorecardPath, ScorecardProblem } from '../../../../../domain/qa/scorecard.ts';
import { useT } from '../../../../locales/index.tsx';
import { addItem, problemsAt, removeCategory, removeItem, updateCategory, updateItem } from './draft.ts';

interface Props {
  card: Scorecard;
  ci: number;
  problems: ScorecardProblem[];
  readOnly: boolean;
  onChange(next: Scorecard): void;
}

/** A number input whose empty state is NaN in the draft (the checks then name the field). */
function Num({
  value,
  onChange,
  bad,
  disabled,
  width = 72,
  testId,
}: {
  value: number | undefined;
  onChange(v: number): void;
  bad: boolean;
  disabled: boolean;
  width?: number;
  testId?: string;
}) {
  return (
    <span data-testid={testId}>
      <InputNumber
        size="small"
        style={{ width }}
        value={value !== undefined && Number.isFinite(value) ? value : null}
        status={bad ? 'error' : undefined}
        disabled={disabled}
        onChange={(v) => onChange(v === null ? Number.NaN : v)}
      />
    </span>
  );
}

export function CategoryCard({ card, ci, problems, readOnly, onChange }: Props) {
  const { t } = useT();
  const cat = card.categories[ci];
  const at = (...rest: ScorecardPath) => problemsAt(problems, ['categories', ci, ...rest]).length > 0;
  const set = (ii: number, patch: Partial<ScorecardItem>) => onChange(updateItem(card, ci, ii, patch));
  const label = (b: Bilingual, lang: keyof Bilingual, v: string): Bilingual => ({ ...b, [lang]: v });

  return (
    <Card
      size="small"
      data-testid={`qa-category-${ci}`}
      title={
        <Space wrap>
          <Input
            size="small"
            style={{ width: 170 }}
            value={cat.id}
            addonBefore="ID"
            status={at('id') ? 'error' : undefined}
            disabled={readOnly}
            onChange={(e) => onChange(updateCategory(card, ci, { id: e.target.value }))}
          />
          <Input
            size="small"
            style={{ width: 160 }}
            value={cat.label.zh}
            placeholder={t('qa.scorecard.nameZh')}
            status={at('label') ? 'error' : undefined}
            disabled={readOnly}
            onChange={(e) => onChange(updateCategory(card, ci, { label: label(cat.label, 'zh', e.target.value) }))}
          />
          <Input
            size="small"
            style={{ width: 180 }}
            value={cat.label.en}
            placeholder={t('qa.scorecard.nameEn')}
            status={at('label') ? 'error' : undefined}
            disabled={readOnly}
            onChange={(e) => onChange(updateCategory(card, ci, { label: label(cat.label, 'en', e.target.value) }))}
          />
        </Space>
      }
      extra={
        readOnly ? null : (
          <Popconfirm
            title={t('qa.scorecard.removeCategory.confirm')}
            onConfirm={() => onChange(removeCategory(card, ci))}
          >
            <Button size="small" danger type="text" icon={<DeleteOutlined />}>
              {t('qa.scorecard.removeCategory')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Table<ScorecardItem>
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={cat.items}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (item, ii) => (
            <Flex gap={8} wrap>
              <Typography.Text type="secondary">{t('qa.scorecard.guide')}</Typography.Text>
              {(['zh', 'en'] as const).map((lang) => (
                <Input.TextArea
                  key={lang}
                  autoSize={{ minRows: 1, maxRows: 3 }}
                  style={{ flex: '1 1 280px' }}
                  placeholder={t(lang === 'zh' ? 'qa.scorecard.guideZh' : 'qa.scorecard.guideEn')}
                  value={item.guide?.[lang] ?? ''}
                  disabled={readOnly}
                  onChange={(e) => set(ii, { guide: label(item.guide ?? { zh: '', en: '' }, lang, e.target.value) })}
                />
              ))}
            </Flex>
          ),
        }}
        columns={[
          {
            title: 'ID',
            key: 'id',
            render: (_, item, ii) => (
              <Input
                size="small"
                style={{ width: 175 }}
                value={item.id}
                status={at('items', ii, 'id') ? 'error' : undefined}
                disabled={readOnly}
                onChange={(e) => set(ii, { id: e.target.value })}
              />
            ),
          },
          ...(['zh', 'en'] as const).map((lang) => ({
            title: t(lang === 'zh' ? 'qa.scorecard.nameZh' : 'qa.scorecard.nameEn'),
            key: lang,
            render: (_: unknown, item: ScorecardItem, ii: number) => (
              <Input
                size="small"
                style={{ width: lang === 'zh' ? 130 : 185 }}
                value={item.label[lang]}
                status={at('items', ii, 'label') ? 'error' : undefined}
                disabled={readOnly}
                onChange={(e) => set(ii, { label: label(item.label, lang, e.target.value) })}
                data-testid={`qa-item-label-${lang}-${ci}-${ii}`}
              />
            ),
          })),
          {
            title: t('qa.scorecard.weight'),
            key: 'weight',
            render: (_, item, ii) => (
              <Num
                value={item.weight}
                bad={at('items', ii, 'weight')}
                disabled={readOnly}
                onChange={(weight) => set(ii, { weight })}
                testId={`qa-item-weight-${ci}-${ii}`}
              />
            ),
          },
          ...(['min', 'max', 'step'] as const).map((k) => ({
            title: t(`qa.scorecard.scale.${k}`),
            key: k,
            render: (_: unknown, item: ScorecardItem, ii: number) => (
              <Num
                width={60}
                value={item.scale[k]}
                bad={at('items', ii, 'scale')}
                disabled={readOnly}
                onChange={(v) =>
                  set(ii, { scale: { ...item.scale, [k]: k === 'step' && Number.isNaN(v) ? undefined : v } })
                }
              />
            ),
          })),
          ...(['allowNa', 'critical', 'bonus'] as const).map((k) => ({
            title: t(`qa.scorecard.flag.${k}`),
            key: k,
            align: 'center' as const,
            render: (_: unknown, item: ScorecardItem, ii: number) => (
              <Checkbox
                checked={item[k]}
                disabled={readOnly}
                onChange={(e) => set(ii, { [k]: e.target.checked })}
                data-testid={`qa-item-${k}-${ci}-${ii}`}
              />
            ),
          })),
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  key: 'remove',
                  render: (_: unknown, _item: ScorecardItem, ii: number) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('qa.scorecard.removeItem')}
                      onClick={() => onChange(removeItem(card, ci, ii))}
                    />
                  ),
                },
              ]),
        ]}
      />
      {readOnly ? null : (
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => onChange(addItem(card, ci))}
        >
          {t('qa.scorecard.addItem')}
        </Button>
      )}
    </Card>
  );
}
