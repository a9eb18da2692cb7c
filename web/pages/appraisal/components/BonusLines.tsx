/** An agent's itemised bonus: every line (base, excess per indicator, innovation, team, commission) with its reason, in yuan. */
import { Table, Tag, Typography } from 'antd';
import type { AgentBonus, BonusLine, IndicatorResult } from '../../../../domain/appraisal/index.ts';
import { useT } from '../../../locales/index.tsx';
import { bi, yuan } from './text.ts';

export function BonusLines({ bonus, indicators = [] }: { bonus: AgentBonus; indicators?: IndicatorResult[] }) {
  const { t, locale } = useT();
  const name = (l: BonusLine) => {
    const ind = l.indicatorId ? indicators.find((i) => i.id === l.indicatorId) : undefined;
    const base = t(`appraisal.bonus.${l.component}`);
    return ind ? `${base} · ${bi(ind.label, locale)}` : base;
  };
  return (
    <Table<BonusLine & { key: number }>
      size="small"
      pagination={false}
      data-testid="bonus-lines"
      dataSource={bonus.lines.map((l, key) => ({ ...l, key }))}
      columns={[
        { title: t('appraisal.bonus.component'), width: 150, render: (_v, l) => name(l) },
        { title: t('appraisal.bonus.amount'), align: 'right', width: 100, render: (_v, l) => yuan(l.cents) },
        {
          title: t('appraisal.bonus.voided'),
          align: 'right',
          width: 90,
          render: (_v, l) =>
            l.voidedCents ? <Typography.Text delete>{yuan(l.voidedCents)}</Typography.Text> : t('common.none'),
        },
        { title: t('appraisal.bonus.reason'), render: (_v, l) => bi(l.reason, locale) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('appraisal.bonus.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Typography.Text strong>{yuan(bonus.totalCents)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} colSpan={2}>
            {bonus.voided ? <Tag color="red">{t('appraisal.bonus.redLine')}</Tag> : null}
            {bonus.provisional ? <Tag color="gold">{t('appraisal.result.provisional')}</Tag> : null}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
