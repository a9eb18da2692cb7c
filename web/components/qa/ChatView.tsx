/**
 * A conversation as the QA pages show it: the customer on the left, agents on the right, bot and
 * system lines centred, hand-offs and transfers as dividers. The text is the server's: customer
 * contact data arrives masked for the roles that may not see it.
 */
import { Alert, Divider, Empty, Flex, Skeleton, Typography } from 'antd';
import { useQaConversation } from '../../api/qa.ts';
import { hasStatus } from '../../api/request.ts';
import { useT } from '../../locales/index.tsx';
import { useOrgTime } from './time.ts';

const BUBBLE: Record<string, { background: string; align: 'flex-start' | 'flex-end' | 'center' }> = {
  customer: { background: '#f5f5f5', align: 'flex-start' },
  agent: { background: '#e6f4ff', align: 'flex-end' },
  bot: { background: '#f9f0ff', align: 'center' },
};

export function ChatView({
  conversationId,
  agentName,
  maxHeight = 640,
}: {
  conversationId: string;
  /** the reviewed agent's name, for their messages */
  agentName?: string;
  maxHeight?: number;
}) {
  const { t } = useT();
  const conv = useQaConversation(conversationId);
  const orgTime = useOrgTime();
  if (conv.isError) {
    return (
      <Alert
        type={hasStatus(conv.error, 403) ? 'info' : 'error'}
        showIcon
        message={hasStatus(conv.error, 403) ? t('qa.chat.forbidden') : conv.error.message}
      />
    );
  }
  if (!conv.data) return <Skeleton active />;
  const { messages, agentId } = conv.data;
  if (messages.length === 0) return <Empty description={t('qa.chat.empty')} />;
  const time = (iso: string) => orgTime(iso, 'time');
  const who = (sender: string, id: string | null) =>
    sender === 'customer'
      ? t('qa.chat.customer')
      : sender === 'bot'
        ? t('qa.chat.bot')
        : id && id === agentId && agentName
          ? agentName
          : t('qa.chat.agent');

  return (
    <Flex vertical gap={10} data-testid="qa-chat" style={{ maxHeight, overflowY: 'auto', paddingRight: 4 }}>
      {messages.map((m) => {
        if (m.event) {
          return (
            <Divider key={m.messageId} plain style={{ margin: '6px 0' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.event === 'handoff'
                  ? t('qa.chat.handoff')
                  : m.event === 'transfer'
                    ? t('qa.chat.transfer')
                    : m.event === 'close'
                      ? t('qa.chat.close')
                      : m.event}{' '}
                · {time(m.sentAt)}
              </Typography.Text>
            </Divider>
          );
        }
        const style = BUBBLE[m.sender];
        if (!style) {
          return (
            <Flex key={m.messageId} justify="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.text} · {time(m.sentAt)}
              </Typography.Text>
            </Flex>
          );
        }
        return (
          <Flex key={m.messageId} vertical align={style.align} data-testid={`qa-chat-${m.sender}`}>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginBottom: 2 }}>
              {who(m.sender, m.agentId)} · {time(m.sentAt)}
            </Typography.Text>
            <div
              style={{
                background: style.background,
                padding: '6px 12px',
                borderRadius: 8,
                maxWidth: '80%',
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-word',
              }}
            >
              {m.text || <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
            </div>
          </Flex>
        );
      })}
    </Flex>
  );
}
