/**
 * Try the draft: rate an imagined conversation and watch the review score move, computed by the
 * domain's own scoring — N/A items leave the weighted mean, a failed critical item makes the
 * review 0, bonus points stop at the scorecard's maximum.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Row, Space } from 'antd';
import type { Ratings, Scorecard } from '../../../../../domain/qa/scorecard.ts';
import { bestRatings, liveScore } from '../../../../components/qa/ratings.ts';
import { ScorecardForm } from '../../../../components/qa/ScorecardForm.tsx';
import { ScorePanel } from '../../../../components/qa/ScorePanel.tsx';
import { useT } from '../../../../locales/index.tsx';

export function Preview({ card, valid }: { card: Scorecard; valid: boolean }) {
  const { t } = useT();
  const [ratings, setRatings] = useState<Ratings>({});
  const live = useMemo(() => liveScore(card, ratings), [card, ratings]);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Space style={{ marginBottom: 12 }}>
          <Button size="small" onClick={() => setRatings(bestRatings(card))}>
            {t('qa.preview.best')}
          </Button>
          <Button size="small" onClick={() => setRatings({})}>
            {t('qa.preview.clear')}
          </Button>
        </Space>
        {valid ? null : (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('qa.preview.invalid')} />
        )}
        <ScorecardForm card={card} ratings={ratings} onRatings={setRatings} result={live.result} />
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" style={{ position: 'sticky', top: 16 }} data-testid="qa-preview-score">
          <ScorePanel card={card} result={live.result} problems={live.problems} title={t('qa.preview.score')} />
        </Card>
      </Col>
    </Row>
  );
}
