/**
 * Bonus sheet (奖金表): for one cycle, every agent's bonus by component in yuan (amounts are
 * integer cents throughout), what a red line voided, the total, each line's reason on expand,
 * and the payroll export (XLSX) with every component itemised.
 */
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ResultOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { appraisalOf, bonusOf, payrollUrl, useCycles, useResults } from '../../../api/appraisal.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { BonusLines } from '../components/BonusLines.tsx';
import { CyclePicker, useCyclePick } from '../components/CyclePicker.tsx';
import { scorecardPath } from '../components/cycle.ts';
import { yuan } from '../components/text.ts';
import { SHEET_COLUMNS, sheetRow, sheetTotals, type SheetRow } from './sheet.ts';

type Row = SheetRow & { result: ResultOut };

export default function BonusSheetPage() {
  const { t, localName } = useT();
  const cycles = useCycles();
  const { options, cycle, pick } = useCyclePick(cycles.data, ['finalised', 'calibration', 'reviewing']);
  const results = useResults(cycle?.id);
  const dir = useDirectory();
  const rows: Row[] = (results.data ?? []).flatMap((r) => {
    const b = bonusOf(r);
    return b ? [{ ...sheetRow(r.personId, b), result: r }] : [];
  });
  const totals = sheetTotals(rows);

  if (cycles.isError) return <LoadError error={cycles.error} onRetry={() => void cycles.refetch()} />;
  return (
    <PageContainer
      title={t('menu.appraisal.bonus')}
      extra={
        <>
          <CyclePicker options={options} cycle={cycle} pick={pick} />
          {cycle ? (
            <Button icon={<DownloadOutlined />} href={payrollUrl(cycle.id)} download data-testid="payroll-export">
              {t('appraisal.bonus.export')}
            </Button>
          ) : null}
        </>
      }
    >
      {!cycle ? (
        <Card>
          <Empty description={t('appraisal.bonus.noCycle')} />
        </Card>
      ) : results.isError ? (
        <LoadError error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {cycle.state !== 'finalised' ? (
            <Typography.Text type="warning">
              {t('appraisal.bonus.notFinal', { state: t(`appraisal.state.${cycle.state}`) })}
            </Typography.Text>
          ) : null}
          <Table<Row>
            size="small"
            rowKey="personId"
            loading={results.isPending}
            dataSource={rows}
            data-testid="bonus-table"
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('appraisal.bonus.empty')} /> }}
            expandable={{
              expandedRowRender: (row) => {
                const b = bonusOf(row.result);
                return b ? <BonusLines bonus={b} indicators={appraisalOf(row.result).indicators} /> : null;
              },
            }}
            columns={[
              {
                title: t('appraisal.agent'),
                fixed: 'left',
                render: (_v, row) => (
                  <Link to={scorecardPath(row.result.cycleId, row.personId)}>{row.result.personName}</Link>
                ),
              },
              {
                title: t('appraisal.group'),
                render: (_v, row) => {
                  const g = dir.group(row.result.groupId);
                  return g ? localName(g) : t('common.none');
                },
              },
              ...SHEET_COLUMNS.map((c) => ({
                title: t(`appraisal.bonus.${c}`),
                align: 'right' as const,
                render: (_v: unknown, row: Row) => yuan(row.cents[c]),
              })),
              {
                title: t('appraisal.bonus.voided'),
                align: 'right',
                render: (_v, row) =>
                  row.voidedCents ? (
                    <Typography.Text delete>{yuan(row.voidedCents)}</Typography.Text>
                  ) : (
                    t('common.none')
                  ),
              },
              {
                title: t('appraisal.bonus.total'),
                align: 'right',
                render: (_v, row) => <Typography.Text strong>{yuan(row.totalCents)}</Typography.Text>,
                sorter: (a, b) => a.totalCents - b.totalCents,
              },
              {
                title: t('appraisal.result.status'),
                render: (_v, row) => (
                  <Space size={0}>
                    {row.voided ? <Tag color="red">{t('appraisal.bonus.redLine')}</Tag> : null}
                    {row.provisional ? <Tag color="gold">{t('appraisal.result.provisional')}</Tag> : null}
                  </Space>
                ),
              },
            ]}
            summary={() =>
              rows.length ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={3}>
                    <Typography.Text strong>{t('appraisal.bonus.sheetTotal', { n: rows.length })}</Typography.Text>
                  </Table.Summary.Cell>
                  {SHEET_COLUMNS.map((c, i) => (
                    <Table.Summary.Cell key={c} index={3 + i} align="right">
                      {yuan(totals.cents[c])}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={3 + SHEET_COLUMNS.length} align="right">
                    {totals.voidedCents ? yuan(totals.voidedCents) : t('common.none')}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4 + SHEET_COLUMNS.length} align="right">
                    <Typography.Text strong data-testid="bonus-sheet-total">
                      {yuan(totals.totalCents)}
                    </Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5 + SHEET_COLUMNS.length} />
                </Table.Summary.Row>
              ) : null
            }
          />
        </Space>
      )}
    </PageContainer>
  );
}
