/**
 * A second reviewer decides a dispute: the conversation beside the review as rated and the
 * agent's reason; the decision upholds the score or revises it with new ratings (re-scored live
 * by the domain, as the server will), with a note the agent reads.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Drawer, Flex, Input, Radio, Row, Skeleton, Space, Typography } from 'antd';
import type { Ratings } from '../../../../../domain/qa/scorecard.ts';
import type { DisputeDecide } from '../../../../../server/modules/qa/qa.reviews.schema.ts';
import {
  breakdownOf,
  scorecardOf,
  useDecideDispute,
  useReview,
  useScorecard,
  type DisputeRow,
} from '../../../../api/qa.ts';
import { ChatView } from '../../../../components/qa/ChatView.tsx';
import { liveScore } from '../../../../components/qa/ratings.ts';
import { ScorecardForm } from '../../../../components/qa/ScorecardForm.tsx';
import { ScorePanel } from '../../../../components/qa/ScorePanel.tsx';
import { pointsText } from '../../../../components/qa/text.ts';
import { useT } from '../../../../locales/index.tsx';

type Outcome = DisputeDecide['outcome'];

export function DecideDrawer({ dispute, onClose }: { dispute: DisputeRow | null; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const review = useReview(dispute?.reviewId);
  const r = review.data;
  const stored = useScorecard(r?.scorecardId, r?.scorecardVersion);
  const card = useMemo(() => (stored.data ? scorecardOf(stored.data) : null), [stored.data]);
  const decide = useDecideDispute();
  const [outcome, setOutcome] = useState<Outcome>('upheld');
  const [ratings, setRatings] = useState<Ratings>({});
  const [note, setNote] = useState('');
  useEffect(() => {
    setOutcome('upheld');
    setNote('');
    setRatings(r?.ratings ?? {});
  }, [dispute?.id, r]);
  const live = useMemo(() => (card ? liveScore(card, ratings) : null), [card, ratings]);

  const ready = note.trim() !== '' && (outcome === 'upheld' || Boolean(live?.complete));
  const onDecide = () => {
    if (!dispute) return;
    const body: DisputeDecide =
      outcome === 'revised' ? { outcome, ratings, note: note.trim() } : { outcome, note: note.trim() };
    decide.mutate(
      { id: dispute.id, body },
      {
        onSuccess: (saved) => {
          void message.success(t('qa.decide.done', { score: pointsText(saved.finalScore) }));
          onClose();
        },
      },
    );
  };

  return (
    <Drawer
      open={dispute !== null}
      onClose={onClose}
      width={1180}
      destroyOnHidden
      title={r ? t('qa.decide.title', { agent: r.agentName, day: r.day }) : t('qa.decide.titleShort')}
      extra={
        <Button
          type="primary"
          disabled={!ready}
          loading={decide.isPending}
          onClick={onDecide}
          data-testid="qa-decide-submit"
        >
          {t('qa.decide.submit')}
        </Button>
      }
    >
      {!r || !card || !live || !dispute ? (
        <Skeleton active />
      ) : (
        <Row gutter={16}>
          <Col span={10}>
            <Flex vertical gap={12}>
              <Alert
                type="warning"
                showIcon
                message={t('qa.decide.reason', { score: pointsText(r.score), reviewer: r.reviewerName })}
                description={dispute.reason}
              />
              <Card size="small" title={t('qa.workspace.chat')}>
                <ChatView conversationId={r.conversationId} agentName={r.agentName} maxHeight={520} />
              </Card>
            </Flex>
          </Col>
          <Col span={14}>
            <Flex vertical gap={12}>
              <Card size="small">
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Radio.Group
                    value={outcome}
                    onChange={(e) => setOutcome(e.target.value as Outcome)}
                    optionType="button"
                    buttonStyle="solid"
                    options={[
                      { value: 'upheld', label: t('qa.dispute.outcome.upheld') },
                      { value: 'revised', label: t('qa.dispute.outcome.revised') },
                    ]}
                    data-testid="qa-decide-outcome"
                  />
                  <Typography.Text type="secondary">{t(`qa.decide.help.${outcome}`)}</Typography.Text>
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 5 }}
                    maxLength={2000}
                    placeholder={t('qa.decide.note')}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                    data-testid="qa-decide-note"
                  />
                </Space>
              </Card>
              {outcome === 'revised' ? (
                <>
                  <Card size="small">
                    <ScorePanel
                      card={card}
                      result={live.result}
                      problems={live.problems}
                      title={t('qa.decide.newScore')}
                    />
                  </Card>
                  <ScorecardForm card={card} ratings={ratings} onRatings={setRatings} result={live.result} />
                </>
              ) : (
                <ScorecardForm card={card} ratings={r.ratings} comments={r.comments} result={breakdownOf(r)} />
              )}
            </Flex>
          </Col>
        </Row>
      )}
    </Drawer>
  );
}
