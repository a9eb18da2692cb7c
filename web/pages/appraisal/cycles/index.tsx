/**
 * Cycle board (考核周期): every cycle with its state, kind, period, scope and scheme version and
 * what an open one still needs before its next state; a manager opens new ones. A cycle opens its
 * page with the steps and what is missing.
 */
import { useState } from 'react';
import { Button, Empty, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { CYCLE_STATES, type CycleState } from '../../../../domain/appraisal/index.ts';
import type { CycleOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useCycles, useSchemes } from '../../../api/appraisal.ts';
import { useAccess } from '../../../access.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { cyclePath, schemeOfCycle } from '../components/cycle.ts';
import { KindTag, StateTag } from '../components/tags.tsx';
import { bi } from '../components/text.ts';
import { useScopeText } from '../components/useCycleScope.ts';
import { CreateCycleModal } from './CreateCycleModal.tsx';

type Show = 'open' | 'finalised' | 'all';

export default function CyclesPage() {
  const { t, locale } = useT();
  const { canManageAppraisal } = useAccess();
  const cycles = useCycles();
  const schemes = useSchemes();
  const dir = useDirectory();
  const scopeText = useScopeText(dir);
  const [creating, setCreating] = useState(false);
  const [show, setShow] = useState<Show>('open');
  const rows = (cycles.data ?? []).filter((c) =>
    show === 'all' ? true : show === 'finalised' ? c.state === 'finalised' : c.state !== 'finalised',
  );

  return (
    <PageContainer
      title={t('menu.appraisal.cycles')}
      extra={
        canManageAppraisal ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cycle-create">
            {t('appraisal.cycle.create')}
          </Button>
        ) : null
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Segmented<Show>
          value={show}
          onChange={setShow}
          options={(['open', 'finalised', 'all'] as const).map((s) => ({
            value: s,
            label: t(`appraisal.cycle.show.${s}`),
          }))}
        />
        {cycles.isError ? (
          <LoadError error={cycles.error} onRetry={() => void cycles.refetch()} />
        ) : (
          <Table<CycleOut>
            rowKey="id"
            loading={cycles.isPending}
            dataSource={rows}
            data-testid="cycles-table"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{
              emptyText: (
                <Empty
                  description={canManageAppraisal ? t('appraisal.cycle.emptyManage') : t('appraisal.cycle.empty')}
                />
              ),
            }}
            columns={[
              {
                title: t('appraisal.cycle.name'),
                render: (_v, c) => <Link to={cyclePath(c.id)}>{c.name}</Link>,
                width: 240,
              },
              { title: t('appraisal.cycle.kind'), dataIndex: 'kind', render: (_v, c) => <KindTag kind={c.kind} /> },
              {
                title: t('appraisal.cycle.period'),
                render: (_v, c) => <span style={{ whiteSpace: 'nowrap' }}>{`${c.periodFrom} ~ ${c.periodTo}`}</span>,
                sorter: (a, b) => a.periodFrom.localeCompare(b.periodFrom),
              },
              { title: t('appraisal.cycle.scope'), render: (_v, c) => scopeText(c.scope) },
              {
                title: t('appraisal.cycle.scheme'),
                render: (_v, c) => {
                  const s = schemeOfCycle(c, schemes.data);
                  return (
                    <Typography.Text>
                      {s ? bi(s.name, locale) : c.schemeId} · v{c.schemeVersion}
                    </Typography.Text>
                  );
                },
              },
              {
                title: t('appraisal.cycle.state'),
                dataIndex: 'state',
                render: (_v, c) => <StateTag state={c.state} />,
                filters: CYCLE_STATES.map((s) => ({ text: t(`appraisal.state.${s}`), value: s })),
                onFilter: (v, c) => c.state === (v as CycleState),
              },
              {
                // what the cycle still needs before its next state (the server's readiness check)
                title: t('appraisal.cycle.next'),
                render: (_v, c) =>
                  !c.next ? (
                    t('common.none')
                  ) : c.next.missing.length === 0 ? (
                    <Tag color="green">
                      {t('appraisal.cycle.readyFor', { state: t(`appraisal.state.${c.next.state}`) })}
                    </Tag>
                  ) : (
                    <Space direction="vertical" size={0} data-testid="cycle-list-missing">
                      {c.next.missing.map((m) => (
                        <Typography.Text key={m.code} type="warning" style={{ fontSize: 12 }}>
                          {bi(m, locale)}
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
              },
              {
                title: t('appraisal.cycle.progress'),
                width: 120,
                render: (_v, c) => (
                  <Progress
                    size={[16, 8]}
                    steps={CYCLE_STATES.length}
                    percent={((CYCLE_STATES.indexOf(c.state) + 1) / CYCLE_STATES.length) * 100}
                    showInfo={false}
                  />
                ),
              },
            ]}
          />
        )}
      </Space>
      <CreateCycleModal open={creating} onClose={() => setCreating(false)} dir={dir} />
    </PageContainer>
  );
}
