/**
 * Reviewer workspace (质检工作台): the conversation (customer contact masked as the server sends
 * it) side by side with the assignment's scorecard — a rating or N/A per item, a comment per
 * item, a coaching note — and the live score computed by the domain's scoring. Submitting saves
 * the review; a written review changes only through a dispute.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Input, List, Row, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Ratings } from '../../../../../domain/qa/scorecard.ts';
import { shops } from '../../../../api/org.ts';
import { scorecardOf, useAssignment, useSubmitReview } from '../../../../api/qa.ts';
import { RequestError } from '../../../../api/request.ts';
import { LoadError } from '../../../../components/Exception.tsx';
import { PageContainer } from '../../../../components/PageContainer.tsx';
import { ChatView } from '../../../../components/qa/ChatView.tsx';
import { liveScore } from '../../../../components/qa/ratings.ts';
import { ScorecardForm } from '../../../../components/qa/ScorecardForm.tsx';
import { ScorePanel } from '../../../../components/qa/ScorePanel.tsx';
import { bi, pointsText } from '../../../../components/qa/text.ts';
import { useT } from '../../../../locales/index.tsx';

export default function WorkspacePage() {
  const { id = '' } = useParams();
  const { t, locale } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const assignment = useAssignment(id);
  const submit = useSubmitReview(id);
  const shopList = shops.useList();
  const [ratings, setRatings] = useState<Ratings>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [coaching, setCoaching] = useState('');
  const a = assignment.data;
  const card = useMemo(() => (a ? scorecardOf(a.scorecard) : null), [a]);
  const live = useMemo(() => (card ? liveScore(card, ratings) : null), [card, ratings]);

  if (assignment.isError) return <LoadError error={assignment.error} onRetry={() => void assignment.refetch()} />;
  if (!a || !card || !live) return <Skeleton active />;

  const done = a.status === 'done';
  const serverProblems =
    submit.error instanceof RequestError && submit.error.status === 400 ? submit.error.details : [];
  const onSubmit = () =>
    submit.mutate(
      {
        ratings,
        comments: Object.fromEntries(Object.entries(comments).filter(([, v]) => v.trim() !== '')),
        ...(coaching.trim() ? { coachingNote: coaching.trim() } : {}),
      },
      {
        onSuccess: (review) => {
          void message.success(t('qa.workspace.submitted', { score: pointsText(review.score) }));
          navigate(`/qa/reviews/${encodeURIComponent(review.id)}`);
        },
      },
    );

  return (
    <PageContainer
      title={t('qa.workspace.title', { agent: a.agentName, day: a.day })}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/qa/queue')}>
          {t('qa.workspace.back')}
        </Button>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" style={{ position: 'sticky', top: 16 }} title={t('qa.workspace.chat')}>
            <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('qa.agent')}>{a.agentName}</Descriptions.Item>
              <Descriptions.Item label={t('qa.day')}>{a.day}</Descriptions.Item>
              <Descriptions.Item label={t('qa.shop')}>
                {shopList.data?.find((s) => s.id === a.shopId)?.name ?? a.shopId}
              </Descriptions.Item>
              <Descriptions.Item label={t('qa.sample.reason')}>
                <Tag>{t(`qa.reason.${a.reason}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('qa.conversation')} span={2}>
                <Typography.Text copyable style={{ fontSize: 12 }}>
                  {a.conversationId}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <ChatView conversationId={a.conversationId} agentName={a.agentName} maxHeight={560} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {done ? (
            <Alert
              type="success"
              showIcon
              message={t('qa.workspace.done')}
              action={
                a.reviewId ? (
                  <Link to={`/qa/reviews/${encodeURIComponent(a.reviewId)}`}>{t('qa.workspace.openReview')}</Link>
                ) : null
              }
            />
          ) : (
            <Flex vertical gap={12}>
              <Card
                size="small"
                data-testid="qa-live-bar"
                style={{ position: 'sticky', top: 0, zIndex: 3, boxShadow: '0 2px 6px rgba(0,0,0,0.06)' }}
              >
                <Flex justify="space-between" align="center" wrap gap={8}>
                  <Typography.Text strong>
                    {bi(card.name, locale)} · v{card.version}
                  </Typography.Text>
                  <Typography.Text>
                    {t('qa.workspace.liveScore')}{' '}
                    <Typography.Text
                      strong
                      style={{ fontSize: 18, color: live.result?.criticalFail ? '#cf1322' : undefined }}
                    >
                      {pointsText(live.result?.score)}
                    </Typography.Text>
                    {' / '}
                    {card.maxScore}
                    {live.open ? (
                      <Typography.Text type="secondary">{` · ${t('qa.workspace.open', { n: live.open })}`}</Typography.Text>
                    ) : null}
                  </Typography.Text>
                </Flex>
              </Card>
              <ScorecardForm
                card={card}
                ratings={ratings}
                onRatings={setRatings}
                comments={comments}
                onComments={setComments}
                result={live.result}
              />
              <Card size="small" title={t('qa.coaching')}>
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={4000}
                  placeholder={t('qa.coaching.placeholder')}
                  value={coaching}
                  onChange={(e) => setCoaching(e.target.value)}
                  data-testid="qa-coaching"
                />
              </Card>
              <Card size="small">
                <ScorePanel card={card} result={live.result} problems={live.problems} />
                {serverProblems.length ? (
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginTop: 12 }}
                    message={t('qa.workspace.refused')}
                    description={
                      <List size="small" split={false}>
                        {serverProblems.map((d, i) => (
                          <List.Item key={i} style={{ padding: '2px 0' }}>
                            {d.message}
                          </List.Item>
                        ))}
                      </List>
                    }
                  />
                ) : null}
                <Flex justify="flex-end" style={{ marginTop: 12 }}>
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    disabled={!live.complete}
                    loading={submit.isPending}
                    onClick={onSubmit}
                    data-testid="qa-submit-review"
                  >
                    {t('qa.workspace.submit')}
                  </Button>
                </Flex>
              </Card>
            </Flex>
          )}
        </Col>
      </Row>
    </PageContainer>
  );
}
