/**
 * Appeal inbox (申诉处理): the appeals of agents in the reader's scope across cycles, from one
 * request — open ones first, to answer while the cycle is in calibration (a cycle cannot be
 * finalised while one is open) — and the answered ones for the record.
 */
import { useState } from 'react';
import { Button, Empty, Segmented, Space, Table, Typography } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { AppealItem } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useAppeals } from '../../../api/appraisal.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { cyclePath, scorecardPath } from '../components/cycle.ts';
import { TextActionModal } from '../components/ResultModals.tsx';
import { FinalTotal } from '../components/ResultsTable.tsx';
import { GradeTag, StateTag } from '../components/tags.tsx';
import { useWhen } from '../components/useWhen.ts';

type Show = 'open' | 'answered';

export default function AppealsPage() {
  const { t, localName } = useT();
  const dir = useDirectory();
  const when = useWhen();
  const [show, setShow] = useState<Show>('open');
  const [answering, setAnswering] = useState<AppealItem | null>(null);
  const appeals = useAppeals(show);
  // oldest first: the longest-waiting appeal is answered first
  const rows = [...(appeals.data ?? [])].sort((a, b) => a.appeal.at.localeCompare(b.appeal.at));

  return (
    <PageContainer title={t('menu.appraisal.appeals')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Segmented<Show>
          value={show}
          onChange={setShow}
          options={[
            { value: 'open', label: t('appraisal.appeal.open') },
            { value: 'answered', label: t('appraisal.appeal.answered') },
          ]}
        />
        {appeals.isError ? (
          <LoadError error={appeals.error} onRetry={() => void appeals.refetch()} />
        ) : (
          <Table<AppealItem>
            rowKey={(r) => `${r.cycleId}/${r.personId}`}
            loading={appeals.isPending}
            dataSource={rows}
            data-testid="appeals-table"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{
              emptyText: (
                <Empty
                  description={t(show === 'open' ? 'appraisal.appeal.noneOpen' : 'appraisal.appeal.noneAnswered')}
                />
              ),
            }}
            expandable={{
              rowExpandable: (r) => Boolean(r.appeal.answer),
              expandedRowRender: (r) => (
                <Typography.Paragraph style={{ margin: 0 }}>
                  {t('appraisal.appeal.answerLine', {
                    who: r.answeredByName ?? dir.person(r.appeal.answeredBy)?.name ?? t('appraisal.history.someone'),
                    at: when(r.appeal.answeredAt),
                    answer: r.appeal.answer ?? '',
                  })}
                </Typography.Paragraph>
              ),
            }}
            columns={[
              {
                title: t('appraisal.agent'),
                render: (_v, r) => <Link to={scorecardPath(r.cycleId, r.personId)}>{r.personName}</Link>,
              },
              {
                title: t('appraisal.group'),
                render: (_v, r) => {
                  const g = dir.group(r.groupId);
                  return g ? localName(g) : t('common.none');
                },
              },
              {
                title: t('appraisal.cycle.name'),
                render: (_v, r) => (
                  <Space size={4}>
                    <Link to={cyclePath(r.cycleId)}>{r.cycleName}</Link>
                    <StateTag state={r.cycleState} />
                  </Space>
                ),
              },
              { title: t('appraisal.result.final'), align: 'right', render: (_v, r) => <FinalTotal r={r} /> },
              { title: t('appraisal.result.grade'), render: (_v, r) => <GradeTag grade={r.finalGrade} /> },
              { title: t('appraisal.appeal.reason'), width: '30%', render: (_v, r) => r.appeal.reason },
              { title: t('appraisal.appeal.at'), render: (_v, r) => when(r.appeal.at) },
              {
                title: t('common.actions'),
                render: (_v, r) =>
                  show === 'open' && r.cycleState === 'calibration' ? (
                    <Button
                      size="small"
                      type="primary"
                      icon={<MessageOutlined />}
                      onClick={() => setAnswering(r)}
                      data-testid="appeal-answer"
                    >
                      {t('appraisal.answer.button')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Space>
      {answering ? <TextActionModal kind="answer" result={answering} open onClose={() => setAnswering(null)} /> : null}
    </PageContainer>
  );
}
