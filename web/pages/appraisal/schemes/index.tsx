/**
 * Appraisal schemes (考核方案): every version of every scheme family, newest first, with its
 * sections and weights; a version opens in the editor, where a change becomes the next version.
 */
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { CopyOutlined, EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { SchemeOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useSchemes } from '../../../api/appraisal.ts';
import { useAccess } from '../../../access.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { latestSchemes, sortSchemes } from '../components/cycle.ts';
import { bi } from '../components/text.ts';
import { useWhen } from '../components/useWhen.ts';

const editorPath = (s: SchemeOut, copy = false) =>
  `/appraisal/schemes/${encodeURIComponent(s.id)}/${s.version}${copy ? '?copy=1' : ''}`;

export default function SchemesPage() {
  const { t, locale } = useT();
  const { canManageAppraisal } = useAccess();
  const schemes = useSchemes();
  const dir = useDirectory();
  const when = useWhen();
  const rows = sortSchemes(schemes.data ?? []);
  const latest = new Set(latestSchemes(schemes.data ?? []).map((s) => `${s.id}@${s.version}`));

  return (
    <PageContainer title={t('menu.appraisal.schemes')}>
      {schemes.isError ? (
        <LoadError error={schemes.error} onRetry={() => void schemes.refetch()} />
      ) : (
        <Table<SchemeOut>
          rowKey={(s) => `${s.id}@${s.version}`}
          loading={schemes.isPending}
          dataSource={rows}
          data-testid="schemes-table"
          pagination={false}
          locale={{ emptyText: <Empty description={t('appraisal.scheme.empty')} /> }}
          columns={[
            {
              title: t('appraisal.scheme.name'),
              render: (_v, s) => (
                <Space size={4}>
                  <Link to={editorPath(s)}>{bi(s.name, locale)}</Link>
                  <Tag>v{s.version}</Tag>
                  {latest.has(`${s.id}@${s.version}`) ? <Tag color="blue">{t('appraisal.scheme.latest')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('appraisal.scheme.id'),
              dataIndex: 'id',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            {
              title: t('appraisal.scheme.sections'),
              render: (_v, s) =>
                s.sections.map((sec) => `${bi(sec.label, locale)} ${sec.weight}%`).join(t('appraisal.listSep')),
            },
            {
              title: t('appraisal.scheme.indicators'),
              align: 'right',
              render: (_v, s) => s.sections.reduce((n, sec) => n + sec.indicators.length, 0),
            },
            {
              title: t('appraisal.scheme.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => when(v).slice(0, 10),
            },
            {
              title: t('appraisal.scheme.createdBy'),
              render: (_v, s) =>
                s.createdBy ? (dir.person(s.createdBy)?.name ?? s.createdBy) : t('appraisal.scheme.shipped'),
            },
            {
              title: t('common.actions'),
              render: (_v, s) => (
                <Space size={4}>
                  <Link to={editorPath(s)}>
                    <Button size="small" icon={<EditOutlined />}>
                      {canManageAppraisal ? t('common.edit') : t('common.view')}
                    </Button>
                  </Link>
                  {canManageAppraisal ? (
                    <Link to={editorPath(s, true)}>
                      <Button size="small" icon={<CopyOutlined />}>
                        {t('appraisal.scheme.copy')}
                      </Button>
                    </Link>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
    </PageContainer>
  );
}
