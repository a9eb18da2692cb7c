/** The week at a glance: reviews done of due, the QA score against its target, complaints, flagged categories. */
import { Card, Col, Row, Statistic, Tag } from 'antd';
import type { WeeklyOut } from '../../../../server/modules/qa/qa.weekly.schema.ts';
import { useT } from '../../../locales/index.tsx';
import { pctText, RED, scoreText } from './format.ts';

/** Four statistics across the top of the report. */
export function SummaryRow({ r }: { r: WeeklyOut }) {
  const { t } = useT();
  const { overall, target } = r.scores;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="qa-weekly-summary">
      <Col xs={12} lg={6}>
        <Card size="small">
          <Statistic
            title={t('qaWeekly.summary.reviews')}
            value={`${r.reviews.done} / ${r.reviews.due}`}
            suffix={r.reviews.rate === null ? null : <small>({pctText(r.reviews.rate)})</small>}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small">
          <Statistic
            title={t('qaWeekly.summary.score', { target })}
            value={scoreText(overall.score)}
            valueStyle={overall.belowTarget ? { color: RED } : undefined}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small">
          <Statistic title={t('qaWeekly.summary.complaints')} value={r.complaints.total} />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small">
          <Statistic
            title={t('qaWeekly.summary.flagged')}
            value={r.complaints.flagged.length}
            valueStyle={r.complaints.flagged.length ? { color: RED } : undefined}
            suffix={r.complaints.flagged.map((c) => (
              <Tag key={c} color="red" style={{ marginLeft: 4 }}>
                {t(`qaWeekly.category.${c}`)}
              </Tag>
            ))}
          />
        </Card>
      </Col>
    </Row>
  );
}
