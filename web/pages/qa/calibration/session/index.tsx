/**
 * One calibration session: who has scored which conversation (never the values while open), my
 * own blind scoring, and for the owner the benchmark choice and closing; once closed, the
 * agreement report per item and per reviewer.
 */
import { useMemo } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, LockOutlined, MinusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useAccess } from '../../../../access.ts';
import { useMe } from '../../../../api/auth.ts';
import { usePeople } from '../../../../api/people.ts';
import { scorecardOf, useCalibration, useCalibrationActions, useScorecard } from '../../../../api/qa.ts';
import { LoadError } from '../../../../components/Exception.tsx';
import { PageContainer } from '../../../../components/PageContainer.tsx';
import { bi } from '../../../../components/qa/text.ts';
import { useT } from '../../../../locales/index.tsx';
import { MyScoring } from './MyScoring.tsx';
import { progressOf } from './report.ts';
import { Report } from './Report.tsx';

const MEDIAN = '__median__';

export default function CalibrationSessionPage() {
  const { id = '' } = useParams();
  const { t, locale } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe().data;
  const { canManageQa } = useAccess();
  const session = useCalibration(id);
  const s = session.data;
  const stored = useScorecard(s?.scorecardId, s?.scorecardVersion);
  const card = useMemo(() => (stored.data ? scorecardOf(stored.data) : null), [stored.data]);
  const people = usePeople({});
  const actions = useCalibrationActions(id);
  const nameOf = useMemo(() => {
    const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
    return (pid: string) => names.get(pid) ?? pid;
  }, [people.data]);

  if (session.isError) return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  if (!s || !card || !me) return <Skeleton active />;

  const open = s.status === 'open';
  const owner = s.ownerId === me.id || canManageQa;
  const { done, complete } = progressOf(s);

  return (
    <PageContainer
      title={
        <Space>
          <span>{s.name}</span>
          <Tag color={open ? 'processing' : 'default'}>{t(`qa.calibration.status.${s.status}`)}</Tag>
        </Space>
      }
      extra={
        <>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/qa/calibration')}>
            {t('common.back')}
          </Button>
          {open && owner ? (
            <Popconfirm
              title={complete ? t('qa.calibration.close.confirm') : t('qa.calibration.close.incomplete')}
              onConfirm={() =>
                actions.close.mutate(undefined, { onSuccess: () => void message.success(t('qa.calibration.closed')) })
              }
            >
              <Button
                type="primary"
                icon={<LockOutlined />}
                loading={actions.close.isPending}
                data-testid="qa-calibration-close"
              >
                {t('qa.calibration.close')}
              </Button>
            </Popconfirm>
          ) : null}
        </>
      }
    >
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('qa.draw.scorecard')}>
              {bi(card.name, locale)} · v{card.version}
            </Descriptions.Item>
            <Descriptions.Item label={t('qa.calibration.owner')}>{nameOf(s.ownerId)}</Descriptions.Item>
            <Descriptions.Item label={t('qa.calibration.benchmark')}>
              {open && owner ? (
                <Select
                  size="small"
                  style={{ minWidth: 160 }}
                  value={s.benchmarkReviewerId ?? MEDIAN}
                  loading={actions.benchmark.isPending}
                  onChange={(v: string) => actions.benchmark.mutate(v === MEDIAN ? null : v)}
                  options={[
                    { value: MEDIAN, label: t('qa.calibration.median') },
                    ...s.reviewerIds.map((r) => ({ value: r, label: nameOf(r) })),
                  ]}
                />
              ) : s.benchmarkReviewerId ? (
                nameOf(s.benchmarkReviewerId)
              ) : (
                t('qa.calibration.median')
              )}
            </Descriptions.Item>
          </Descriptions>
          {open ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('qa.calibration.blind')}
            </Typography.Text>
          ) : null}
        </Card>
        <Card size="small" title={t('qa.calibration.progress')}>
          <Table
            size="small"
            rowKey="reviewerId"
            pagination={false}
            data-testid="qa-calibration-progress"
            dataSource={s.reviewerIds.map((reviewerId) => ({ reviewerId }))}
            columns={[
              {
                title: t('qa.reviewer'),
                key: 'r',
                render: (_, row) => (
                  <Space size={4}>
                    {nameOf(row.reviewerId)}
                    {row.reviewerId === s.benchmarkReviewerId ? (
                      <Tag color="gold">{t('qa.calibration.benchmarkTag')}</Tag>
                    ) : null}
                  </Space>
                ),
              },
              ...s.conversationIds.map((c, i) => ({
                title: t('qa.calibration.conversationNo', { n: i + 1 }),
                key: c,
                align: 'center' as const,
                render: (_: unknown, row: { reviewerId: string }) =>
                  done.get(row.reviewerId)?.has(c) ? (
                    <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('qa.calibration.scored')} />
                  ) : (
                    <MinusOutlined style={{ color: '#bfbfbf' }} aria-label={t('qa.calibration.toScore')} />
                  ),
              })),
            ]}
          />
        </Card>
        {open && s.reviewerIds.includes(me.id) ? <MyScoring session={s} card={card} me={me.id} /> : null}
        {open ? null : <Report session={s} card={card} />}
      </Flex>
    </PageContainer>
  );
}
