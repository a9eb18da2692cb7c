/** Audit log (审计日志, admins): every write with who, when, and a before/after field diff. */
import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../../../server/modules/audit/audit.schema.ts';
import { useAuditLog } from '../../../api/audit.ts';
import { usePeople } from '../../../api/people.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT, type MessageKey } from '../../../locales/index.tsx';

/** Entities the server records, named by the page that manages them. */
const ENTITY_LABEL: Record<string, MessageKey> = {
  person: 'menu.org.people',
  departments: 'menu.org.departments',
  groups: 'menu.org.groups',
  shops: 'menu.org.shops',
  channels: 'menu.org.channels',
  settings: 'menu.system.settings',
};

interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** The fields that differ between before and after (all fields of a created or removed record). */
function diff(before: unknown, after: unknown): DiffRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) return before === after ? [] : [{ field: '', before, after }];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys
    .map((field) => ({ field, before: b?.[field], after: a?.[field] }))
    .filter((r) => JSON.stringify(r.before) !== JSON.stringify(r.after));
}

function Value({ v }: { v: unknown }) {
  if (v === undefined || v === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Typography.Text code>{typeof v === 'string' ? v : JSON.stringify(v)}</Typography.Text>;
}

function Diff({ entry }: { entry: AuditEntry }) {
  const { t } = useT();
  const rows = diff(entry.before, entry.after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noDiff')}</Typography.Text>;
  return (
    <Table<DiffRow>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 200 },
        { title: t('audit.before'), dataIndex: 'before', render: (v: unknown) => <Value v={v} /> },
        { title: t('audit.after'), dataIndex: 'after', render: (v: unknown) => <Value v={v} /> },
      ]}
    />
  );
}

export default function AuditPage() {
  const { t, locale } = useT();
  const [entity, setEntity] = useState<string>();
  const [actorId, setActorId] = useState<string>();
  const log = useAuditLog({ entity, actorId });
  const people = usePeople({});
  const entries = useMemo(() => log.data?.pages.flat() ?? [], [log.data]);
  const entityName = (e: string) => (ENTITY_LABEL[e] ? t(ENTITY_LABEL[e]) : e);

  return (
    <PageContainer title={t('menu.system.audit')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('audit.filterEntity')}
            value={entity}
            onChange={setEntity}
            options={Object.keys(ENTITY_LABEL).map((e) => ({ value: e, label: entityName(e) }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            placeholder={t('audit.filterActor')}
            value={actorId}
            onChange={setActorId}
            options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.login})` }))}
          />
        </Space>
      </Card>
      {log.isError ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          loading={log.isPending}
          dataSource={entries}
          pagination={false}
          locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
          expandable={{ expandedRowRender: (e) => <Diff entry={e} /> }}
          columns={[
            {
              title: t('audit.at'),
              dataIndex: 'at',
              width: 200,
              render: (v: string) => new Date(v).toLocaleString(locale),
            },
            { title: t('audit.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? t('audit.system') },
            { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag>{v}</Tag> },
            { title: t('audit.entity'), dataIndex: 'entity', render: (v: string) => entityName(v) },
            {
              title: t('audit.entityId'),
              dataIndex: 'entityId',
              render: (id: string | null, e) => {
                if (!id) return t('common.none');
                if (e.entity !== 'person') return <Typography.Text type="secondary">{id}</Typography.Text>;
                const p = people.data?.find((x) => x.id === id);
                return <Link to={`/people/${id}`}>{p ? `${p.name} (${p.login})` : id}</Link>;
              },
            },
          ]}
          footer={() => (
            <Flex justify="center">
              {log.hasNextPage ? (
                <Button loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                  {t('common.loadMore')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
              )}
            </Flex>
          )}
        />
      )}
    </PageContainer>
  );
}
