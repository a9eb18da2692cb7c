/**
 * QA scores (质检得分): each agent's QA score for a period — the mean of the scores that count of
 * their reviews (a revised score after a dispute) — in the caller's scope; agents see their own.
 * The number of reviews links to them.
 */
import { useState } from 'react';
import { Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { QaScoreOut } from '../../../../server/modules/qa/qa.reviews.schema.ts';
import { useQaScores } from '../../../api/qa.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { percentText, pointsText, scoreColor } from '../../../components/qa/text.ts';
import { useT } from '../../../locales/index.tsx';
import { RangeFilter, type DayRange } from '../../kpi/components/RangeFilter.tsx';
import { meanScore } from './mean.ts';
import { orgDays, useOrgTimeZone } from '../../../components/orgTime.ts';

export default function QaScoresPage() {
  const { t } = useT();
  const timeZone = useOrgTimeZone();
  const [range, setRange] = useState<DayRange>(() => orgDays(timeZone, 30));
  const scores = useQaScores(range);
  const rows = scores.data ?? [];
  const reviewsLink = (s: QaScoreOut) =>
    `/qa/reviews?${new URLSearchParams({ agentId: s.personId, from: range.from, to: range.to }).toString()}`;

  /** a column header with its definition on hover */
  const head = (title: string, help: string) => (
    <Tooltip title={help}>
      <span style={{ borderBottom: '1px dashed currentColor', cursor: 'help' }}>{title}</span>
    </Tooltip>
  );
  const num = (x: number | null | undefined) => (x == null ? -Infinity : x);

  if (scores.isError) return <LoadError error={scores.error} onRetry={() => void scores.refetch()} />;
  return (
    <PageContainer title={t('menu.qa.scores')} extra={<RangeFilter value={range} onChange={setRange} />}>
      <Typography.Paragraph type="secondary">{t('qa.scores.intro')}</Typography.Paragraph>
      <Statistic
        style={{ marginBottom: 16 }}
        title={t('qa.scores.mean', { n: rows.filter((r) => r.score !== null).length })}
        value={pointsText(meanScore(rows))}
      />
      <Table<QaScoreOut>
        rowKey="personId"
        data-testid="qa-scores"
        showSorterTooltip={false}
        loading={scores.isFetching && !scores.data}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        columns={[
          {
            title: t('qa.agent'),
            dataIndex: 'name',
            key: 'name',
            sorter: (a, b) => a.name.localeCompare(b.name),
          },
          {
            title: t('qa.scores.score'),
            key: 'score',
            align: 'right',
            defaultSortOrder: 'ascend',
            sorter: (a, b) => (a.score ?? Infinity) - (b.score ?? Infinity),
            render: (_, s) => (s.score === null ? '—' : <Tag color={scoreColor(s.score)}>{pointsText(s.score)}</Tag>),
          },
          {
            title: t('qa.scores.reviews'),
            key: 'reviews',
            align: 'right',
            sorter: (a, b) => a.reviews - b.reviews,
            render: (_, s) => (s.reviews ? <Link to={reviewsLink(s)}>{s.reviews}</Link> : 0),
          },
          {
            title: head(t('qa.scores.sentiment'), t('qa.scores.sentimentHelp')),
            key: 'sentiment',
            align: 'right',
            sorter: (a, b) => num(a.inspection?.sentimentIndex) - num(b.inspection?.sentimentIndex),
            render: (_, s) => {
              const x = s.inspection?.sentimentIndex;
              if (x == null) return '—';
              const shown = Math.round(x * 100) / 100 || 0; // −0.004 reads 0.00, not a red −0.00
              return <Typography.Text type={shown < 0 ? 'danger' : undefined}>{shown.toFixed(2)}</Typography.Text>;
            },
          },
          {
            title: head(t('qa.scores.negative'), t('qa.scores.negativeHelp')),
            key: 'negative',
            align: 'right',
            sorter: (a, b) => num(a.inspection?.negativeRate) - num(b.inspection?.negativeRate),
            render: (_, s) => percentText(s.inspection?.negativeRate),
          },
          {
            title: head(t('qa.scores.compliance'), t('qa.scores.complianceHelp')),
            key: 'compliance',
            align: 'right',
            sorter: (a, b) => num(a.inspection?.complianceRate) - num(b.inspection?.complianceRate),
            render: (_, s) => percentText(s.inspection?.complianceRate),
          },
          {
            title: head(t('qa.scores.banned'), t('qa.scores.bannedHelp')),
            key: 'banned',
            align: 'right',
            sorter: (a, b) => num(a.inspection?.bannedPer100) - num(b.inspection?.bannedPer100),
            render: (_, s) =>
              s.inspection ? (
                <Tooltip title={t('qa.scores.bannedDetail', { ...s.inspection.bannedHits, conversations: s.inspection.conversations })}>
                  <span>{pointsText(s.inspection.bannedPer100)}</span>
                </Tooltip>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </PageContainer>
  );
}
