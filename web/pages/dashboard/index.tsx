/**
 * Home (首页). Managers, supervisors, leads and HR see a summary of the people in their scope,
 * computed from the real roster: active / on leave / left, new hires, and people per group.
 * An agent sees their own profile. No figures that are not backed by data.
 */
import { useMemo } from 'react';
import { Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Person } from '../../../server/modules/people/people.schema.ts';
import { useMe } from '../../api/auth.ts';
import { usePeople, usePerson } from '../../api/people.ts';
import { useAccess } from '../../access.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ChartOption } from '../../components/charts/echarts.ts';
import { LoadError } from '../../components/Exception.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { PersonLink, PersonProfile } from '../../components/PersonProfile.tsx';
import { LevelDisplay } from '../../components/tags.tsx';
import { useDirectory, type Directory } from '../../components/useDirectory.ts';
import { useT } from '../../locales/index.tsx';

export default function DashboardPage() {
  const { t } = useT();
  const me = useMe().data;
  const { canReadPeople } = useAccess();
  return (
    <PageContainer title={t('dashboard.greeting', { name: me?.name ?? '' })}>
      {canReadPeople ? <OrganisationSummary /> : me ? <OwnProfile id={me.id} /> : null}
    </PageContainer>
  );
}

function OwnProfile({ id }: { id: string }) {
  const { t } = useT();
  const person = usePerson(id);
  const dir = useDirectory();
  if (person.isError) return <LoadError error={person.error} onRetry={() => void person.refetch()} />;
  return (
    <Card title={t('profile.mine')}>
      {person.data ? <PersonProfile person={person.data} dir={dir} /> : <Skeleton active />}
    </Card>
  );
}

interface GroupRow {
  key: string;
  name: string;
  active: number;
  onLeave: number;
}

function countByGroup(
  people: Person[],
  dir: Directory,
  localName: (u: { name: string; nameEn?: string | null }) => string,
  none: string,
): GroupRow[] {
  const rows = new Map<string, GroupRow>();
  for (const p of people) {
    if (p.status === 'left') continue;
    const key = p.groupId ?? '';
    const g = dir.group(p.groupId);
    const row = rows.get(key) ?? { key, name: g ? localName(g) : none, active: 0, onLeave: 0 };
    if (p.status === 'active') row.active++;
    else row.onLeave++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.active + b.onLeave - (a.active + a.onLeave));
}

function OrganisationSummary() {
  const { t, localName } = useT();
  const people = usePeople({});
  const dir = useDirectory();
  const list = useMemo(() => people.data ?? [], [people.data]);
  const byGroup = useMemo(
    () => countByGroup(list, dir, localName, t('dashboard.ungrouped')),
    [list, dir, localName, t],
  );
  const newHires = list.filter((p) => p.newHire && p.status !== 'left');
  const count = (s: Person['status']) => list.filter((p) => p.status === s).length;

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: byGroup.map((g) => g.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('dashboard.active'),
          type: 'bar',
          stack: 'people',
          data: byGroup.map((g) => g.active),
          color: '#52c41a',
        },
        {
          name: t('dashboard.onLeave'),
          type: 'bar',
          stack: 'people',
          data: byGroup.map((g) => g.onLeave),
          color: '#fa8c16',
        },
      ],
    }),
    [byGroup, t],
  );

  if (people.isError) return <LoadError error={people.error} onRetry={() => void people.refetch()} />;
  const loading = people.isPending;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('dashboard.scope')}</Typography.Text>
      <Row gutter={[16, 16]}>
        {(
          [
            ['dashboard.people', list.length],
            ['dashboard.active', count('active')],
            ['dashboard.onLeave', count('on_leave')],
            ['dashboard.left', count('left')],
            ['dashboard.newHires', newHires.length],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} flex="1 1 160px">
            <Card loading={loading} data-testid={`stat-${key}`}>
              <Statistic title={t(key)} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('dashboard.byGroup')} loading={loading}>
            {byGroup.length ? (
              <Chart option={option} ariaLabel={t('dashboard.byGroup')} />
            ) : (
              <Empty description={t('dashboard.noPeople')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('dashboard.newHireList')} loading={loading}>
            <Table<Person>
              size="small"
              rowKey="id"
              pagination={{ pageSize: 6, hideOnSinglePage: true }}
              dataSource={newHires}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noNewHires')} />,
              }}
              columns={[
                {
                  title: t('people.name'),
                  dataIndex: 'name',
                  render: (_v, p) => <Link to={`/people/${p.id}`}>{p.name}</Link>,
                },
                {
                  title: t('people.group'),
                  render: (_v, p) => {
                    const g = dir.group(p.groupId);
                    return g ? localName(g) : t('common.none');
                  },
                },
                { title: t('people.level'), render: (_v, p) => <LevelDisplay level={p.level} star={p.star} /> },
                { title: t('people.hireDate'), dataIndex: 'hireDate' },
                { title: t('people.mentor'), render: (_v, p) => <PersonLink id={p.mentorId} dir={dir} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
