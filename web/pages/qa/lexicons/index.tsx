/**
 * Inspection lexicons (质检词库, SPEC QA-3) for QA managers: their own banned words per category,
 * whitelist phrases and sentiment words on top of the shipped lists, a tester, and the inspection
 * settings. Any change re-inspects history in the background; its progress shows at the top.
 */
import { Alert, Col, Progress, Row, Space } from 'antd';
import { useLexicons, useReinspect } from '../../../api/qa-inspection.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { SettingsCard } from './SettingsCard.tsx';
import { Tester } from './Tester.tsx';
import { WordLists } from './WordLists.tsx';

function ReinspectBanner() {
  const { t } = useT();
  const r = useReinspect().data;
  if (!r || r.status === 'idle') return null;
  if (r.status === 'running')
    return (
      <Alert
        type="info"
        showIcon
        data-testid="reinspect-running"
        message={t('qaInspection.reinspect.running', { done: r.done, total: r.total })}
        description={<Progress percent={r.total ? Math.floor((r.done / r.total) * 100) : 0} size="small" />}
      />
    );
  if (r.status === 'failed')
    return <Alert type="error" showIcon message={t('qaInspection.reinspect.failed', { error: r.error ?? '' })} />;
  // a finished run is news for a few minutes, not forever
  if (!r.finishedAt || Date.now() - Date.parse(r.finishedAt) > 10 * 60_000) return null;
  return (
    <Alert
      type="success"
      showIcon
      closable
      message={t('qaInspection.reinspect.done', { done: r.done, alerts: r.alerts })}
    />
  );
}

/** The lexicon page: re-inspection progress, word lists, tester and settings. */
export default function LexiconsPage() {
  const { t } = useT();
  const lexicons = useLexicons();
  return (
    <PageContainer title={t('menu.qa.lexicons')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ReinspectBanner />
        {lexicons.isError ? (
          <LoadError error={lexicons.error} onRetry={() => void lexicons.refetch()} />
        ) : (
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              {lexicons.data ? (
                <WordLists words={lexicons.data.words} shipped={lexicons.data.shipped} />
              ) : (
                <Alert type="info" message={t('qaInspection.lexicon.loading')} />
              )}
            </Col>
            <Col xs={24} lg={10}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Tester />
                <SettingsCard />
              </Space>
            </Col>
          </Row>
        )}
      </Space>
    </PageContainer>
  );
}
