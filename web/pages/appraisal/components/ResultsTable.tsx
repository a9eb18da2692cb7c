/** The results of a cycle as a table: total (and calibrated total), grade, rank in group, acknowledgement, appeal, bonus. */
import type { ReactNode } from 'react';
import { Empty, Space, Table, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import type { ResultOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { appraisalOf } from '../../../api/appraisal.ts';
import type { Directory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { scorecardPath } from './cycle.ts';
import { GradeTag } from './tags.tsx';
import { pointsText, yuan } from './text.ts';

/** How far a result has got with the agent: acknowledged, appealed (open or answered), or waiting. */
export function ResultStatus({ r }: { r: ResultOut }) {
  const { t } = useT();
  const tags: ReactNode[] = [];
  if (appraisalOf(r).status === 'provisional')
    tags.push(
      <Tag key="p" color="gold">
        {t('appraisal.result.provisional')}
      </Tag>,
    );
  if (r.appeal && r.appeal.answer === null)
    tags.push(
      <Tag key="a" color="red">
        {t('appraisal.appeal.open')}
      </Tag>,
    );
  else if (r.appeal) tags.push(<Tag key="a">{t('appraisal.appeal.answered')}</Tag>);
  if (r.acknowledgedAt)
    tags.push(
      <Tag key="k" color="green">
        {t('appraisal.result.acknowledged')}
      </Tag>,
    );
  return tags.length ? <Space size={0}>{tags}</Space> : <span>{t('common.none')}</span>;
}

/** Final total, with the computed one in a tooltip when a calibration changed it. */
export function FinalTotal({ r }: { r: Pick<ResultOut, 'calibration' | 'finalTotal' | 'total'> }) {
  const { t } = useT();
  if (!r.calibration) return <span>{pointsText(r.finalTotal)}</span>;
  return (
    <Tooltip title={t('appraisal.result.calibratedFrom', { total: pointsText(r.total), reason: r.calibration.reason })}>
      <Space size={4}>
        <span>{pointsText(r.finalTotal)}</span>
        <Tag color="purple">{t('appraisal.result.calibrated')}</Tag>
      </Space>
    </Tooltip>
  );
}

export function ResultsTable({
  results,
  loading,
  dir,
  empty,
  extra,
}: {
  results: ResultOut[];
  loading: boolean;
  dir: Directory;
  empty: string;
  /** a last column (e.g. calibrate) */
  extra?: { title: string; render(r: ResultOut): ReactNode };
}) {
  const { t, localName } = useT();
  const showPay = results.some((r) => r.bonusCents !== null);
  return (
    <Table<ResultOut>
      size="small"
      rowKey="personId"
      loading={loading}
      dataSource={results}
      data-testid="results-table"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={empty} /> }}
      columns={[
        {
          title: t('appraisal.agent'),
          render: (_v, r) => <Link to={scorecardPath(r.cycleId, r.personId)}>{r.personName}</Link>,
          sorter: (a, b) => a.personName.localeCompare(b.personName, 'zh-CN'),
        },
        {
          title: t('appraisal.group'),
          render: (_v, r) => {
            const g = dir.group(r.groupId);
            return g ? localName(g) : t('common.none');
          },
        },
        {
          title: t('appraisal.result.total'),
          align: 'right',
          render: (_v, r) => pointsText(r.total),
          sorter: (a, b) => (a.total ?? -1) - (b.total ?? -1),
        },
        {
          title: t('appraisal.result.final'),
          align: 'right',
          render: (_v, r) => <FinalTotal r={r} />,
          sorter: (a, b) => (a.finalTotal ?? -1) - (b.finalTotal ?? -1),
          defaultSortOrder: 'descend',
        },
        { title: t('appraisal.result.grade'), render: (_v, r) => <GradeTag grade={r.finalGrade} /> },
        {
          title: t('appraisal.result.rank'),
          render: (_v, r) =>
            r.rank === null ? t('common.none') : t('appraisal.result.rankOf', { rank: r.rank, of: r.rankOf }),
        },
        ...(showPay
          ? [
              {
                title: t('appraisal.bonus.total'),
                align: 'right' as const,
                render: (_v: unknown, r: ResultOut) => yuan(r.bonusCents),
              },
            ]
          : []),
        { title: t('appraisal.result.status'), render: (_v, r) => <ResultStatus r={r} /> },
        ...(extra ? [{ title: extra.title, render: (_v: unknown, r: ResultOut) => extra.render(r) }] : []),
      ]}
    />
  );
}
