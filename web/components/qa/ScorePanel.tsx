/**
 * A review's score and its "why": the score out of the scorecard's maximum, the weighted base,
 * bonus points, the cap, a critical fail and each category — plus, while rating, what is still
 * missing before the review can be submitted.
 */
import { Alert, Descriptions, Flex, List, Statistic, Typography } from 'antd';
import type { ReviewScore } from '../../../domain/qa/score.ts';
import type { Scorecard, ScorecardProblem } from '../../../domain/qa/scorecard.ts';
import { useT } from '../../locales/index.tsx';
import { itemOf } from './ratings.ts';
import { bi, pointsText } from './text.ts';

interface Props {
  card: Scorecard;
  result: ReviewScore | null;
  /** what keeps the ratings from being submitted (none for a stored review) */
  problems?: ScorecardProblem[];
  /** the title of the score (得分 / 预览得分 …) */
  title?: string;
  /** how many problems to list before "and n more" */
  limit?: number;
}

export function ScorePanel({ card, result, problems = [], title, limit = 4 }: Props) {
  const { t, locale } = useT();
  const failed = (result?.failedCritical ?? []).map((id) => bi(itemOf(card, id)?.label, locale) || id);
  const color = result?.criticalFail ? '#cf1322' : undefined;
  return (
    <Flex vertical gap={12} data-testid="qa-score-panel">
      <Statistic
        title={title ?? t('qa.score')}
        value={result ? pointsText(result.score) : '—'}
        suffix={`/ ${card.maxScore}`}
        valueStyle={{ color }}
        data-testid="qa-live-score"
      />
      {result?.criticalFail ? (
        <Alert type="error" showIcon message={t('qa.score.criticalFail', { items: failed.join('、') })} />
      ) : null}
      {result ? (
        <Descriptions size="small" column={1} styles={{ label: { width: 120 } }}>
          <Descriptions.Item label={t('qa.score.base')}>{pointsText(result.base)}</Descriptions.Item>
          <Descriptions.Item label={t('qa.score.bonus')}>
            {pointsText(result.bonus)}
            {result.capped ? (
              <Typography.Text type="secondary"> · {t('qa.score.capped', { max: card.maxScore })}</Typography.Text>
            ) : null}
          </Descriptions.Item>
          {card.categories
            .filter((c) => c.items.some((i) => !i.bonus))
            .map((c) => (
              <Descriptions.Item key={c.id} label={bi(c.label, locale)}>
                {pointsText(result.categories.find((x) => x.categoryId === c.id)?.score)}
              </Descriptions.Item>
            ))}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('qa.score.nothingRated')}</Typography.Text>
      )}
      {problems.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="qa-rating-problems"
          message={t('qa.score.problems', { n: problems.length })}
          description={
            <List size="small" split={false}>
              {problems.slice(0, limit).map((p, i) => (
                <List.Item key={i} style={{ padding: '2px 0' }}>
                  {bi(p, locale)}
                </List.Item>
              ))}
              {problems.length > limit ? (
                <List.Item style={{ padding: '2px 0' }}>{t('qa.score.more', { n: problems.length - limit })}</List.Item>
              ) : null}
            </List>
          }
        />
      ) : null}
    </Flex>
  );
}
