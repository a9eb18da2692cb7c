/**
 * My blind scoring in an open session: one tab per conversation, the chat beside the scorecard;
 * saving replaces my earlier ratings of that conversation. Nobody — the owner included — sees
 * anyone else's ratings until the session is closed (the server sends only mine).
 */
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, Flex, Row, Tabs, Tag } from 'antd';
import { CheckCircleFilled, SaveOutlined } from '@ant-design/icons';
import type { Ratings, Scorecard } from '../../../../../domain/qa/scorecard.ts';
import type { CalibrationOut } from '../../../../../server/modules/qa/qa.calibration.schema.ts';
import { useCalibrationActions } from '../../../../api/qa.ts';
import { ChatView } from '../../../../components/qa/ChatView.tsx';
import { liveScore } from '../../../../components/qa/ratings.ts';
import { ScorecardForm } from '../../../../components/qa/ScorecardForm.tsx';
import { ScorePanel } from '../../../../components/qa/ScorePanel.tsx';
import { useT } from '../../../../locales/index.tsx';

function OneConversation({
  session,
  card,
  conversationId,
  saved,
}: {
  session: CalibrationOut;
  card: Scorecard;
  conversationId: string;
  saved: Ratings | undefined;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const { score } = useCalibrationActions(session.id);
  const [ratings, setRatings] = useState<Ratings>(saved ?? {});
  useEffect(() => setRatings(saved ?? {}), [saved]);
  const live = useMemo(() => liveScore(card, ratings), [card, ratings]);
  const changed = JSON.stringify(ratings) !== JSON.stringify(saved ?? {});
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('qa.workspace.chat')}>
          <ChatView conversationId={conversationId} maxHeight={520} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Flex vertical gap={12}>
          <Card size="small">
            <ScorePanel card={card} result={live.result} problems={live.problems} title={t('qa.calibration.myScore')} />
            <Flex justify="flex-end" style={{ marginTop: 12 }}>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={!live.complete || !changed}
                loading={score.isPending}
                onClick={() =>
                  score.mutate(
                    { conversationId, ratings },
                    { onSuccess: () => void message.success(t('qa.calibration.scoreSaved')) },
                  )
                }
              >
                {saved ? t('qa.calibration.scoreReplace') : t('qa.calibration.scoreSave')}
              </Button>
            </Flex>
          </Card>
          <ScorecardForm card={card} ratings={ratings} onRatings={setRatings} result={live.result} />
        </Flex>
      </Col>
    </Row>
  );
}

export function MyScoring({ session, card, me }: { session: CalibrationOut; card: Scorecard; me: string }) {
  const { t } = useT();
  const mine = new Map(session.scores.filter((s) => s.reviewerId === me).map((s) => [s.conversationId, s]));
  return (
    <Card size="small" title={t('qa.calibration.myScoring')} data-testid="qa-calibration-scoring">
      <Tabs
        items={session.conversationIds.map((c, i) => ({
          key: c,
          label: (
            <span>
              {t('qa.calibration.conversationNo', { n: i + 1 })}{' '}
              {mine.has(c) ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} />
              ) : (
                <Tag>{t('qa.calibration.toScore')}</Tag>
              )}
            </span>
          ),
          children: <OneConversation session={session} card={card} conversationId={c} saved={mine.get(c)?.ratings} />,
        }))}
      />
    </Card>
  );
}
