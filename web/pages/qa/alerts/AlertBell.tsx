/**
 * The header's alert bell for those who handle alerts: the number of open live alerts in their
 * scope, and a notification with the conversation one click away whenever a live alert arrives
 * (from the shared server-sent-event stream). Clicking the bell opens the alert panel.
 */
import { useCallback } from 'react';
import { App, Badge, Button, Tooltip } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useAlerts, useAlertStream, type AlertEvent } from '../../../api/qa-inspection.ts';
import { useT } from '../../../locales/index.tsx';
import { alertKindKey, alertSummary } from './alertText.ts';

/** The bell with the open live-alert count; notifies each live alert as it arrives. */
export function AlertBell() {
  const { t, locale } = useT();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const open = useAlerts({ status: 'open', live: 'true', limit: 1 });
  const onEvent = useCallback(
    (e: AlertEvent) => {
      if (e.type !== 'alert' || !e.alert.live) return;
      const a = e.alert;
      const path = `/kpi/conversations/${encodeURIComponent(a.conversationId)}`;
      notification.warning({
        key: a.id,
        message: t('qaInspection.notify.title', {
          kind: t(alertKindKey(a.kind)),
          agent: a.agentName ?? t('common.none'),
        }),
        description: `${alertSummary(a, t, locale)} — ${a.detail.excerpt}`,
        actions: (
          <Button
            type="primary"
            size="small"
            onClick={() => {
              notification.destroy(a.id);
              navigate(path);
            }}
          >
            {t('qaInspection.action.view')}
          </Button>
        ),
        placement: 'bottomRight',
        duration: 8,
      });
    },
    [notification, navigate, t, locale],
  );
  useAlertStream(true, onEvent);
  return (
    <Tooltip title={t('qaInspection.bell')}>
      <Badge count={open.data?.total ?? 0} size="small" overflowCount={99}>
        <Button type="text" icon={<AlertOutlined />} onClick={() => navigate('/qa/alerts')} data-testid="alert-bell" />
      </Badge>
    </Tooltip>
  );
}
