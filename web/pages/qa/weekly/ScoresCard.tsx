/** QA scores of the week (mean of review scores) by group and by agent, marked below the target. */
import { useMemo } from 'react';
import { Card, Empty, Table, Tabs, Tag } from 'antd';
import type { WeeklyOut } from '../../../../server/modules/qa/qa.weekly.schema.ts';
import { Chart } from '../../../components/charts/Chart.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { barOption } from './charts.ts';
import { BLUE, RED, scoreText } from './format.ts';

type Group = WeeklyOut['scores']['groups'][number];
type Agent = WeeklyOut['scores']['agents'][number];

/** Agents' scores as bars against the target, then tables by group and by agent. */
export function ScoresCard({ r }: { r: WeeklyOut }) {
  const { t, localName } = useT();
  const dir = useDirectory();
  const { groups, agents, target } = r.scores;
  const groupName = (id: string | null, fallback: string | null) => {
    const g = dir.group(id);
    return g ? localName(g) : (fallback ?? t('qaWeekly.scores.noGroup'));
  };
  const score = (x: { score: number | null; belowTarget: boolean }) =>
    x.belowTarget ? <Tag color="red">{scoreText(x.score)}</Tag> : scoreText(x.score);
  const option = useMemo(
    () =>
      barOption({
        names: agents.map((a) => a.agentName),
        values: agents.map((a) => a.score),
        colors: agents.map((a) => (a.belowTarget ? RED : BLUE)),
        line: { value: target, label: `${t('qaWeekly.scores.target')} ${target}` },
      }),
    [agents, target, t],
  );
  return (
    <Card title={t('qaWeekly.scores.title')} size="small" data-testid="qa-weekly-scores">
      {agents.length === 0 ? (
        <Empty description={t('qaWeekly.scores.empty')} />
      ) : (
        <>
          <Chart option={option} height={220} ariaLabel={t('qaWeekly.scores.title')} />
          <Tabs
            size="small"
            items={[
              {
                key: 'groups',
                label: t('qaWeekly.scores.byGroup'),
                children: (
                  <Table<Group>
                    size="small"
                    rowKey={(g) => g.groupId ?? ''}
                    pagination={false}
                    dataSource={groups}
                    columns={[
                      { title: t('qaWeekly.scores.group'), render: (_v, g) => groupName(g.groupId, g.groupName) },
                      { title: t('qaWeekly.scores.agents'), dataIndex: 'agents', align: 'right' },
                      { title: t('qaWeekly.scores.reviews'), dataIndex: 'reviews', align: 'right' },
                      { title: t('qaWeekly.scores.score'), align: 'right', render: (_v, g) => score(g) },
                    ]}
                  />
                ),
              },
              {
                key: 'agents',
                label: t('qaWeekly.scores.byAgent'),
                children: (
                  <Table<Agent>
                    size="small"
                    rowKey="agentId"
                    pagination={agents.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                    dataSource={agents}
                    columns={[
                      { title: t('qaWeekly.scores.agent'), dataIndex: 'agentName' },
                      { title: t('qaWeekly.scores.group'), render: (_v, a) => groupName(a.groupId, null) },
                      { title: t('qaWeekly.scores.reviews'), dataIndex: 'reviews', align: 'right' },
                      {
                        title: t('qaWeekly.scores.score'),
                        align: 'right',
                        sorter: (a, b) => (a.score ?? 0) - (b.score ?? 0),
                        render: (_v, a) => score(a),
                      },
                    ]}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
