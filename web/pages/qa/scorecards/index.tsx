/**
 * Scorecards (质检表): each family with its latest version — items, maximum score, who saved it
 * — and its older versions in the expanded row. QA managers open a version to edit it (saving
 * writes the next version), copy one into a new family, or retire a family (its reviews keep it).
 */
import { useMemo } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { CopyOutlined, EditOutlined, EyeOutlined, StopOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ScorecardOut } from '../../../../server/modules/qa/qa.schema.ts';
import { itemsOf } from '../../../../domain/qa/scorecard.ts';
import { useAccess } from '../../../access.ts';
import { scorecardOf, useRetireScorecard, useScorecards } from '../../../api/qa.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { bi } from '../../../components/qa/text.ts';
import { useT } from '../../../locales/index.tsx';
import { useOrgTime } from '../../../components/qa/time.ts';

interface Family {
  id: string;
  latest: ScorecardOut;
  older: ScorecardOut[];
}

const editorPath = (s: ScorecardOut, copy = false) =>
  `/qa/scorecards/${encodeURIComponent(s.id)}/${s.version}${copy ? '?copy=1' : ''}`;

export default function ScorecardsPage() {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const { canManageQa } = useAccess();
  const list = useScorecards();
  const retire = useRetireScorecard();
  const when = useOrgTime();

  const families = useMemo<Family[]>(() => {
    const by = new Map<string, ScorecardOut[]>();
    for (const s of list.data ?? []) by.set(s.id, [...(by.get(s.id) ?? []), s]);
    return [...by.entries()].map(([id, versions]) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      return { id, latest: sorted[0], older: sorted.slice(1) };
    });
  }, [list.data]);

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  const itemCount = (s: ScorecardOut) => itemsOf(scorecardOf(s)).length;
  const versionRow = (s: ScorecardOut) => (
    <Space key={s.version} size={12}>
      <Tag>v{s.version}</Tag>
      <span>{when(s.createdAt, 'day')}</span>
      <span>{t('qa.scorecard.items', { n: itemCount(s) })}</span>
      <Link to={editorPath(s)}>{t('common.view')}</Link>
    </Space>
  );

  return (
    <PageContainer title={t('menu.qa.scorecards')}>
      <Typography.Paragraph type="secondary">{t('qa.scorecards.intro')}</Typography.Paragraph>
      <Table<Family>
        rowKey="id"
        data-testid="qa-scorecards"
        loading={list.isPending}
        dataSource={families}
        pagination={false}
        expandable={{
          rowExpandable: (f) => f.older.length > 0,
          expandedRowRender: (f) => <Space direction="vertical">{f.older.map(versionRow)}</Space>,
        }}
        columns={[
          {
            title: t('qa.scorecard.name'),
            key: 'name',
            render: (_, f) => (
              <Space>
                <Link to={editorPath(f.latest)}>{bi(f.latest.name, locale)}</Link>
                <Typography.Text type="secondary">{f.id}</Typography.Text>
              </Space>
            ),
          },
          { title: t('qa.scorecard.version'), key: 'v', render: (_, f) => <Tag>v{f.latest.version}</Tag> },
          { title: t('qa.scorecard.itemCount'), key: 'items', render: (_, f) => itemCount(f.latest) },
          { title: t('qa.scorecard.maxScore'), key: 'max', render: (_, f) => f.latest.maxScore },
          {
            title: t('qa.scorecard.status'),
            key: 'status',
            render: (_, f) =>
              f.latest.retired ? (
                <Tag>{t('qa.scorecard.retired')}</Tag>
              ) : (
                <Tag color="green">{t('qa.scorecard.inUse')}</Tag>
              ),
          },
          {
            title: t('qa.scorecard.savedAt'),
            key: 'at',
            render: (_, f) => when(f.latest.createdAt),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, f) => (
              <Space size={4} wrap>
                <Link to={editorPath(f.latest)}>
                  <Button
                    size="small"
                    type="link"
                    icon={canManageQa && !f.latest.retired ? <EditOutlined /> : <EyeOutlined />}
                  >
                    {canManageQa && !f.latest.retired ? t('common.edit') : t('common.view')}
                  </Button>
                </Link>
                {canManageQa ? (
                  <Link to={editorPath(f.latest, true)}>
                    <Button size="small" type="link" icon={<CopyOutlined />}>
                      {t('qa.scorecard.copy')}
                    </Button>
                  </Link>
                ) : null}
                {canManageQa && !f.latest.retired ? (
                  <Popconfirm
                    title={t('qa.scorecard.retire.confirm')}
                    onConfirm={() =>
                      retire.mutate(f.id, { onSuccess: () => void message.success(t('qa.scorecard.retire.done')) })
                    }
                  >
                    <Button size="small" type="link" danger icon={<StopOutlined />}>
                      {t('qa.scorecard.retire')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
