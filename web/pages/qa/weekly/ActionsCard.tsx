/**
 * Improvement actions tracked this week: what, who, by when, and the effect — the category's
 * share of complaints in the flagged week and every later week, as a small line per action.
 */
import { Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import type { TrackedAction, WeeklyOut } from '../../../../server/modules/qa/qa.weekly.schema.ts';
import { useT } from '../../../locales/index.tsx';
import { EffectChart } from './EffectChart.tsx';
import { pctText, pointsText } from './format.ts';

/** The tracked actions as cards, each with its effect line; edit and close for QA managers. */
export function ActionsCard({
  r,
  canManage,
  onEdit,
  onClose,
}: {
  r: WeeklyOut;
  canManage: boolean;
  onEdit(a: TrackedAction): void;
  onClose(a: TrackedAction): void;
}) {
  const { t } = useT();
  return (
    <Card title={t('qaWeekly.actions.title')} size="small" data-testid="qa-weekly-actions">
      {r.actions.length === 0 ? (
        <Empty description={t('qaWeekly.actions.empty')} />
      ) : (
        <Row gutter={[12, 12]}>
          {r.actions.map((a) => (
            <Col key={a.id} xs={24} lg={12} xxl={8}>
              <Card
                size="small"
                type="inner"
                data-testid="qa-weekly-action"
                title={
                  <Space size={4} wrap>
                    <Tag color="red">{t(`qaWeekly.category.${a.category}`)}</Tag>
                    <span>{a.week}</span>
                    <Tag color={a.status === 'open' ? 'processing' : 'success'}>
                      {t(`qaWeekly.actions.${a.status}`)}
                    </Tag>
                    {a.overdue ? <Tag color="warning">{t('qaWeekly.actions.overdue')}</Tag> : null}
                  </Space>
                }
                extra={
                  canManage && a.status === 'open' ? (
                    <Space size={4}>
                      <Button size="small" type="link" onClick={() => onEdit(a)}>
                        {t('common.edit')}
                      </Button>
                      <Button size="small" type="link" onClick={() => onClose(a)}>
                        {t('qaWeekly.actions.close')}
                      </Button>
                    </Space>
                  ) : null
                }
              >
                <Typography.Paragraph style={{ marginBottom: 8 }}>{a.description}</Typography.Paragraph>
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label={t('qaWeekly.actions.owner')}>{a.ownerName}</Descriptions.Item>
                  <Descriptions.Item label={t('qaWeekly.actions.due')}>{a.dueDate}</Descriptions.Item>
                  <Descriptions.Item label={t('qaWeekly.actions.baseline')}>{pctText(a.baseline)}</Descriptions.Item>
                  <Descriptions.Item label={t('qaWeekly.actions.latest')}>
                    {pctText(a.latest)}
                    {a.change !== null ? (
                      <Typography.Text type={a.change <= 0 ? 'success' : 'danger'} style={{ marginLeft: 6 }}>
                        {pointsText(a.change)}
                      </Typography.Text>
                    ) : null}
                  </Descriptions.Item>
                  {a.outcome ? (
                    <Descriptions.Item label={t('qaWeekly.actions.outcome')} span={2}>
                      {a.outcome}
                    </Descriptions.Item>
                  ) : null}
                </Descriptions>
                <EffectChart action={a} flagShare={r.settings.flagShare} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
