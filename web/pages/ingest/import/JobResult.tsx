/**
 * One import job: a progress bar while it runs (bytes read, rows, phase), then its outcome —
 * the counts, "nothing changed" for a file imported before, the problems by line and field,
 * and the rejects file when good rows were kept.
 */
import { Alert, Button, Card, Col, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { ImportJob, ImportProblem } from '../../../../server/modules/ingest/ingest.schema.ts';
import { useT, type MessageKey } from '../../../locales/index.tsx';

type Job = z.infer<typeof ImportJob>;
type Problem = z.infer<typeof ImportProblem>;

/** Problems by line and column, as the importer reports them. */
export function ProblemsTable({ problems }: { problems: Problem[] }) {
  const { t } = useT();
  return (
    <Table<Problem & { key: number }>
      size="small"
      data-testid="import-problems"
      dataSource={problems.map((p, i) => ({ ...p, key: i }))}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('dataImport.line'), dataIndex: 'line', width: 80, render: (v: number) => v || t('common.none') },
        { title: t('dataImport.field'), dataIndex: 'field', width: 160, render: (v: string) => <Tag>{v}</Tag> },
        { title: t('dataImport.reason'), dataIndex: 'message' },
      ]}
    />
  );
}

function Running({ job }: { job: Job }) {
  const { t, locale } = useT();
  const { rows, bytes, totalBytes, phase } = job.progress;
  const percent = totalBytes > 0 ? Math.min(99, Math.floor((bytes / totalBytes) * 100)) : 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-progress">
      <Progress percent={phase === 'reading' ? percent : 99} status="active" />
      <Typography.Text type="secondary">
        {t(phase === 'facts' ? 'dataImport.phase.facts' : 'dataImport.phase.reading', {
          rows: rows.toLocaleString(locale),
          mb: (bytes / 1024 ** 2).toFixed(1),
          total: (totalBytes / 1024 ** 2).toFixed(1),
        })}
      </Typography.Text>
    </Space>
  );
}

/** A job's progress while it runs, then its outcome. */
export function JobResult({ job }: { job: Job }) {
  const { t, locale } = useT();
  const s = job.summary;
  const problems = job.problems.length ? job.problems : (s?.problems ?? []);
  return (
    <Card
      size="small"
      title={t('dataImport.job', { file: job.file })}
      data-testid="import-job"
      data-status={job.status}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {job.status === 'running' ? <Running job={job} /> : null}
        {job.status === 'done' && s ? (
          <>
            {s.nothingChanged ? (
              <Alert
                type="info"
                showIcon
                message={t('dataImport.nothingChanged')}
                data-testid="import-nothing-changed"
              />
            ) : (
              <Alert
                type={s.rejected ? 'warning' : 'success'}
                showIcon
                data-testid="import-done"
                message={t(s.rejected ? 'dataImport.doneWithRejects' : 'dataImport.done', {
                  rows: s.rows.toLocaleString(locale),
                  rejected: s.rejected.toLocaleString(locale),
                  s: (s.ms / 1000).toFixed(1),
                })}
                description={
                  s.factsRefreshed.conversations || s.factsRefreshed.customers
                    ? t('dataImport.factsRefreshed', s.factsRefreshed)
                    : undefined
                }
              />
            )}
            <Row gutter={16}>
              {(
                [
                  ['dataImport.rows', s.rows],
                  ['dataImport.inserted', s.inserted],
                  ['dataImport.updated', s.updated],
                  ['dataImport.unchanged', s.unchanged],
                  ['dataImport.rejected', s.rejected],
                ] as [MessageKey, number][]
              ).map(([key, value]) => (
                <Col key={key} flex="1 1 120px">
                  <Statistic
                    title={t(key)}
                    value={value}
                    valueStyle={key === 'dataImport.rejected' && value ? { color: '#cf1322' } : undefined}
                  />
                </Col>
              ))}
            </Row>
          </>
        ) : null}
        {job.status === 'rejected' ? (
          <Alert
            type="error"
            showIcon
            data-testid="import-rejected"
            message={t('dataImport.rejectedWhole', { count: problems.length })}
            description={job.message}
          />
        ) : null}
        {job.status === 'failed' ? (
          <Alert type="error" showIcon message={t('dataImport.failed')} description={job.message} />
        ) : null}
        {job.rejectsUrl ? (
          <Button icon={<DownloadOutlined />} href={job.rejectsUrl} download data-testid="import-rejects">
            {t('dataImport.rejects')}
          </Button>
        ) : null}
        {problems.length && job.status !== 'running' ? <ProblemsTable problems={problems} /> : null}
      </Space>
    </Card>
  );
}
