/**
 * A conversation (会话详情): the chat as a timeline beside its rounds, each round with its
 * times, counted duration, flags and the explanation of why it counted. Hovering a round
 * outlines its messages. HR and people outside the conversation's scope get 403 from the server.
 * Automatic inspection marks banned and sentiment words in the chat and sums up beside it.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { CHANNEL_KINDS, type ChannelKind } from '../../../../domain/org.ts';
import { CONVERSATION_CATEGORIES, type ConversationCategory } from '../../../../domain/metrics/records.ts';
import type { RoundOut } from '../../../../server/modules/kpi/kpi.schema.ts';
import { useConversation } from '../../../api/kpi.ts';
import { useInspection } from '../../../api/qa-inspection.ts';
import { hasStatus } from '../../../api/request.ts';
import { Forbidden, LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { formatTime } from '../components/format.ts';
import { RoundFlags } from '../components/RoundFlags.tsx';
import { useMetrics } from '../components/useMetrics.ts';
import { ChatTimeline } from './ChatTimeline.tsx';
import { InspectionCard } from './InspectionCard.tsx';
import { inspectionMaps } from './inspectionMaps.ts';

const isChannel = (c: string): c is ChannelKind => (CHANNEL_KINDS as readonly string[]).includes(c);
const isCategory = (c: string | null): c is ConversationCategory =>
  c !== null && (CONVERSATION_CATEGORIES as readonly string[]).includes(c);

export default function ConversationPage() {
  const { id } = useParams();
  const { t, label } = useT();
  const navigate = useNavigate();
  const conv = useConversation(id);
  const dir = useDirectory();
  const metrics = useMetrics();
  const tz = metrics.settings.timeZone;
  const [active, setActive] = useState<RoundOut | null>(null);
  const inspection = useInspection(id, conv.isSuccess);
  const marked = useMemo(() => inspectionMaps(inspection.data), [inspection.data]);

  // the names the conversation itself carries; the directory covers the rest (a transfer's receiver)
  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    for (const m of conv.data?.messages ?? []) if (m.agentId && m.agentName) names.set(m.agentId, m.agentName);
    for (const r of conv.data?.rounds ?? []) if (r.agentId && r.agentName) names.set(r.agentId, r.agentName);
    return (agentId: string | null) =>
      agentId ? (names.get(agentId) ?? dir.person(agentId)?.name ?? t('conversation.otherAgent')) : t('common.none');
  }, [conv.data, dir, t]);

  if (conv.isError) {
    if (hasStatus(conv.error, 403)) return <Forbidden description={t('conversation.forbidden')} />;
    return <LoadError error={conv.error} onRetry={() => void conv.refetch()} />;
  }
  const c = conv.data;
  const seconds = (n: number | null) => (n === null ? t('common.none') : t('kpi.unit.seconds', { n }));

  return (
    <PageContainer
      title={t('conversation.title', { id: id ?? '' })}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('common.back')}
        </Button>
      }
    >
      {!c ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('conversation.shop')}>
                {dir.shop(c.shopId)?.name ?? c.shopId}
              </Descriptions.Item>
              <Descriptions.Item label={t('conversation.channel')}>
                {isChannel(c.channel) ? label('channelKind', c.channel) : c.channel}
              </Descriptions.Item>
              <Descriptions.Item label={t('conversation.customerId')}>{c.customerId}</Descriptions.Item>
              <Descriptions.Item label={t('conversation.owner')}>{nameOf(c.agentId)}</Descriptions.Item>
              <Descriptions.Item label={t('conversation.category')}>
                {isCategory(c.category) ? label('category', c.category) : (c.category ?? t('common.none'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('conversation.resolved')}>
                {c.category === null ? (
                  t('common.none')
                ) : c.resolved ? (
                  <Tag color="green">{t('conversation.resolved.yes')}</Tag>
                ) : (
                  <Tag color="red">{t('conversation.resolved.no')}</Tag>
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('conversation.chat', { n: c.messages.length })}>
                <ChatTimeline
                  messages={c.messages}
                  rounds={c.rounds}
                  active={active}
                  nameOf={nameOf}
                  timeZone={tz}
                  findings={marked.findings}
                  flags={marked.flags}
                />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Space direction="vertical" size={16} style={{ width: '100%', position: 'sticky', top: 16 }}>
                <InspectionCard inspection={inspection.data} error={inspection.error} timeZone={tz} />
                <Card size="small" title={t('conversation.rounds', { n: c.rounds.length })}>
                  {c.rounds.length === 0 ? (
                    <Empty description={t('conversation.noRounds')} />
                  ) : (
                    <List<RoundOut>
                      size="small"
                      dataSource={c.rounds}
                      data-testid="conversation-rounds"
                      renderItem={(r) => (
                        <List.Item
                          key={r.seq}
                          onMouseEnter={() => setActive(r)}
                          onMouseLeave={() => setActive(null)}
                          style={{ background: active?.seq === r.seq ? '#f0f5ff' : undefined, display: 'block' }}
                        >
                          <Space wrap size={[8, 4]}>
                            <Typography.Text strong>{t('conversation.roundNo', { n: r.seq + 1 })}</Typography.Text>
                            <RoundFlags round={r} />
                          </Space>
                          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', margin: '4px 0' }}>
                            {formatTime(r.openAt, tz)} →{' '}
                            {r.closeAt ? formatTime(r.closeAt, tz).slice(11) : t('rounds.flag.unanswered')}
                            {' · '}
                            {t('rounds.wait')} {seconds(r.waitS)} · {t('rounds.duration')} {seconds(r.durationS)}
                            {r.agentName ? ` · ${r.agentName}` : ''}
                          </div>
                          <Typography.Paragraph style={{ margin: 0 }}>{r.explanation}</Typography.Paragraph>
                        </List.Item>
                      )}
                    />
                  )}
                </Card>
              </Space>
            </Col>
          </Row>
        </Space>
      )}
    </PageContainer>
  );
}
