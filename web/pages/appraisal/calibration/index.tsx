/**
 * Calibration (绩效校准): for one cycle, the distribution of grades per group, each group's
 * mean and spread, and the results worth a second look — totals far from their group's mean
 * and those already calibrated — with the calibrate action (a reason is required and shown to
 * the agent) while the cycle is in calibration.
 */
import { useCallback, useMemo, useState } from 'react';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { SlidersOutlined } from '@ant-design/icons';
import type { ResultOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useCycles, useResults } from '../../../api/appraisal.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { CyclePicker, useCyclePick } from '../components/CyclePicker.tsx';
import { CalibrateModal } from '../components/ResultModals.tsx';
import { ResultsTable } from '../components/ResultsTable.tsx';
import { GRADE_COLOR, pointsText } from '../components/text.ts';
import { GradeChart } from './GradeChart.tsx';
import { findOutliers, groupStats, type Outlier, type Scored } from './outliers.ts';

/** How far from its group's mean a total must be to be listed. */
const K = 2;

const scored = (r: ResultOut): Scored => ({
  personId: r.personId,
  groupId: r.groupId,
  finalTotal: r.finalTotal,
  finalGrade: r.finalGrade,
  calibrated: r.calibration !== null,
});

export default function CalibrationPage() {
  const { t, localName } = useT();
  const cycles = useCycles();
  const { options, cycle, pick } = useCyclePick(cycles.data, ['calibration', 'reviewing', 'finalised']);
  const results = useResults(cycle?.id);
  const dir = useDirectory();
  const [calibrating, setCalibrating] = useState<ResultOut | null>(null);

  const rows = useMemo(() => results.data ?? [], [results.data]);
  const stats = useMemo(() => groupStats(rows.map(scored)), [rows]);
  const outliers = useMemo(() => findOutliers(rows.map(scored), K), [rows]);
  const byPerson = new Map(rows.map((r) => [r.personId, r]));
  const groupName = useCallback(
    (id: string | null) => {
      const g = dir.group(id);
      return g ? localName(g) : t('common.none');
    },
    [dir, localName, t],
  );
  const canCalibrate = cycle?.state === 'calibration';
  const calibrateButton = (r: ResultOut) =>
    canCalibrate ? (
      <Button size="small" icon={<SlidersOutlined />} onClick={() => setCalibrating(r)} data-testid="calibrate-open">
        {t('appraisal.calibrate.button')}
      </Button>
    ) : null;

  if (cycles.isError) return <LoadError error={cycles.error} onRetry={() => void cycles.refetch()} />;
  return (
    <PageContainer
      title={t('menu.appraisal.calibration')}
      extra={<CyclePicker options={options} cycle={cycle} pick={pick} />}
    >
      {!cycle ? (
        <Card>
          <Empty description={cycles.isPending ? t('common.empty') : t('appraisal.calibration.noCycle')} />
        </Card>
      ) : results.isError ? (
        <LoadError error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {!canCalibrate ? (
            <Typography.Text type="secondary">
              {t('appraisal.calibration.readOnly', { state: t(`appraisal.state.${cycle.state}`) })}
            </Typography.Text>
          ) : null}
          <Card size="small" title={t('appraisal.calibration.distribution')} loading={results.isPending}>
            {rows.length ? (
              <GradeChart stats={stats} groupName={groupName} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisal.calibration.noResults')} />
            )}
            <Table
              size="small"
              rowKey={(s) => s.groupId ?? ''}
              pagination={false}
              dataSource={stats}
              style={{ marginTop: 12 }}
              columns={[
                { title: t('appraisal.group'), render: (_v, s) => groupName(s.groupId) },
                { title: t('appraisal.calibration.n'), dataIndex: 'n', align: 'right' },
                { title: t('appraisal.calibration.mean'), align: 'right', render: (_v, s) => pointsText(s.mean) },
                { title: t('appraisal.calibration.sd'), align: 'right', render: (_v, s) => pointsText(s.sd) },
                {
                  title: t('appraisal.calibration.grades'),
                  render: (_v, s) => (
                    <Space size={2}>
                      {(Object.entries(s.grades) as [keyof typeof GRADE_COLOR, number][]).map(([g, n]) => (
                        <Tag key={g} color={n ? GRADE_COLOR[g] : undefined}>{`${g} ${n}`}</Tag>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('appraisal.calibration.outliers', { k: K })}>
            <Table<Outlier>
              size="small"
              rowKey="personId"
              pagination={false}
              dataSource={outliers}
              data-testid="outliers-table"
              loading={results.isPending}
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisal.calibration.noOutliers')} />
                ),
              }}
              columns={[
                { title: t('appraisal.agent'), render: (_v, o) => byPerson.get(o.personId)?.personName ?? o.personId },
                { title: t('appraisal.group'), render: (_v, o) => groupName(o.groupId) },
                {
                  title: t('appraisal.result.total'),
                  align: 'right',
                  render: (_v, o) => pointsText(byPerson.get(o.personId)?.total),
                },
                {
                  title: t('appraisal.result.final'),
                  align: 'right',
                  render: (_v, o) => pointsText(byPerson.get(o.personId)?.finalTotal),
                },
                { title: t('appraisal.calibration.mean'), align: 'right', render: (_v, o) => pointsText(o.mean) },
                { title: 'z', align: 'right', render: (_v, o) => (o.z === null ? t('common.none') : o.z.toFixed(2)) },
                {
                  title: t('appraisal.calibration.why'),
                  render: (_v, o) =>
                    o.reasons.map((x) => <Tag key={x}>{t(`appraisal.calibration.reason.${x}`, { k: K })}</Tag>),
                },
                {
                  title: t('common.actions'),
                  render: (_v, o) => {
                    const r = byPerson.get(o.personId);
                    return r ? calibrateButton(r) : null;
                  },
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('appraisal.calibration.all')}>
            <ResultsTable
              results={rows}
              loading={results.isPending}
              dir={dir}
              empty={t('appraisal.calibration.noResults')}
              extra={canCalibrate ? { title: t('common.actions'), render: calibrateButton } : undefined}
            />
          </Card>
        </Space>
      )}
      {calibrating ? <CalibrateModal result={calibrating} open onClose={() => setCalibrating(null)} /> : null}
    </PageContainer>
  );
}
