/**
 * Calibration sessions (质检校准): several reviewers score the same conversations blind, then
 * the owner closes the session and the report shows how far each reviewer and each item agree
 * with the benchmark. QA managers open sessions; reviewers see the ones they take part in.
 */
import { useMemo, useState } from 'react';
import { Button, Progress, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { CalibrationOut } from '../../../../server/modules/qa/qa.calibration.schema.ts';
import { useAccess } from '../../../access.ts';
import { usePeople } from '../../../api/people.ts';
import { useCalibrations } from '../../../api/qa.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { CreateModal } from './CreateModal.tsx';
import { useCardName } from '../../../components/qa/useCardName.ts';
import { useOrgTime } from '../../../components/qa/time.ts';

export default function CalibrationListPage() {
  const { t } = useT();
  const { canManageQa } = useAccess();
  const when = useOrgTime();
  const cardName = useCardName();
  const [creating, setCreating] = useState(false);
  const sessions = useCalibrations();
  const people = usePeople({});
  const nameOf = useMemo(() => {
    const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
    return (id: string) => names.get(id) ?? id;
  }, [people.data]);

  if (sessions.isError) return <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  return (
    <PageContainer
      title={t('menu.qa.calibration')}
      extra={
        canManageQa ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('qa.calibration.create')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('qa.calibration.intro')}</Typography.Paragraph>
      <Table<CalibrationOut>
        rowKey="id"
        data-testid="qa-calibrations"
        loading={sessions.isPending}
        dataSource={sessions.data}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          {
            title: t('qa.calibration.name'),
            key: 'name',
            render: (_, s) => <Link to={`/qa/calibration/${encodeURIComponent(s.id)}`}>{s.name}</Link>,
          },
          {
            title: t('qa.status'),
            key: 'status',
            render: (_, s) => (
              <Tag color={s.status === 'open' ? 'processing' : 'default'}>{t(`qa.calibration.status.${s.status}`)}</Tag>
            ),
          },
          { title: t('qa.draw.scorecard'), key: 'card', render: (_, s) => cardName(s.scorecardId, s.scorecardVersion) },
          { title: t('qa.calibration.conversations'), key: 'n', render: (_, s) => s.conversationIds.length },
          {
            title: t('qa.calibration.reviewers'),
            key: 'reviewers',
            render: (_, s) => s.reviewerIds.map(nameOf).join('、'),
          },
          {
            title: t('qa.calibration.progress'),
            key: 'progress',
            render: (_, s) => {
              const total = s.reviewerIds.length * s.conversationIds.length;
              const done = s.progress.reduce((a, p) => a + p.conversationIds.length, 0);
              return (
                <Progress
                  size="small"
                  style={{ width: 140, margin: 0 }}
                  percent={total ? Math.round((done / total) * 100) : 0}
                  format={() => `${done}/${total}`}
                />
              );
            },
          },
          { title: t('qa.calibration.owner'), key: 'owner', render: (_, s) => nameOf(s.ownerId) },
          { title: t('qa.sample.createdAt'), key: 'at', render: (_, s) => when(s.createdAt, 'day') },
        ]}
      />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
