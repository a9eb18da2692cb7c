/**
 * The alert list: when, what, whose, the words or figures that raised it, where it stands, and
 * the actions — open the conversation, acknowledge, resolve. Alerts that arrived while the page
 * was open are tinted until it is reloaded.
 */
import { Button, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, MessageOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { AlertOut } from '../../../../server/modules/qa/qa.alerts.schema.ts';
import { useAcknowledgeAlert } from '../../../api/qa-inspection.ts';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { formatTime } from '../../kpi/components/format.ts';
import {
  ALERT_KIND_COLOR,
  ALERT_STATUS_COLOR,
  alertKindKey,
  alertStatusKey,
  alertSummary,
  outcomeKey,
} from './alertText.ts';

/** The alert table with its paging and row actions. */
export function AlertTable({
  alerts,
  total,
  loading,
  page,
  pageSize,
  onPage,
  fresh,
  timeZone,
  onResolve,
}: {
  alerts: AlertOut[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage(page: number, pageSize: number): void;
  /** ids that arrived live while the page was open */
  fresh: ReadonlySet<string>;
  timeZone: string;
  onResolve(a: AlertOut): void;
}) {
  const { t, locale, localName } = useT();
  const dir = useDirectory();
  const acknowledge = useAcknowledgeAlert();

  return (
    <Table<AlertOut>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={alerts}
      data-testid="alerts-table"
      onRow={(a) => ({ style: fresh.has(a.id) ? { background: '#fff1f0' } : undefined })}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, onChange: onPage, hideOnSinglePage: true }}
      columns={[
        {
          title: t('qaInspection.col.at'),
          width: 150,
          render: (_v, a) => (
            <Space direction="vertical" size={0}>
              <span>{formatTime(a.at, timeZone).slice(5, 16)}</span>
              {a.live ? <Tag color="magenta">{t('qaInspection.live')}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t('qaInspection.col.kind'),
          width: 150,
          render: (_v, a) => <Tag color={ALERT_KIND_COLOR[a.kind]}>{t(alertKindKey(a.kind))}</Tag>,
        },
        {
          title: t('qaInspection.col.agent'),
          width: 150,
          render: (_v, a) => {
            const g = dir.group(a.groupId);
            return (
              <Space direction="vertical" size={0}>
                <span>{a.agentName ?? t('common.none')}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {g ? localName(g) : ''}
                </Typography.Text>
              </Space>
            );
          },
        },
        {
          title: t('qaInspection.col.detail'),
          render: (_v, a) => (
            <Space direction="vertical" size={0} style={{ maxWidth: 420 }}>
              <span>{alertSummary(a, t, locale)}</span>
              <Typography.Text
                type="secondary"
                ellipsis={{ tooltip: a.detail.excerpt }}
                style={{ fontSize: 12, maxWidth: 420 }}
              >
                {a.detail.excerpt}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('qaInspection.col.status'),
          width: 160,
          render: (_v, a) => (
            <Space direction="vertical" size={0}>
              <Tag color={ALERT_STATUS_COLOR[a.status]}>{t(alertStatusKey(a.status))}</Tag>
              {a.outcome ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(outcomeKey(a.outcome))}
                  {a.note ? ` · ${a.note}` : ''}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        },
        {
          title: t('common.actions'),
          width: 240,
          render: (_v, a) => (
            <Space wrap size={4}>
              <Link to={`/kpi/conversations/${encodeURIComponent(a.conversationId)}`} data-testid="alert-conversation">
                <Button size="small" icon={<MessageOutlined />}>
                  {t('qaInspection.action.view')}
                </Button>
              </Link>
              {a.status === 'open' ? (
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  loading={acknowledge.isPending && acknowledge.variables === a.id}
                  onClick={() => acknowledge.mutate(a.id)}
                  data-testid="alert-acknowledge"
                >
                  {t('qaInspection.action.acknowledge')}
                </Button>
              ) : null}
              {a.status !== 'resolved' ? (
                <Button size="small" type="primary" onClick={() => onResolve(a)} data-testid="alert-resolve">
                  {t('qaInspection.action.resolve')}
                </Button>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
