/**
 * Consequence proposals of a cycle (考核结果应用建议, SPEC APR-7): each proposal with its kind and
 * reason, and — for calibrators while the cycle is reviewed or calibrated — confirm or reject with
 * a reason. A cycle cannot be finalised while one is undecided, so the open ones come first.
 */
import { useState } from 'react';
import { Alert, Button, Empty, Segmented, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { Proposal, Standing } from '../../../../domain/appraisal/index.ts';
import type { ProposalOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useCycle } from '../../../api/appraisal.ts';
import { useProposals } from '../../../api/appraisal-reviews.ts';
import { useAccess } from '../../../access.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useDirectory, type Directory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { accepts, cyclePath, scorecardPath } from '../components/cycle.ts';
import { StateTag } from '../components/tags.tsx';
import { bi } from '../components/text.ts';
import { useWhen } from '../components/useWhen.ts';
import { DecisionModal, type Decision } from './DecisionModal.tsx';

type Show = 'open' | 'decided' | 'all';
const STATUS_COLOR = { open: 'gold', confirmed: 'green', rejected: 'default' } as const;

/** What a confirmation changed, in words: a level change or the improvement plan's mentor and date. */
function useApplied(dir: Directory) {
  const { t, label } = useT();
  const standing = (s: Standing) =>
    s.level === 'star' ? `${label('level', 'star')} ${s.star ?? ''}`.trim() : label('level', s.level);
  return (r: ProposalOut): string | null => {
    const a = r.applied as { to?: Standing; effectiveDate?: string; mentorId?: string; reappraiseOn?: string } | null;
    if (!a) return null;
    if (a.to && a.effectiveDate)
      return t('appraisal.proposals.appliedLevel', { to: standing(a.to), date: a.effectiveDate });
    if (a.mentorId)
      return t('appraisal.proposals.appliedPlan', {
        mentor: dir.person(a.mentorId)?.name ?? t('appraisal.history.someone'),
        date: a.reappraiseOn ?? '',
      });
    return null;
  };
}

export default function ProposalsPage() {
  const { t, locale } = useT();
  const { cycleId } = useParams();
  const acc = useAccess();
  const cycle = useCycle(cycleId);
  const proposals = useProposals(cycleId);
  const dir = useDirectory();
  const when = useWhen();
  const applied = useApplied(dir);
  const [show, setShow] = useState<Show>('open');
  const [deciding, setDeciding] = useState<{ p: ProposalOut; decision: Decision } | null>(null);

  const failed = cycle.error ?? proposals.error;
  if (failed)
    return <LoadError error={failed} onRetry={() => void Promise.all([cycle.refetch(), proposals.refetch()])} />;
  const c = cycle.data;
  if (!c) return <Skeleton active />;
  const all = proposals.data ?? [];
  const open = all.filter((p) => p.status === 'open');
  const rows = show === 'all' ? all : show === 'open' ? open : all.filter((p) => p.status !== 'open');
  const canDecide = acc.canCalibrate && accepts(c.state, 'proposals');

  return (
    <PageContainer
      title={
        <Space>
          <span>{t('appraisal.proposals.title', { cycle: c.name })}</span>
          <StateTag state={c.state} />
        </Space>
      }
      extra={<Link to={cyclePath(c.id)}>{t('appraisal.backToCycle')}</Link>}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {open.length && c.state !== 'finalised' ? (
          <Alert
            type="warning"
            showIcon
            message={t('appraisal.proposals.blocking', { n: open.length })}
            data-testid="proposals-blocking"
          />
        ) : null}
        {!accepts(c.state, 'proposals') ? (
          <Alert
            type="info"
            showIcon
            message={t('appraisal.proposals.readOnly', { state: t(`appraisal.state.${c.state}`) })}
          />
        ) : null}
        <Segmented<Show>
          value={show}
          onChange={setShow}
          options={(['open', 'decided', 'all'] as const).map((s) => ({
            value: s,
            label: `${t(`appraisal.proposals.show.${s}`)}${s === 'open' ? ` (${open.length})` : ''}`,
          }))}
        />
        <Table<ProposalOut>
          rowKey="id"
          loading={proposals.isPending}
          dataSource={rows}
          data-testid="proposals-table"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: <Empty description={t(show === 'open' ? 'appraisal.proposals.noneOpen' : 'common.empty')} />,
          }}
          columns={[
            {
              title: t('appraisal.agent'),
              render: (_v, p) => <Link to={scorecardPath(p.cycleId, p.personId)}>{p.personName}</Link>,
            },
            {
              title: t('appraisal.proposals.kind'),
              render: (_v, p) => <Tag color="blue">{t(`appraisal.proposals.kind.${p.kind as Proposal['kind']}`)}</Tag>,
            },
            { title: t('appraisal.proposals.reason'), width: '36%', render: (_v, p) => bi(p.reason, locale) },
            {
              title: t('appraisal.proposals.status'),
              render: (_v, p) => (
                <Tag color={STATUS_COLOR[p.status]} data-testid="proposal-status">
                  {t(`appraisal.proposals.status.${p.status}`)}
                </Tag>
              ),
            },
            {
              title: t('appraisal.proposals.decision'),
              render: (_v, p) =>
                p.status === 'open' ? (
                  t('common.none')
                ) : (
                  <Space direction="vertical" size={0}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('appraisal.proposals.decidedBy', {
                        who: dir.person(p.decidedBy)?.name ?? t('appraisal.history.someone'),
                        at: when(p.decidedAt),
                      })}
                    </Typography.Text>
                    {p.decisionReason ? <span>{p.decisionReason}</span> : null}
                    {applied(p) ? <Typography.Text type="success">{applied(p)}</Typography.Text> : null}
                  </Space>
                ),
            },
            ...(canDecide
              ? [
                  {
                    title: t('common.actions'),
                    render: (_v: unknown, p: ProposalOut) =>
                      p.status === 'open' ? (
                        <Space size={4}>
                          <Button
                            size="small"
                            type="primary"
                            icon={<CheckOutlined />}
                            onClick={() => setDeciding({ p, decision: 'confirm' })}
                            data-testid="proposal-confirm"
                          >
                            {t('appraisal.proposals.confirm')}
                          </Button>
                          <Button
                            size="small"
                            danger
                            icon={<CloseOutlined />}
                            onClick={() => setDeciding({ p, decision: 'reject' })}
                            data-testid="proposal-reject"
                          >
                            {t('appraisal.proposals.reject')}
                          </Button>
                        </Space>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Space>
      <DecisionModal
        proposal={deciding?.p ?? null}
        decision={deciding?.decision ?? 'confirm'}
        dir={dir}
        onClose={() => setDeciding(null)}
      />
    </PageContainer>
  );
}
