/**
 * Automatic inspection of the conversation (SPEC QA-3, KPI-12) beside its chat: the customer's
 * negative-word share against the alert threshold, the sentiment index, banned-word hits by
 * category, the flags (repeated questions, unanswered, ended upset, longest wait) and, for those
 * who handle them, the alerts it raised.
 */
import { Card, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { BANNED_CATEGORIES } from '../../../../domain/qa/text/index.ts';
import type { InspectionOut } from '../../../../server/modules/qa/qa.inspection.schema.ts';
import { hasStatus } from '../../../api/request.ts';
import { useT } from '../../../locales/index.tsx';
import { formatTime } from '../components/format.ts';
import { ALERT_KIND_COLOR, alertKindKey, alertStatusKey, categoryKey, percent } from '../../qa/alerts/alertText.ts';

const LEGEND = [
  { kind: 'banned', key: 'qaInspection.legend.banned', style: { background: '#ffccc7', color: '#a8071a' } },
  { kind: 'negative', key: 'qaInspection.legend.negative', style: { textDecoration: 'underline wavy #fa8c16' } },
  { kind: 'positive', key: 'qaInspection.legend.positive', style: { textDecoration: 'underline #52c41a' } },
] as const;

/** The inspection summary card; nothing for those who may not read it, a note before it exists. */
export function InspectionCard({
  inspection,
  error,
  timeZone,
}: {
  inspection: InspectionOut | undefined;
  error: unknown;
  timeZone: string;
}) {
  const { t, locale } = useT();
  if (hasStatus(error, 403)) return null;
  const title = t('qaInspection.inspection.title');
  if (hasStatus(error, 404))
    return (
      <Card size="small" title={title}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('qaInspection.inspection.notYet')} />
      </Card>
    );
  if (!inspection) return <Card size="small" title={title} loading={!error} />;
  const i = inspection;
  const over = i.negativeShare > i.negativeShareThreshold;
  const flags = [
    ...(i.repeatedQuestions.length ? [t('qaInspection.flag.repeated', { n: i.repeatedQuestions.length })] : []),
    ...(i.unanswered ? [t('qaInspection.flag.unanswered')] : []),
    ...(i.endedUpset ? [t('qaInspection.flag.endedUpset')] : []),
    ...(i.longWaits.length
      ? [t('qaInspection.flag.longWait', { s: Math.round(Math.max(...i.longWaits.map((w) => w.waitS))) })]
      : []),
  ];
  const hits = BANNED_CATEGORIES.filter((c) => i.bannedByCategory[c] > 0);

  return (
    <Card
      size="small"
      title={title}
      extra={i.current ? null : <Tag color="default">{t('qaInspection.inspection.stale')}</Tag>}
      data-testid="inspection-card"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('qaInspection.inspection.negativeShare')}>
          <Typography.Text type={over ? 'danger' : undefined} strong={over} data-testid="negative-share">
            {percent(i.negativeShare, locale)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t('qaInspection.inspection.threshold', { p: percent(i.negativeShareThreshold, locale) })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('qaInspection.inspection.sentiment')}>
          {i.sentimentIndex.toFixed(2)}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t('qaInspection.inspection.customerMessages', { n: i.customerMessages, neg: i.negativeMessages })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('qaInspection.inspection.banned')}>
          {hits.length === 0
            ? t('qaInspection.inspection.none')
            : hits.map((c) => (
                <Tag key={c} color="red">
                  {t(categoryKey(c))} × {i.bannedByCategory[c]}
                </Tag>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('qaInspection.inspection.flags')}>
          {flags.length === 0
            ? t('qaInspection.inspection.none')
            : flags.map((f) => (
                <Tag key={f} color="volcano">
                  {f}
                </Tag>
              ))}
        </Descriptions.Item>
      </Descriptions>
      <Flex gap={12} wrap style={{ fontSize: 12, marginTop: 4 }}>
        {LEGEND.map((l) => (
          <span key={l.kind}>
            <mark style={{ background: 'none', ...l.style }}>{t('qaInspection.legend.sample')}</mark> {t(l.key)}
          </span>
        ))}
      </Flex>
      {i.alerts.length ? (
        <Space direction="vertical" size={4} style={{ marginTop: 12, width: '100%' }} data-testid="inspection-alerts">
          <Typography.Text strong>{t('qaInspection.inspection.alerts')}</Typography.Text>
          {i.alerts.map((a) => (
            <Flex key={a.id} gap={6} align="center" wrap>
              <Tag color={ALERT_KIND_COLOR[a.kind]}>{t(alertKindKey(a.kind))}</Tag>
              <Tag>{t(alertStatusKey(a.status))}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(a.at, timeZone).slice(11)}
              </Typography.Text>
            </Flex>
          ))}
          <Link to="/qa/alerts">{t('qaInspection.inspection.toAlerts')}</Link>
        </Space>
      ) : null}
    </Card>
  );
}
