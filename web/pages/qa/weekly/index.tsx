/**
 * Weekly QA report (质检周报, SPEC QA-6): pick an ISO week; reviews done vs due, QA scores by group
 * and agent, top failure items, automatic findings and complaint categories, each as a card.
 * Flagged categories (above the flag share) show in red with a form to raise an improvement
 * action; every tracked action shows its category's share week by week. The server scopes the
 * report (leads their group, supervisors their department, managers everything) and exports it.
 */
import { useState } from 'react';
import { Button, Col, Row, Skeleton, Tag, Typography } from 'antd';
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import type { ComplaintCategory } from '../../../../domain/qa/complaints.ts';
import type { TrackedAction } from '../../../../server/modules/qa/qa.weekly.schema.ts';
import { useAccess } from '../../../access.ts';
import { useWeeklyReport, weeklyXlsxUrl } from '../../../api/qa-weekly.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { CloseActionModal, CreateActionModal, EditActionModal } from './ActionModals.tsx';
import { ActionsCard } from './ActionsCard.tsx';
import { ComplaintsCard } from './ComplaintsCard.tsx';
import { FindingsCard } from './FindingsCard.tsx';
import { weekOrDefault } from './format.ts';
import { ItemsCard } from './ItemsCard.tsx';
import { ReviewsCard } from './ReviewsCard.tsx';
import { ScoresCard } from './ScoresCard.tsx';
import { SettingsModal } from './SettingsModal.tsx';
import { SummaryRow } from './SummaryRow.tsx';
import { WeekPicker } from './WeekPicker.tsx';

export default function QaWeeklyPage() {
  const { t } = useT();
  const { canManageQa } = useAccess();
  const [params, setParams] = useSearchParams();
  const week = weekOrDefault(params.get('week'));
  const report = useWeeklyReport(week);
  const r = report.data;
  const [creating, setCreating] = useState<{ category: ComplaintCategory; week: string } | null>(null);
  const [editing, setEditing] = useState<TrackedAction | null>(null);
  const [closing, setClosing] = useState<TrackedAction | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);

  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  return (
    <PageContainer
      title={t('menu.qa.weekly')}
      extra={
        <>
          <WeekPicker week={week} onChange={(w) => setParams({ week: w })} />
          <Button icon={<DownloadOutlined />} href={weeklyXlsxUrl(week)} download data-testid="qa-weekly-export">
            {t('qaWeekly.export')}
          </Button>
          {canManageQa && r ? (
            <Button
              icon={<SettingOutlined />}
              onClick={() => setSettingsOpen(true)}
              aria-label={t('qaWeekly.settings')}
            />
          ) : null}
        </>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('qaWeekly.intro')} {r ? <Tag>{t(`qaWeekly.scope.${r.scope.kind}`)}</Tag> : null}
      </Typography.Paragraph>
      {!r ? (
        <Skeleton active />
      ) : (
        <>
          <SummaryRow r={r} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <ComplaintsCard
                r={r}
                canManage={canManageQa}
                onCreateAction={(category) => setCreating({ category, week })}
              />
            </Col>
            <Col xs={24} xl={12}>
              <ScoresCard r={r} />
            </Col>
            <Col span={24}>
              <ActionsCard r={r} canManage={canManageQa} onEdit={setEditing} onClose={setClosing} />
            </Col>
            <Col xs={24} xl={12}>
              <ItemsCard r={r} />
            </Col>
            <Col xs={24} xl={12}>
              <FindingsCard r={r} />
            </Col>
            <Col xs={24} xl={12}>
              <ReviewsCard r={r} />
            </Col>
          </Row>
          <SettingsModal open={settingsOpen} settings={r.settings} onDone={() => setSettingsOpen(false)} />
        </>
      )}
      <CreateActionModal target={creating} onDone={() => setCreating(null)} />
      <EditActionModal action={editing} onDone={() => setEditing(null)} />
      <CloseActionModal action={closing} onDone={() => setClosing(null)} />
    </PageContainer>
  );
}
