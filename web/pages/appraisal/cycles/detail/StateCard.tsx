/**
 * Where a cycle stands: the five steps, what stands between it and the next one (the server's
 * own readiness check, with the agents concerned) and the button to move on — or the lock of a
 * finalised cycle. A manager may also step back one state to reopen.
 */
import { App, Alert, Button, Card, Flex, List, Popconfirm, Space, Steps, Tag, Typography } from 'antd';
import {
  ArrowRightOutlined,
  CheckCircleOutlined,
  EditOutlined,
  LockOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { CYCLE_STATES, type MissingCode } from '../../../../../domain/appraisal/index.ts';
import type { CycleOut } from '../../../../../server/modules/appraisal/appraisal.schema.ts';
import { useChangeState } from '../../../../api/appraisal.ts';
import { useT } from '../../../../locales/index.tsx';
import { peersPath, previousState, proposalsPath } from '../../components/cycle.ts';
import { bi } from '../../components/text.ts';

/** How many agent names a missing item lists before "and n more". */
const NAMES_SHOWN = 24;

/** Where a missing item is dealt with: the proposals, the appeal inbox, the peer reviewers. */
const WHERE: Partial<Record<MissingCode, { path(cycleId: string): string; label: 'proposals' | 'appeals' | 'peers' }>> =
  {
    proposals_open: { path: proposalsPath, label: 'proposals' },
    appeals_open: { path: () => '/appraisal/appeals', label: 'appeals' },
    reviews_open: { path: peersPath, label: 'peers' },
  };

export function StateCard({
  cycle,
  canManage,
  canEnterValues,
  agentName,
  onEnterValue,
}: {
  cycle: CycleOut;
  canManage: boolean;
  canEnterValues: boolean;
  agentName(id: string): string;
  onEnterValue(personId: string): void;
}) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const change = useChangeState(cycle.id);
  const current = CYCLE_STATES.indexOf(cycle.state);
  const next = cycle.next;
  const back = previousState(cycle.state);
  const move = (to: (typeof CYCLE_STATES)[number]) =>
    change.mutate(to, {
      onSuccess: () => void message.success(t('appraisal.cycle.moved', { state: t(`appraisal.state.${to}`) })),
    });

  return (
    <Card size="small" data-testid="cycle-state">
      <Steps
        current={current}
        status={cycle.state === 'finalised' ? 'finish' : 'process'}
        items={CYCLE_STATES.map((s) => ({
          title: t(`appraisal.state.${s}`),
          description: t(`appraisal.state.${s}.help`),
        }))}
        style={{ marginBottom: 16 }}
      />
      {cycle.state === 'finalised' || !next ? (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          message={t('appraisal.cycle.locked')}
          data-testid="cycle-locked"
        />
      ) : next.missing.length === 0 ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          message={t('appraisal.cycle.ready', { state: t(`appraisal.state.${next.state}`) })}
          data-testid="cycle-ready"
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          data-testid="cycle-missing"
          message={t('appraisal.cycle.missing', { state: t(`appraisal.state.${next.state}`) })}
          description={
            <List
              size="small"
              split={false}
              dataSource={next.missing}
              renderItem={(m) => {
                const go = WHERE[m.code as MissingCode];
                return (
                  <List.Item style={{ padding: '4px 0', display: 'block' }} data-testid={`missing-${m.code}`}>
                    <Typography.Text strong>{bi(m, locale)}</Typography.Text>
                    {go ? (
                      <Link
                        to={go.path(cycle.id)}
                        style={{ marginInlineStart: 8 }}
                        data-testid={`missing-go-${m.code}`}
                      >
                        {t(`appraisal.cycle.go.${go.label}`)}
                      </Link>
                    ) : null}
                    {m.agentIds.length ? (
                      <Flex wrap gap={4} style={{ marginTop: 4 }}>
                        {m.agentIds.slice(0, NAMES_SHOWN).map((id) =>
                          m.code === 'values_not_entered' && canEnterValues ? (
                            <Tag
                              key={id}
                              color="orange"
                              icon={<EditOutlined />}
                              style={{ cursor: 'pointer' }}
                              onClick={() => onEnterValue(id)}
                              data-testid="missing-enter"
                            >
                              {agentName(id)}
                            </Tag>
                          ) : (
                            <Tag key={id}>{agentName(id)}</Tag>
                          ),
                        )}
                        {m.agentIds.length > NAMES_SHOWN ? (
                          <Tag>{t('appraisal.cycle.more', { n: m.agentIds.length - NAMES_SHOWN })}</Tag>
                        ) : null}
                      </Flex>
                    ) : null}
                  </List.Item>
                );
              }}
            />
          }
        />
      )}
      {canManage && (next || back) ? (
        <Space style={{ marginTop: 16 }}>
          {next ? (
            <Popconfirm
              title={t(`appraisal.cycle.confirm.${next.state}`)}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => move(next.state)}
              disabled={next.missing.length > 0}
            >
              <Button
                type="primary"
                icon={<ArrowRightOutlined />}
                disabled={next.missing.length > 0}
                loading={change.isPending}
                data-testid="cycle-advance"
              >
                {t('appraisal.cycle.advance', { state: t(`appraisal.state.${next.state}`) })}
              </Button>
            </Popconfirm>
          ) : null}
          {back ? (
            <Popconfirm
              title={t('appraisal.cycle.confirmBack', { state: t(`appraisal.state.${back}`) })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => move(back)}
            >
              <Button icon={<RollbackOutlined />} disabled={change.isPending}>
                {t('appraisal.cycle.back', { state: t(`appraisal.state.${back}`) })}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ) : null}
    </Card>
  );
}
