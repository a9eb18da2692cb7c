/**
 * Agent scorecard (考核结果): one result — every indicator's value, score, weight and "why",
 * the total and grade (calibrated when it was), rank in group, bonus lines, the calibration and
 * appeal history, the interview note — and what the reader may do: the agent acknowledges or
 * appeals, a supervisor calibrates, answers or records a red line, a reviewer enters values,
 * reviews and the interview note while the cycle allows it.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, List, Popconfirm, Result, Row, Skeleton, Space, Statistic, Tag } from 'antd';
import {
  CheckOutlined,
  EditOutlined,
  FormOutlined,
  MessageOutlined,
  SlidersOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { Proposal } from '../../../../domain/appraisal/index.ts';
import {
  appraisalOf,
  bonusOf,
  schemeOf,
  useCycle,
  useResult,
  useResultAction,
  useSchemes,
  useValues,
} from '../../../api/appraisal.ts';
import { RequestError } from '../../../api/request.ts';
import { useMe } from '../../../api/auth.ts';
import { useAccess } from '../../../access.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { BonusLines } from '../components/BonusLines.tsx';
import { accepts, handEnteredItems, proposalsPath, schemeOfCycle, usesReview } from '../components/cycle.ts';
import { ReviewModal, ValueModal } from '../components/EntryModals.tsx';
import { RedLineModal } from '../components/RedLineModal.tsx';
import { CalibrateModal, TextActionModal } from '../components/ResultModals.tsx';
import { ResultStatus } from '../components/ResultsTable.tsx';
import { GradeTag, StateTag } from '../components/tags.tsx';
import { bi, pointsText, yuan } from '../components/text.ts';
import { useWhen } from '../components/useWhen.ts';
import { HistoryCard } from './HistoryCard.tsx';
import { InterviewCard } from './InterviewCard.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';

type Open = 'calibrate' | 'appeal' | 'answer' | 'value' | 'review' | 'self' | 'redLine' | null;

export default function ScorecardPage() {
  const { t, locale, localName } = useT();
  const { message } = App.useApp();
  const acc = useAccess();
  const me = useMe().data;
  const params = useParams();
  const cycleId = params.cycleId;
  const personId = params.personId ?? me?.id;
  const cycle = useCycle(cycleId);
  const result = useResult(cycleId, personId);
  const values = useValues(result.data ? cycleId : undefined, personId);
  const schemes = useSchemes();
  const dir = useDirectory();
  const when = useWhen();
  const action = useResultAction(cycleId ?? '', personId ?? '');
  const [open, setOpen] = useState<Open>(null);
  const stored = cycle.data ? schemeOfCycle(cycle.data, schemes.data) : undefined;
  const scheme = useMemo(() => (stored ? schemeOf(stored) : undefined), [stored]);

  const failed = cycle.error ?? result.error;
  if (failed instanceof RequestError && failed.code === 'not_released')
    return (
      <Result
        status="info"
        title={t('appraisal.scorecard.notReleased')}
        subTitle={t('appraisal.scorecard.notReleasedDesc')}
      />
    );
  if (failed) return <LoadError error={failed} onRetry={() => void Promise.all([cycle.refetch(), result.refetch()])} />;
  const c = cycle.data;
  const r = result.data;
  if (!c || !r) return <Skeleton active />;

  const a = appraisalOf(r);
  const bonus = bonusOf(r);
  const own = me?.id === r.personId;
  const inCalibration = c.state === 'calibration';
  const appealOpen = Boolean(r.appeal && r.appeal.answer === null);
  const group = dir.group(r.groupId);
  const agent = [{ id: r.personId, name: r.personName }];
  const proposals = r.proposals as Proposal[];

  const actions = (
    <>
      {own && inCalibration && !appealOpen && !r.acknowledgedAt ? (
        <Popconfirm
          title={t('appraisal.ack.confirm')}
          onConfirm={() =>
            action.mutate({ kind: 'acknowledge' }, { onSuccess: () => void message.success(t('appraisal.ack.done')) })
          }
        >
          <Button type="primary" icon={<CheckOutlined />} data-testid="result-acknowledge">
            {t('appraisal.ack.button')}
          </Button>
        </Popconfirm>
      ) : null}
      {own && inCalibration && !appealOpen ? (
        <Button danger icon={<MessageOutlined />} onClick={() => setOpen('appeal')} data-testid="result-appeal">
          {t('appraisal.appeal.button')}
        </Button>
      ) : null}
      {own && accepts(c.state, 'reviews') && scheme && usesReview(scheme, c.kind, 'self') ? (
        <Button icon={<FormOutlined />} onClick={() => setOpen('self')}>
          {t('appraisal.review.self')}
        </Button>
      ) : null}
      {!own && acc.canCalibrate && inCalibration && appealOpen ? (
        <Button type="primary" icon={<MessageOutlined />} onClick={() => setOpen('answer')} data-testid="result-answer">
          {t('appraisal.answer.button')}
        </Button>
      ) : null}
      {!own && acc.canCalibrate && inCalibration ? (
        <Button icon={<SlidersOutlined />} onClick={() => setOpen('calibrate')} data-testid="result-calibrate">
          {t('appraisal.calibrate.button')}
        </Button>
      ) : null}
      {!own && acc.canCalibrate && c.state !== 'finalised' ? (
        <Button danger icon={<WarningOutlined />} onClick={() => setOpen('redLine')} data-testid="result-redline">
          {t('appraisal.redLine.button')}
        </Button>
      ) : null}
      {!own && acc.canReviewAppraisal && accepts(c.state, 'values') && scheme ? (
        <Button icon={<EditOutlined />} onClick={() => setOpen('value')}>
          {t('appraisal.entry.value')}
        </Button>
      ) : null}
      {!own &&
      acc.canReviewAppraisal &&
      accepts(c.state, 'reviews') &&
      scheme &&
      usesReview(scheme, c.kind, 'supervisor') ? (
        <Button icon={<FormOutlined />} onClick={() => setOpen('review')}>
          {t('appraisal.review.supervisor')}
        </Button>
      ) : null}
    </>
  );

  return (
    <PageContainer
      title={
        <Space>
          <span>{t('appraisal.scorecard.title', { name: r.personName, cycle: c.name })}</span>
          <StateTag state={c.state} />
        </Space>
      }
      extra={actions}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {own && inCalibration && !r.acknowledgedAt && !appealOpen ? (
          <Alert type="info" showIcon message={t('appraisal.scorecard.pleaseRespond')} />
        ) : null}
        <Card size="small" data-testid="scorecard-summary">
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic
                title={
                  r.calibration
                    ? t('appraisal.result.finalCalibrated', { total: pointsText(r.total) })
                    : t('appraisal.result.total')
                }
                value={pointsText(r.finalTotal)}
              />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('appraisal.result.grade')} valueRender={() => <GradeTag grade={r.finalGrade} />} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={t('appraisal.result.rankIn', { group: group ? localName(group) : t('appraisal.group') })}
                value={
                  r.rank === null ? t('common.none') : t('appraisal.result.rankOf', { rank: r.rank, of: r.rankOf })
                }
              />
            </Col>
            {r.bonusCents !== null ? (
              <Col xs={12} md={5}>
                <Statistic title={t('appraisal.bonus.total')} value={yuan(r.bonusCents)} />
              </Col>
            ) : null}
            <Col xs={24} md={4}>
              <Statistic title={t('appraisal.result.status')} valueRender={() => <ResultStatus r={r} />} />
            </Col>
          </Row>
          <Space wrap style={{ marginTop: 12 }}>
            {a.sections.map((s) => (
              <Tag key={s.kind}>
                {t('appraisal.scorecard.section', {
                  name: bi(s.label, locale),
                  weight: Math.round(s.weight * 100) / 100,
                  points: pointsText(s.points),
                })}
              </Tag>
            ))}
            <Tag>{t('appraisal.scorecard.scheme', { id: a.schemeId, version: a.schemeVersion })}</Tag>
            {a.kpiAsOf ? <Tag>{t('appraisal.scorecard.asOf', { at: when(a.kpiAsOf) })}</Tag> : null}
          </Space>
        </Card>
        {a.notes.length ? (
          <Alert
            type="info"
            message={t('appraisal.scorecard.notes')}
            description={a.notes.map((n, i) => (
              <div key={i}>{bi(n, locale)}</div>
            ))}
          />
        ) : null}
        <Card size="small" title={t('appraisal.scorecard.indicators')} extra={t('appraisal.scorecard.expandHint')}>
          <IndicatorTable
            indicators={a.indicators}
            scheme={scheme}
            cycle={c}
            personId={r.personId}
            groupId={r.groupId}
            values={values.data}
          />
        </Card>
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('appraisal.bonus.title')}>
              {bonus ? <BonusLines bonus={bonus} indicators={a.indicators} /> : t('appraisal.bonus.hidden')}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <HistoryCard r={r} dir={dir} />
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} xl={proposals.length ? 14 : 24}>
            <InterviewCard
              cycle={c}
              personId={r.personId}
              name={r.personName}
              canRecord={!own && acc.canReviewAppraisal && accepts(c.state, 'interview_notes')}
              dir={dir}
            />
          </Col>
          {proposals.length ? (
            <Col xs={24} xl={10}>
              <Card
                size="small"
                title={t('appraisal.scorecard.proposals')}
                extra={
                  acc.canReadProposals ? <Link to={proposalsPath(c.id)}>{t('appraisal.proposals.manage')}</Link> : null
                }
              >
                <List
                  size="small"
                  dataSource={proposals}
                  renderItem={(p) => (
                    <List.Item>
                      {bi(p.reason, locale)}
                      {p.requiresConfirmation ? <Tag color="gold">{t('appraisal.scorecard.toConfirm')}</Tag> : null}
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          ) : null}
        </Row>
      </Space>
      <CalibrateModal result={r} open={open === 'calibrate'} onClose={() => setOpen(null)} />
      <TextActionModal kind="appeal" result={r} open={open === 'appeal'} onClose={() => setOpen(null)} />
      <TextActionModal kind="answer" result={r} open={open === 'answer'} onClose={() => setOpen(null)} />
      {scheme ? (
        <ValueModal
          cycle={c}
          items={handEnteredItems(scheme, c.kind)}
          agents={agent}
          personId={r.personId}
          open={open === 'value'}
          onClose={() => setOpen(null)}
        />
      ) : null}
      <RedLineModal
        cycle={c}
        agents={agent}
        personId={r.personId}
        open={open === 'redLine'}
        onClose={() => setOpen(null)}
      />
      <ReviewModal
        cycle={c}
        kind={open === 'self' ? 'self' : 'supervisor'}
        agents={agent}
        personId={r.personId}
        open={open === 'review' || open === 'self'}
        onClose={() => setOpen(null)}
      />
    </PageContainer>
  );
}
