/**
 * One cycle (周期详情): its steps and what is missing before the next, the button to move on,
 * the forms that feed it while it collects and is reviewed (hand-entered values, supervisor
 * reviews), the way to its peer reviewers, survey, proposals and red lines, and its results once
 * computed. A finalised cycle is shown locked.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Descriptions, Skeleton, Space, Tag } from 'antd';
import { EditOutlined, FormOutlined, MoneyCollectOutlined, SlidersOutlined } from '@ant-design/icons';
import { RedLineModal } from '../../components/RedLineModal.tsx';
import { CycleWork } from './CycleWork.tsx';
import { Link, useParams } from 'react-router-dom';
import { useCycle, useResults, useSchemes, schemeOf } from '../../../../api/appraisal.ts';
import { useAccess } from '../../../../access.ts';
import { LoadError } from '../../../../components/Exception.tsx';
import { PageContainer } from '../../../../components/PageContainer.tsx';
import { useDirectory } from '../../../../components/useDirectory.ts';
import { useT } from '../../../../locales/index.tsx';
import { accepts, handEnteredItems, schemeOfCycle, usesReview } from '../../components/cycle.ts';
import { ReviewModal, ValueModal } from '../../components/EntryModals.tsx';
import { ResultsTable } from '../../components/ResultsTable.tsx';
import { KindTag, StateTag } from '../../components/tags.tsx';
import { bi } from '../../components/text.ts';
import { agentsOf, useScopeText } from '../../components/useCycleScope.ts';
import { useWhen } from '../../components/useWhen.ts';
import { StateCard } from './StateCard.tsx';

export default function CyclePage() {
  const { t, locale } = useT();
  const { cycleId } = useParams();
  const acc = useAccess();
  const cycle = useCycle(cycleId);
  const results = useResults(cycle.data && cycle.data.state !== 'draft' ? cycleId : undefined);
  const schemes = useSchemes();
  const dir = useDirectory();
  const scopeText = useScopeText(dir);
  const when = useWhen();
  const [entry, setEntry] = useState<{ kind: 'value' | 'review' | 'redLine'; personId?: string } | null>(null);

  const c = cycle.data;
  const stored = c ? schemeOfCycle(c, schemes.data) : undefined;
  const scheme = useMemo(() => (stored ? schemeOf(stored) : undefined), [stored]);
  const agents = useMemo(() => (c ? agentsOf(c, dir) : []), [c, dir]);
  const names = useMemo(() => new Map((results.data ?? []).map((r) => [r.personId, r.personName])), [results.data]);

  if (cycle.isError) return <LoadError error={cycle.error} onRetry={() => void cycle.refetch()} />;
  if (!c) return <Skeleton active />;

  const agentName = (id: string) => dir.person(id)?.name ?? names.get(id) ?? id;
  const canEnter = acc.canReviewAppraisal && accepts(c.state, 'values') && scheme !== undefined;
  const canSupervise =
    acc.canReviewAppraisal &&
    accepts(c.state, 'reviews') &&
    scheme !== undefined &&
    usesReview(scheme, c.kind, 'supervisor');
  const query = `?cycle=${encodeURIComponent(c.id)}`;

  return (
    <PageContainer
      title={
        <Space>
          <span>{c.name}</span>
          <StateTag state={c.state} />
        </Space>
      }
      extra={
        <>
          {canEnter ? (
            <Button icon={<EditOutlined />} onClick={() => setEntry({ kind: 'value' })} data-testid="cycle-enter-value">
              {t('appraisal.entry.value')}
            </Button>
          ) : null}
          {canSupervise ? (
            <Button icon={<FormOutlined />} onClick={() => setEntry({ kind: 'review' })}>
              {t('appraisal.review.supervisor')}
            </Button>
          ) : null}
          {acc.canCalibrate && c.state !== 'draft' && c.state !== 'collecting' ? (
            <Link to={`/appraisal/calibration${query}`}>
              <Button icon={<SlidersOutlined />}>{t('menu.appraisal.calibration')}</Button>
            </Link>
          ) : null}
          {acc.canReadPay && c.state !== 'draft' && c.state !== 'collecting' ? (
            <Link to={`/appraisal/bonus${query}`}>
              <Button icon={<MoneyCollectOutlined />}>{t('menu.appraisal.bonus')}</Button>
            </Link>
          ) : null}
        </>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t('appraisal.cycle.kind')}>
              <KindTag kind={c.kind} />
            </Descriptions.Item>
            <Descriptions.Item
              label={t('appraisal.cycle.period')}
            >{`${c.periodFrom} ~ ${c.periodTo}`}</Descriptions.Item>
            <Descriptions.Item label={t('appraisal.cycle.scope')}>{scopeText(c.scope)}</Descriptions.Item>
            <Descriptions.Item label={t('appraisal.cycle.scheme')}>
              <Link to={`/appraisal/schemes/${encodeURIComponent(c.schemeId)}/${c.schemeVersion}`}>
                {stored ? bi(stored.name, locale) : c.schemeId}
              </Link>
              <Tag style={{ marginInlineStart: 6 }}>v{c.schemeVersion}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('appraisal.cycle.sections')}>
              {t(`appraisal.kind.${c.kind}.sections`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('appraisal.cycle.updatedAt')}>{when(c.updatedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('appraisal.cycle.options')} span={3}>
              {t('appraisal.cycle.optionsSummary', {
                ...c.options.gradeBands,
                peers: c.options.minPeerRaters,
                rate: Math.round(c.options.surveyRate * 1000) / 10,
                team: t(c.options.teamAward ? 'appraisal.cycle.teamAwardOn' : 'appraisal.cycle.teamAwardOff'),
              })}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <StateCard
          cycle={c}
          canManage={acc.canManageAppraisal}
          canEnterValues={canEnter}
          agentName={agentName}
          onEnterValue={(personId) => setEntry({ kind: 'value', personId })}
        />
        <CycleWork cycle={c} onRedLine={() => setEntry({ kind: 'redLine' })} />
        <Card size="small" title={t('appraisal.cycle.results')}>
          {results.isError ? (
            <LoadError error={results.error} onRetry={() => void results.refetch()} />
          ) : (
            <ResultsTable
              results={results.data ?? []}
              loading={results.isFetching}
              dir={dir}
              empty={t(
                c.state === 'draft' || c.state === 'collecting' ? 'appraisal.cycle.noResultsYet' : 'common.empty',
              )}
            />
          )}
        </Card>
      </Space>
      {scheme ? (
        <ValueModal
          cycle={c}
          items={handEnteredItems(scheme, c.kind)}
          agents={agents}
          open={entry?.kind === 'value'}
          personId={entry?.personId}
          onClose={() => setEntry(null)}
        />
      ) : null}
      <RedLineModal cycle={c} agents={agents} open={entry?.kind === 'redLine'} onClose={() => setEntry(null)} />
      <ReviewModal
        cycle={c}
        kind="supervisor"
        agents={agents}
        open={entry?.kind === 'review'}
        personId={entry?.personId}
        onClose={() => setEntry(null)}
      />
    </PageContainer>
  );
}
