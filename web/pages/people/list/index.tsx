/**
 * People (人员): everyone the signed-in person may see (the server scopes the list), filtered by
 * department, group, role, status and a search; filters live in the URL so a view can be shared.
 */
import { Button, Card, Empty, Input, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ROLES, STATUSES, type Role, type Status } from '../../../../domain/org.ts';
import type { Person } from '../../../../server/modules/people/people.schema.ts';
import { usePeople, type PeopleFilters } from '../../../api/people.ts';
import { useAccess } from '../../../access.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { PersonLink } from '../../../components/PersonProfile.tsx';
import { LevelDisplay, NewHireTag, RoleTag, StatusTag } from '../../../components/tags.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { PersonFormDrawer } from '../components/PersonFormDrawer.tsx';

function isOneOf<T extends string>(values: readonly T[], v: string | null): v is T {
  return v !== null && (values as readonly string[]).includes(v);
}

export default function PeoplePage() {
  const { t, label, localName } = useT();
  const { canWritePeople } = useAccess();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const dir = useDirectory();

  const role = params.get('role');
  const status = params.get('status');
  const filters: PeopleFilters = {
    departmentId: params.get('departmentId') ?? undefined,
    groupId: params.get('groupId') ?? undefined,
    role: isOneOf<Role>(ROLES, role) ? role : undefined,
    status: isOneOf<Status>(STATUSES, status) ? status : undefined,
    q: params.get('q') ?? undefined,
  };
  const people = usePeople(filters);
  const [q, setQ] = useState(filters.q ?? '');

  const setFilter = (key: keyof PeopleFilters, value: string | undefined | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key === 'departmentId') next.delete('groupId');
        return next;
      },
      { replace: true },
    );

  const none = t('common.none');
  return (
    <PageContainer
      title={t('menu.org.people')}
      extra={
        canWritePeople ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('people.create')}
          </Button>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('people.department')}
            value={filters.departmentId}
            onChange={(v?: string) => setFilter('departmentId', v)}
            options={dir.departments.map((d) => ({ value: d.id, label: localName(d) }))}
          />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('people.group')}
            value={filters.groupId}
            onChange={(v?: string) => setFilter('groupId', v)}
            options={dir.groups
              .filter((g) => !filters.departmentId || g.departmentId === filters.departmentId)
              .map((g) => ({ value: g.id, label: localName(g) }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('people.role')}
            value={filters.role}
            onChange={(v?: string) => setFilter('role', v)}
            options={ROLES.map((r) => ({ value: r, label: label('role', r) }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('people.status')}
            value={filters.status}
            onChange={(v?: string) => setFilter('status', v)}
            options={STATUSES.map((s) => ({ value: s, label: label('status', s) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('people.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim())}
          />
          <Button
            onClick={() => {
              setQ('');
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Card>
      {people.isError ? (
        <LoadError error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <Table<Person>
          rowKey="id"
          loading={people.isPending}
          dataSource={people.data}
          data-testid="people-table"
          locale={{ emptyText: <Empty description={t('people.empty')} /> }}
          pagination={{ pageSize: 20, showTotal: (count) => t('people.total', { count }) }}
          columns={[
            {
              title: t('people.name'),
              dataIndex: 'name',
              render: (_v, p) => (
                <Space size={4}>
                  <Link to={`/people/${p.id}`}>{p.name}</Link>
                  {p.newHire ? <NewHireTag /> : null}
                </Space>
              ),
              sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
            },
            { title: t('people.login'), dataIndex: 'login' },
            { title: t('people.role'), dataIndex: 'role', render: (r: Role) => <RoleTag role={r} /> },
            { title: t('people.level'), render: (_v, p) => <LevelDisplay level={p.level} star={p.star} /> },
            {
              title: t('people.department'),
              render: (_v, p) => {
                const d = dir.department(p.departmentId);
                return d ? localName(d) : none;
              },
            },
            {
              title: t('people.group'),
              render: (_v, p) => {
                const g = dir.group(p.groupId);
                return g ? localName(g) : none;
              },
            },
            { title: t('people.lead'), render: (_v, p) => <PersonLink id={p.leadId} dir={dir} /> },
            { title: t('people.status'), dataIndex: 'status', render: (s: Status) => <StatusTag status={s} /> },
            {
              title: t('people.hireDate'),
              dataIndex: 'hireDate',
              sorter: (a, b) => a.hireDate.localeCompare(b.hireDate),
            },
          ]}
        />
      )}
      <PersonFormDrawer open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
