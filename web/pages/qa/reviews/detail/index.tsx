/**
 * One review (质检详情): the conversation beside the scorecard as rated — each item's rating or
 * N/A, its points and the reviewer's comment — the score with its "why", the coaching note, and
 * the dispute: the agent reviewed may open one; its outcome shows once decided. HR sees the
 * scores without the chat, comments or coaching (the server leaves them out).
 */
import { useMemo } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useAccess } from '../../../../access.ts';
import { useMe } from '../../../../api/auth.ts';
import { usePeople } from '../../../../api/people.ts';
import { breakdownOf, scorecardOf, useReview, useScorecard } from '../../../../api/qa.ts';
import { LoadError } from '../../../../components/Exception.tsx';
import { PageContainer } from '../../../../components/PageContainer.tsx';
import { ChatView } from '../../../../components/qa/ChatView.tsx';
import { ScorecardForm } from '../../../../components/qa/ScorecardForm.tsx';
import { ScorePanel } from '../../../../components/qa/ScorePanel.tsx';
import { bi, pointsText, scoreColor } from '../../../../components/qa/text.ts';
import { useT } from '../../../../locales/index.tsx';
import { STATUS_COLOR } from '../status.ts';
import { DisputeCard } from './DisputeCard.tsx';
import { useOrgTime } from '../../../../components/qa/time.ts';

export default function ReviewDetailPage() {
  const { id } = useParams();
  const { t, locale } = useT();
  const navigate = useNavigate();
  const when = useOrgTime();
  const me = useMe().data;
  const { canReadPeople } = useAccess();
  const review = useReview(id);
  const r = review.data;
  const stored = useScorecard(r?.scorecardId, r?.scorecardVersion);
  const people = usePeople({}, canReadPeople);
  const card = useMemo(() => (stored.data ? scorecardOf(stored.data) : null), [stored.data]);

  if (review.isError) return <LoadError error={review.error} onRetry={() => void review.refetch()} />;
  if (stored.isError) return <LoadError error={stored.error} onRetry={() => void stored.refetch()} />;
  if (!r || !card) return <Skeleton active />;

  const nameOf = (pid: string | null) =>
    !pid
      ? t('common.none')
      : pid === r.reviewerId
        ? r.reviewerName
        : (people.data?.find((p) => p.id === pid)?.name ?? t('qa.secondReviewer'));
  const isAgent = me?.id === r.agentId;
  const hr = r.comments === null;

  return (
    <PageContainer
      title={
        <Space>
          <span>{t('qa.review.title', { agent: r.agentName, day: r.day })}</span>
          <Tag color={STATUS_COLOR[r.status]}>{t(`qa.review.status.${r.status}`)}</Tag>
        </Space>
      }
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('common.back')}
        </Button>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16} style={{ position: 'sticky', top: 16 }}>
            <Card size="small">
              <Flex align="center" gap={24} wrap>
                <div data-testid="qa-review-score">
                  <Typography.Text type="secondary">{t('qa.review.finalScore')}</Typography.Text>
                  <div style={{ fontSize: 32, fontWeight: 600, lineHeight: 1.2 }}>
                    <Tag
                      color={scoreColor(r.finalScore)}
                      style={{ fontSize: 28, padding: '4px 10px', lineHeight: 1.2 }}
                    >
                      {pointsText(r.finalScore)}
                    </Tag>
                    <Typography.Text type="secondary">/ {card.maxScore}</Typography.Text>
                  </div>
                </div>
                <Descriptions size="small" column={1} style={{ flex: 1, minWidth: 220 }}>
                  <Descriptions.Item label={t('qa.reviewer')}>{r.reviewerName}</Descriptions.Item>
                  <Descriptions.Item label={t('qa.draw.scorecard')}>
                    {bi(card.name, locale)} · v{card.version}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('qa.review.at')}>{when(r.createdAt)}</Descriptions.Item>
                  {r.finalScore !== r.score ? (
                    <Descriptions.Item label={t('qa.review.firstScore')}>{pointsText(r.score)}</Descriptions.Item>
                  ) : null}
                </Descriptions>
              </Flex>
            </Card>
            <DisputeCard review={r} mayDispute={isAgent} nameOf={nameOf} />
            {hr ? (
              <Alert type="info" showIcon message={t('qa.review.hrNoChat')} />
            ) : (
              <Card size="small" title={t('qa.workspace.chat')}>
                <ChatView conversationId={r.conversationId} agentName={r.agentName} maxHeight={480} />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <Flex vertical gap={12}>
            {r.coachingNote ? (
              <Card size="small" title={t('qa.coaching')} data-testid="qa-review-coaching">
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {r.coachingNote}
                </Typography.Paragraph>
              </Card>
            ) : null}
            {r.status === 'revised' ? <Alert type="info" showIcon message={t('qa.review.revisedNote')} /> : null}
            <ScorecardForm card={card} ratings={r.ratings} comments={r.comments} result={breakdownOf(r)} />
            <Card size="small">
              <ScorePanel card={card} result={breakdownOf(r)} title={t('qa.review.firstScore')} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </PageContainer>
  );
}
