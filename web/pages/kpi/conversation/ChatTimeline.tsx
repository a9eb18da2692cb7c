/**
 * A conversation as a chat: the customer on the left, agents on the right, bot and system
 * messages centred, auto-replies tagged, hand-offs and transfers as dividers. Messages inside
 * the highlighted round are outlined; a message that opens a round carries its number. With an
 * inspection, banned and sentiment words are marked in the text and flagged messages tagged.
 */
import { Divider, Empty, Flex, Tag, Typography } from 'antd';
import type { z } from 'zod';
import type { ConversationMessage, RoundOut } from '../../../../server/modules/kpi/kpi.schema.ts';
import type { MessageFindingOut } from '../../../../server/modules/qa/qa.inspection.schema.ts';
import { useT, type MessageKey } from '../../../locales/index.tsx';
import { formatTime } from '../components/format.ts';
import { HighlightedText } from './HighlightedText.tsx';

type Message = z.infer<typeof ConversationMessage>;

const BUBBLE: Record<
  'customer' | 'agent' | 'bot',
  { background: string; align: 'flex-start' | 'flex-end' | 'center' }
> = {
  customer: { background: '#f5f5f5', align: 'flex-start' },
  agent: { background: '#e6f4ff', align: 'flex-end' },
  bot: { background: '#f9f0ff', align: 'center' },
};

const ms = (iso: string) => Date.parse(iso);

export function ChatTimeline({
  messages,
  rounds,
  active,
  nameOf,
  timeZone,
  findings,
  flags,
}: {
  messages: Message[];
  rounds: RoundOut[];
  /** the round whose messages are outlined */
  active: RoundOut | null;
  nameOf(agentId: string | null): string;
  timeZone: string;
  /** automatic inspection's findings by message id */
  findings?: ReadonlyMap<string, MessageFindingOut>;
  /** inspection flags by message id (repeated question, unanswered) */
  flags?: ReadonlyMap<string, MessageKey[]>;
}) {
  const { t } = useT();
  if (messages.length === 0) return <Empty description={t('conversation.noMessages')} />;
  const opens = new Map(rounds.map((r) => [ms(r.openAt), r.seq]));
  const inActive = (m: Message) =>
    active !== null && ms(m.sentAt) >= ms(active.openAt) && ms(m.sentAt) <= ms(active.closeAt ?? active.openAt);
  const time = (m: Message) => formatTime(m.sentAt, timeZone).slice(11);

  return (
    <Flex vertical gap={10} data-testid="chat">
      {messages.map((m) => {
        const seq = m.sender === 'customer' || m.event ? opens.get(ms(m.sentAt)) : undefined;
        const roundTag =
          seq !== undefined ? <Tag color="geekblue">{t('conversation.roundNo', { n: seq + 1 })}</Tag> : null;
        if (m.event) {
          const text =
            m.event === 'handoff'
              ? t('conversation.event.handoff', { to: nameOf(m.toAgentId) })
              : m.event === 'transfer'
                ? t('conversation.event.transfer', { from: nameOf(m.agentId), to: nameOf(m.toAgentId) })
                : m.event === 'close'
                  ? t('conversation.event.close')
                  : m.event;
          return (
            <Divider key={m.messageId} plain style={{ margin: '6px 0' }} data-testid="chat-event">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {roundTag}
                {text} · {time(m)}
              </Typography.Text>
            </Divider>
          );
        }
        if (m.sender === 'system')
          return (
            <Flex key={m.messageId} justify="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.text} · {time(m)}
              </Typography.Text>
            </Flex>
          );
        const style = BUBBLE[m.sender];
        const who =
          m.sender === 'customer'
            ? t('conversation.customer')
            : m.sender === 'bot'
              ? t('conversation.bot')
              : (m.agentName ?? nameOf(m.agentId));
        return (
          <Flex key={m.messageId} vertical align={style.align} data-testid={`chat-${m.sender}`}>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginBottom: 2 }}>
              {roundTag}
              {who} · {time(m)}
              {m.autoReply ? (
                <Tag color="purple" style={{ marginInlineStart: 6 }}>
                  {t('conversation.autoReply')}
                </Tag>
              ) : null}
            </Typography.Text>
            <div
              style={{
                background: style.background,
                padding: '6px 12px',
                borderRadius: 8,
                maxWidth: '72%',
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-word',
                outline: inActive(m) ? '2px solid #1677ff' : undefined,
              }}
            >
              {m.text ? (
                <HighlightedText text={m.text} finding={findings?.get(m.messageId)} />
              ) : (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              )}
            </div>
            {flags?.get(m.messageId)?.map((k) => (
              <Tag key={k} color="volcano" style={{ marginTop: 2, marginInlineEnd: 0 }} data-testid="chat-flag">
                {t(k)}
              </Tag>
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}
