/** Earlier imports, newest first: who, when, the file, its type, and what it changed. */
import { Card, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { z } from 'zod';
import type { ImportRun } from '../../../../server/modules/ingest/ingest.schema.ts';
import { RECORD_TYPES, type RecordType } from '../../../../server/modules/ingest/ingest.formats.ts';
import { useImportRuns } from '../../../api/ingest.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { STATUS_COLOR, isJobStatus } from './status.ts';

type Run = z.infer<typeof ImportRun>;
const isRecordType = (v: string | null): v is RecordType => (RECORD_TYPES as readonly (string | null)[]).includes(v);

export function ImportHistory() {
  const { t, label, locale } = useT();
  const runs = useImportRuns();
  const dir = useDirectory();
  const count = (n: number) => n.toLocaleString(locale);
  return (
    <Card size="small" title={t('dataImport.history')}>
      {runs.isError ? (
        <LoadError error={runs.error} onRetry={() => void runs.refetch()} />
      ) : (
        <Table<Run>
          size="small"
          rowKey="id"
          data-testid="import-history"
          loading={runs.isPending}
          dataSource={runs.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('dataImport.history.empty')} /> }}
          columns={[
            {
              title: t('dataImport.startedAt'),
              dataIndex: 'startedAt',
              width: 170,
              render: (v: string) => new Date(v).toLocaleString(locale),
            },
            { title: t('dataImport.file'), dataIndex: 'file' },
            {
              title: t('dataImport.type'),
              dataIndex: 'type',
              render: (v: string | null) => (isRecordType(v) ? label('recordType', v) : (v ?? t('common.none'))),
            },
            {
              title: t('dataImport.status'),
              dataIndex: 'status',
              render: (v: string) =>
                isJobStatus(v) ? <Tag color={STATUS_COLOR[v]}>{label('importStatus', v)}</Tag> : <Tag>{v}</Tag>,
            },
            { title: t('dataImport.rows'), dataIndex: 'rows', align: 'right', render: count },
            { title: t('dataImport.inserted'), dataIndex: 'inserted', align: 'right', render: count },
            { title: t('dataImport.unchanged'), dataIndex: 'unchanged', align: 'right', render: count },
            {
              title: t('dataImport.rejected'),
              dataIndex: 'rejected',
              align: 'right',
              render: (n: number) => (n ? <Typography.Text type="danger">{count(n)}</Typography.Text> : count(n)),
            },
            {
              title: t('dataImport.by'),
              dataIndex: 'actorId',
              render: (id: string | null) =>
                id ? (dir.person(id)?.name ?? t('common.notVisible')) : t('audit.system'),
            },
            {
              title: t('dataImport.message'),
              dataIndex: 'message',
              render: (v: string | null, r) => {
                // the server's messages are English; the one every re-import gets is said in the console's words
                const text =
                  r.status === 'done' && r.rows > 0 && r.unchanged === r.rows ? t('dataImport.nothingChanged') : v;
                return text ? (
                  <Tooltip title={text}>
                    <Typography.Text ellipsis style={{ maxWidth: 280 }}>
                      {text}
                    </Typography.Text>
                  </Tooltip>
                ) : null;
              },
            },
          ]}
        />
      )}
    </Card>
  );
}
