/**
 * One section of the draft: its share of the whole, its indicators with their weights (edited in
 * place), targets and curves, and the running sum of the weights — red until it is 100 %.
 */
import { Badge, Button, Card, Flex, InputNumber, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { LEVELS } from '../../../../../domain/org.ts';
import { METRIC_DEFINITIONS } from '../../../../../domain/metrics/catalogue.ts';
import { unitOf, type Indicator, type SchemeProblem, type Section } from '../../../../../domain/appraisal/index.ts';
import { useT } from '../../../../locales/index.tsx';
import { bi, valueText } from '../../components/text.ts';
import { problemsAt, sectionSum } from './draft.ts';

export function SectionCard({
  section,
  index,
  problems,
  onWeight,
  onIndicatorWeight,
  onEdit,
  onAdd,
  onRemove,
}: {
  section: Section;
  index: number;
  problems: SchemeProblem[];
  onWeight(w: number): void;
  onIndicatorWeight(ii: number, w: number): void;
  onEdit(ii: number): void;
  onAdd(): void;
  onRemove(ii: number): void;
}) {
  const { t, locale, label } = useT();
  const sum = sectionSum(section);
  const sp = ['sections', index];
  const sumWrong = problemsAt(problems, [...sp, 'indicators']).some((p) => p.code === 'indicator_weights_sum');

  const target = (ind: Indicator) => {
    const unit = unitOf(ind);
    if (unit === null) return t('common.none');
    const cmp = ind.direction === 'lower' ? '≤' : '≥';
    const tg = ind.target;
    if (typeof tg === 'number') return `${cmp} ${valueText(unit, tg, locale)}`;
    return LEVELS.map((l) => `${label('level', l)} ${cmp} ${valueText(unit, tg[l], locale)}`).join(' · ');
  };
  const source = (ind: Indicator) =>
    ind.kind === 'metric'
      ? locale === 'en-US'
        ? METRIC_DEFINITIONS[ind.metric]?.nameEn
        : METRIC_DEFINITIONS[ind.metric]?.nameZh
      : t(`appraisal.reviewKind.${ind.review}`);

  return (
    <Card
      size="small"
      data-testid={`section-${section.kind}`}
      title={
        <Space>
          <span>{bi(section.label, locale)}</span>
          <Tag>{t(`appraisal.section.${section.kind}`)}</Tag>
        </Space>
      }
      extra={
        <Space>
          <Typography.Text type="secondary">{t('appraisal.scheme.sectionWeight')}</Typography.Text>
          <InputNumber
            min={0}
            max={100}
            value={Number.isFinite(section.weight) ? section.weight : null}
            onChange={(v) => onWeight(v ?? Number.NaN)}
            addonAfter="%"
            style={{ width: 110 }}
            data-testid={`section-weight-${section.kind}`}
          />
        </Space>
      }
    >
      <Table<Indicator & { ii: number }>
        size="small"
        rowKey="ii"
        pagination={false}
        dataSource={section.indicators.map((ind, ii) => ({ ...ind, ii }))}
        columns={[
          {
            title: t('appraisal.indicator'),
            render: (_v, ind) => {
              const own = problemsAt(problems, [...sp, 'indicators', ind.ii]);
              return (
                <Tooltip title={own.map((p) => bi(p, locale)).join(' ')}>
                  <Badge dot={own.length > 0} offset={[4, 0]}>
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onEdit(ind.ii)}>
                      {bi(ind.label, locale)}
                    </Button>
                  </Badge>
                </Tooltip>
              );
            },
          },
          { title: t('appraisal.scheme.source'), render: (_v, ind) => source(ind) },
          { title: t('appraisal.scheme.target'), render: (_v, ind) => target(ind) },
          { title: t('appraisal.scheme.curve'), render: (_v, ind) => t(`appraisal.curve.${ind.curve.type}`) },
          {
            title: t('appraisal.scheme.weightInSection'),
            width: 130,
            render: (_v, ind) => (
              <InputNumber
                size="small"
                min={0}
                max={100}
                value={Number.isFinite(ind.weight) ? ind.weight : null}
                onChange={(v) => onIndicatorWeight(ind.ii, v ?? Number.NaN)}
                addonAfter="%"
                status={
                  sumWrong || problemsAt(problems, [...sp, 'indicators', ind.ii, 'weight']).length ? 'error' : undefined
                }
                data-testid={`weight-${ind.id}`}
              />
            ),
          },
          {
            title: t('appraisal.scheme.share'),
            width: 90,
            render: (_v, ind) => `${Math.round(((section.weight * ind.weight) / 100) * 100) / 100}%`,
          },
          {
            title: t('common.actions'),
            width: 90,
            render: (_v, ind) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit')}
                  onClick={() => onEdit(ind.ii)}
                />
                <Popconfirm title={t('appraisal.scheme.removeConfirm')} onConfirm={() => onRemove(ind.ii)}>
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('appraisal.scheme.remove')}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>
          {t('appraisal.scheme.addIndicator')}
        </Button>
        <Typography.Text type={sumWrong ? 'danger' : 'secondary'} data-testid={`section-sum-${section.kind}`}>
          {t('appraisal.scheme.sum', { sum })}
          {sumWrong ? t('appraisal.scheme.mustBe100') : null}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
