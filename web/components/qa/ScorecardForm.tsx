/**
 * A scorecard to rate a conversation with (or to read a review by): categories of items, each
 * with its weight, scale, flags and guide, a rating (or N/A), the points it adds and a comment.
 * Without `onRatings` it is read-only.
 */
import { Card, Checkbox, Flex, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import type { ReviewScore } from '../../../domain/qa/score.ts';
import type { Ratings, Scorecard, ScorecardItem } from '../../../domain/qa/scorecard.ts';
import { useT } from '../../locales/index.tsx';
import { mayBeNa, scaleValues, setRating, type RatingPick } from './ratings.ts';
import { bi, pointsText } from './text.ts';

type Comments = Readonly<Record<string, string>>;

interface Props {
  card: Scorecard;
  ratings: Ratings;
  /** omitted: read-only */
  onRatings?(next: Ratings): void;
  comments?: Comments | null;
  /** omitted: comments are shown, not edited */
  onComments?(next: Record<string, string>): void;
  /** the live (or stored) score, for each item's points and each category's score */
  result?: ReviewScore | null;
}

/** The flags of an item as tags: critical, bonus, N/A allowed. */
export function ItemFlags({ item }: { item: ScorecardItem }) {
  const { t } = useT();
  return (
    <>
      {item.critical ? <Tag color="red">{t('qa.item.critical')}</Tag> : null}
      {item.bonus ? <Tag color="gold">{t('qa.item.bonus')}</Tag> : null}
      {item.allowNa && !item.bonus ? <Tag>{t('qa.item.allowNa')}</Tag> : null}
    </>
  );
}

function RatingControl({
  item,
  value,
  onChange,
}: {
  item: ScorecardItem;
  value: number | null | undefined;
  onChange(pick: RatingPick | undefined): void;
}) {
  const { t } = useT();
  const values = scaleValues(item.scale);
  const na = mayBeNa(item);
  if (values) {
    const options = [
      ...values.map((v) => ({ label: String(v), value: String(v) })),
      ...(na ? [{ label: t('qa.na'), value: 'na' }] : []),
    ];
    return (
      <Radio.Group
        size="small"
        optionType="button"
        buttonStyle="solid"
        options={options}
        value={value === undefined ? undefined : value === null ? 'na' : String(value)}
        onChange={(e) => onChange(e.target.value === 'na' ? 'na' : Number(e.target.value))}
      />
    );
  }
  return (
    <Space size={8}>
      <InputNumber
        size="small"
        min={item.scale.min}
        max={item.scale.max}
        step={item.scale.step ?? 1}
        disabled={value === null}
        value={typeof value === 'number' ? value : null}
        onChange={(v) => onChange(v === null ? undefined : v)}
      />
      {na ? (
        <Checkbox checked={value === null} onChange={(e) => onChange(e.target.checked ? 'na' : undefined)}>
          {t('qa.na')}
        </Checkbox>
      ) : null}
    </Space>
  );
}

/** How much an item weighs: "权重 10%" for a standard item, "加分 5 分" for a bonus item. */
export function weightText(item: ScorecardItem, t: ReturnType<typeof useT>['t']): string {
  return item.bonus ? t('qa.item.bonusPoints', { n: item.weight }) : t('qa.item.weightPct', { n: item.weight });
}

export function ScorecardForm({ card, ratings, onRatings, comments, onComments, result }: Props) {
  const { t, locale } = useT();
  const scoreOf = (id: string) => result?.items.find((x) => x.itemId === id);
  return (
    <Flex vertical gap={12} data-testid="qa-scorecard-form">
      {card.categories.map((cat) => {
        const catScore = result?.categories.find((c) => c.categoryId === cat.id)?.score ?? null;
        return (
          <Card
            key={cat.id}
            size="small"
            title={bi(cat.label, locale)}
            extra={
              result && cat.items.some((i) => !i.bonus) ? (
                <Typography.Text type="secondary">
                  {t('qa.category.score', { n: pointsText(catScore) })}
                </Typography.Text>
              ) : null
            }
          >
            {cat.items.map((item, i) => {
              const value = ratings[item.id];
              const s = scoreOf(item.id);
              const comment = comments?.[item.id] ?? '';
              return (
                <div
                  key={item.id}
                  data-testid={`qa-item-${item.id}`}
                  style={{ padding: '8px 0', borderTop: i === 0 ? undefined : '1px solid #f0f0f0' }}
                >
                  <Flex justify="space-between" align="flex-start" gap={12} wrap>
                    <div style={{ flex: '1 1 220px', minWidth: 0 }}>
                      <Space size={4} wrap>
                        <Typography.Text strong>{bi(item.label, locale)}</Typography.Text>
                        <ItemFlags item={item} />
                      </Space>
                      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                        {weightText(item, t)} · {t('qa.item.scale', { min: item.scale.min, max: item.scale.max })}
                        {item.guide ? ` · ${bi(item.guide, locale)}` : ''}
                      </div>
                    </div>
                    <Flex vertical align="flex-end" gap={2}>
                      {onRatings ? (
                        <RatingControl
                          item={item}
                          value={value}
                          onChange={(pick) => onRatings(setRating(ratings, item.id, pick))}
                        />
                      ) : (
                        <Tag color={value === undefined ? 'default' : value === null ? 'default' : 'blue'}>
                          {value === undefined
                            ? t('qa.notRated')
                            : value === null
                              ? t('qa.na')
                              : `${value} / ${item.scale.max}`}
                        </Tag>
                      )}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {s?.criticalFail ? (
                          <Tag color="red" style={{ marginInlineEnd: 0 }}>
                            {t('qa.item.criticalFail')}
                          </Tag>
                        ) : s && s.points !== null ? (
                          t('qa.item.points', { n: pointsText(s.points) })
                        ) : null}
                      </Typography.Text>
                    </Flex>
                  </Flex>
                  {onComments ? (
                    <Input.TextArea
                      size="small"
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={2000}
                      placeholder={t('qa.item.commentPlaceholder')}
                      value={comment}
                      onChange={(e) => onComments({ ...comments, [item.id]: e.target.value })}
                      style={{ marginTop: 6 }}
                      data-testid={`qa-comment-${item.id}`}
                    />
                  ) : comment ? (
                    <Typography.Paragraph style={{ margin: '6px 0 0', background: '#fffbe6', padding: '4px 8px' }}>
                      {comment}
                    </Typography.Paragraph>
                  ) : null}
                </div>
              );
            })}
          </Card>
        );
      })}
    </Flex>
  );
}
