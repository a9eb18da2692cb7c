/**
 * My appraisal (我的考核): the signed-in agent's own results across cycles — shown once a cycle
 * reaches calibration, when the agent may acknowledge or appeal with a reason — the self-reviews
 * still open in cycles that collect them, and a pointer to the peer reviews asked of them.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, List, Popconfirm, Space, Table } from 'antd';
import { CheckOutlined, FormOutlined, MessageOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { CycleOut, ResultOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { schemeOf, useCycles, useResultAction, useResultsOf, useSchemes } from '../../../api/appraisal.ts';
import { useMyPeerReviews } from '../../../api/appraisal-reviews.ts';
import { useMe } from '../../../api/auth.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { accepts, inCycleScope, schemeOfCycle, scorecardPath, usesReview } from '../components/cycle.ts';
import { ReviewModal } from '../components/EntryModals.tsx';
import { TextActionModal } from '../components/ResultModals.tsx';
import { FinalTotal, ResultStatus } from '../components/ResultsTable.tsx';
import { GradeTag, StateTag } from '../components/tags.tsx';
import { yuan } from '../components/text.ts';

function Respond({ r, cycle }: { r: ResultOut; cycle: CycleOut }) {
  const { t } = useT();
  const { message } = App.useApp();
  const action = useResultAction(r.cycleId, r.personId);
  const [appealing, setAppealing] = useState(false);
  if (cycle.state !== 'calibration' || (r.appeal && r.appeal.answer === null)) return null;
  return (
    <Space size={4}>
      {r.acknowledgedAt ? null : (
        <Popconfirm
          title={t('appraisal.ack.confirm')}
          onConfirm={() =>
            action.mutate({ kind: 'acknowledge' }, { onSuccess: () => void message.success(t('appraisal.ack.done')) })
          }
        >
          <Button size="small" type="primary" icon={<CheckOutlined />} data-testid="mine-acknowledge">
            {t('appraisal.ack.button')}
          </Button>
        </Popconfirm>
      )}
      <Button
        size="small"
        danger
        icon={<MessageOutlined />}
        onClick={() => setAppealing(true)}
        data-testid="mine-appeal"
      >
        {t('appraisal.appeal.button')}
      </Button>
      <TextActionModal kind="appeal" result={r} open={appealing} onClose={() => setAppealing(false)} />
    </Space>
  );
}

export default function MyAppraisalPage() {
  const { t } = useT();
  const me = useMe().data;
  const cycles = useCycles();
  const schemes = useSchemes();
  const [reviewing, setReviewing] = useState<CycleOut | null>(null);
  const peerReviews = useMyPeerReviews().data ?? [];
  const shown = useMemo(
    () => (cycles.data ?? []).filter((c) => c.state === 'calibration' || c.state === 'finalised'),
    [cycles.data],
  );
  const results = useResultsOf(shown.map((c) => c.id));
  const byCycle = new Map(shown.map((c) => [c.id, c]));
  const mine = results.data.filter((r) => r.personId === me?.id);
  const selfReviews = (cycles.data ?? []).filter((c) => {
    const s = schemeOfCycle(c, schemes.data);
    return (
      me && s && accepts(c.state, 'reviews') && inCycleScope(c.scope, me) && usesReview(schemeOf(s), c.kind, 'self')
    );
  });
  const error = cycles.error ?? results.error;

  return (
    <PageContainer title={t('menu.appraisal.mine')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {peerReviews.length ? (
          <Alert
            type="info"
            showIcon
            data-testid="mine-peer-reviews"
            message={t('appraisal.mine.peerReviews', { n: peerReviews.length })}
            action={
              <Link to="/appraisal/peer-reviews">
                <Button size="small">{t('appraisal.mine.goPeerReviews')}</Button>
              </Link>
            }
          />
        ) : null}
        {selfReviews.length ? (
          <Card size="small" title={t('appraisal.mine.selfReviews')}>
            <List
              size="small"
              dataSource={selfReviews}
              renderItem={(c) => (
                <List.Item
                  actions={[
                    <Button key="r" size="small" icon={<FormOutlined />} onClick={() => setReviewing(c)}>
                      {t('appraisal.review.self')}
                    </Button>,
                  ]}
                >
                  <Space>
                    {c.name}
                    <StateTag state={c.state} />
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        ) : null}
        {error ? (
          <LoadError error={error} onRetry={() => void Promise.all([cycles.refetch(), results.refetch()])} />
        ) : (
          <Table<ResultOut>
            rowKey="cycleId"
            loading={cycles.isPending || results.isPending}
            dataSource={mine}
            data-testid="mine-results"
            pagination={false}
            locale={{ emptyText: <Empty description={t('appraisal.mine.empty')} /> }}
            columns={[
              {
                title: t('appraisal.cycle.name'),
                render: (_v, r) => (
                  <Link to={scorecardPath(r.cycleId, r.personId, true)} data-testid="mine-open">
                    {byCycle.get(r.cycleId)?.name ?? r.cycleId}
                  </Link>
                ),
              },
              {
                title: t('appraisal.cycle.period'),
                render: (_v, r) => {
                  const c = byCycle.get(r.cycleId);
                  return c ? `${c.periodFrom} ~ ${c.periodTo}` : '';
                },
              },
              {
                title: t('appraisal.cycle.state'),
                render: (_v, r) => {
                  const c = byCycle.get(r.cycleId);
                  return c ? <StateTag state={c.state} /> : null;
                },
              },
              { title: t('appraisal.result.final'), align: 'right', render: (_v, r) => <FinalTotal r={r} /> },
              { title: t('appraisal.result.grade'), render: (_v, r) => <GradeTag grade={r.finalGrade} /> },
              {
                title: t('appraisal.result.rank'),
                render: (_v, r) =>
                  r.rank === null ? t('common.none') : t('appraisal.result.rankOf', { rank: r.rank, of: r.rankOf }),
              },
              { title: t('appraisal.bonus.total'), align: 'right', render: (_v, r) => yuan(r.bonusCents) },
              { title: t('appraisal.result.status'), render: (_v, r) => <ResultStatus r={r} /> },
              {
                title: t('common.actions'),
                render: (_v, r) => {
                  const c = byCycle.get(r.cycleId);
                  return c ? <Respond r={r} cycle={c} /> : null;
                },
              },
            ]}
          />
        )}
      </Space>
      {reviewing && me ? (
        <ReviewModal
          cycle={reviewing}
          kind="self"
          agents={[{ id: me.id, name: me.name }]}
          personId={me.id}
          open
          onClose={() => setReviewing(null)}
        />
      ) : null}
    </PageContainer>
  );
}
