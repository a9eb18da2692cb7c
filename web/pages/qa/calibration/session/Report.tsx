/**
 * The agreement report of a closed session: overall alignment, agreement per item (which items
 * reviewers read differently) and per reviewer (who drifts from the benchmark, and by how many
 * points), a bar chart of both, and every reviewer's score per conversation beside the benchmark.
 */
import { useMemo } from 'react';
import { Card, Col, Flex, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import type { Scorecard } from '../../../../../domain/qa/scorecard.ts';
import type { CalibrationOut, CalibrationReportOut } from '../../../../../server/modules/qa/qa.calibration.schema.ts';
import { useCalibrationReport } from '../../../../api/qa.ts';
import { LoadError } from '../../../../components/Exception.tsx';
import { itemOf } from '../../../../components/qa/ratings.ts';
import { bi, percentText, pointsText } from '../../../../components/qa/text.ts';
import { useT } from '../../../../locales/index.tsx';
import { AgreementChart } from './AgreementChart.tsx';
import { agreementSeries, rankReviewers } from './report.ts';

type ItemRow = CalibrationReportOut['items'][number];
type ReviewerRow = CalibrationReportOut['reviewers'][number];

const alignColor = (x: number | null) => (x === null ? 'default' : x < 0.8 ? 'red' : x < 0.9 ? 'orange' : 'green');

export function Report({ session, card }: { session: CalibrationOut; card: Scorecard }) {
  const { t, locale } = useT();
  const report = useCalibrationReport(session.id, session.status === 'closed');
  const r = report.data;
  const itemName = useMemo(() => (id: string) => bi(itemOf(card, id)?.label, locale) || id, [card, locale]);
  const categoryName = (id: string) => bi(card.categories.find((c) => c.id === id)?.label, locale) || id;
  const series = useMemo(() => (r ? agreementSeries(r) : null), [r]);

  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  if (!r || !series) return <Skeleton active />;
  const names = new Map(r.reviewers.map((x) => [x.reviewerId, x.name]));
  const scoreOf = (reviewerId: string, conversationId: string) =>
    session.scores.find((s) => s.reviewerId === reviewerId && s.conversationId === conversationId)?.score ?? null;

  return (
    <Flex vertical gap={16} data-testid="qa-calibration-report">
      <Card size="small" title={t('qa.report.title')}>
        <Row gutter={16} align="middle">
          <Col xs={24} md={6}>
            <Statistic
              title={t('qa.report.overall')}
              value={percentText(r.overall.alignment)}
              valueStyle={{ color: (r.overall.alignment ?? 1) < 0.8 ? '#cf1322' : undefined }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('qa.report.basis', {
                basis: r.benchmarkReviewerId ? (names.get(r.benchmarkReviewerId) ?? '') : t('qa.calibration.median'),
                n: r.overall.comparisons,
              })}
            </Typography.Text>
          </Col>
          <Col xs={24} md={18}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('qa.report.formula')}
            </Typography.Paragraph>
          </Col>
        </Row>
        <AgreementChart series={series} itemName={itemName} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('qa.report.perReviewer')}>
            <Table<ReviewerRow>
              size="small"
              rowKey="reviewerId"
              data-testid="qa-report-reviewers"
              pagination={false}
              dataSource={rankReviewers(r)}
              columns={[
                { title: t('qa.reviewer'), dataIndex: 'name', key: 'name' },
                {
                  title: t('qa.report.alignment'),
                  key: 'a',
                  align: 'right',
                  render: (_, x) => <Tag color={alignColor(x.alignment)}>{percentText(x.alignment)}</Tag>,
                },
                {
                  title: t('qa.report.scoreGap'),
                  key: 'gap',
                  align: 'right',
                  render: (_, x) => pointsText(x.scoreGap),
                },
                { title: t('qa.report.comparisons'), dataIndex: 'comparisons', key: 'n', align: 'right' },
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('qa.report.scoreGap.help')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('qa.report.perItem')}>
            <Table<ItemRow>
              size="small"
              rowKey="itemId"
              data-testid="qa-report-items"
              pagination={false}
              dataSource={[...r.items].sort((a, b) => (a.alignment ?? 2) - (b.alignment ?? 2))}
              columns={[
                { title: t('qa.report.item'), key: 'item', render: (_, x) => itemName(x.itemId) },
                { title: t('qa.report.category'), key: 'cat', render: (_, x) => categoryName(x.categoryId) },
                { title: t('qa.report.range'), dataIndex: 'range', key: 'range', align: 'right' },
                {
                  title: t('qa.report.alignment'),
                  key: 'a',
                  align: 'right',
                  render: (_, x) => <Tag color={alignColor(x.alignment)}>{percentText(x.alignment)}</Tag>,
                },
                { title: t('qa.report.comparisons'), dataIndex: 'comparisons', key: 'n', align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('qa.report.scores')}>
        <Table
          size="small"
          rowKey="conversationId"
          pagination={false}
          dataSource={r.benchmarks}
          columns={[
            {
              title: t('qa.conversation'),
              key: 'c',
              render: (_, b) =>
                t('qa.calibration.conversationNo', { n: session.conversationIds.indexOf(b.conversationId) + 1 }),
            },
            {
              title: t('qa.report.benchmark'),
              key: 'bench',
              render: (_, b) => (
                <span>
                  {pointsText(b.score)}{' '}
                  <Typography.Text type="secondary">({t(`qa.report.basis.${b.basis}`)})</Typography.Text>
                </span>
              ),
            },
            ...session.reviewerIds.map((id) => ({
              title: names.get(id) ?? id,
              key: id,
              align: 'right' as const,
              render: (_: unknown, b: (typeof r.benchmarks)[number]) => pointsText(scoreOf(id, b.conversationId)),
            })),
          ]}
        />
      </Card>
    </Flex>
  );
}
