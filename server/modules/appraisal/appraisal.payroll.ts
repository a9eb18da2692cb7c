/**
 * The payroll export of a cycle (SPEC APR-5): one XLSX row per bonus component (base, excess,
 * innovation, team award, commission, AOV bonus), a total row per agent, with the agent's level
 * and presence in the period (what pro-rates the base).
 */
import ExcelJS from 'exceljs';
import { payrollRows, roundTo, type AgentBonus } from '../../../domain/appraisal/index.ts';
import type { Conn } from '../../db/types.ts';
import { notFound } from '../../lib/errors.ts';
import type { Snapshot } from './appraisal.compute.ts';
import * as repo from './appraisal.repository.ts';

const COMPONENT_ZH: Record<string, string> = {
  base: '基础奖金',
  excess: '超额奖',
  innovation: '创新奖',
  team: '团队奖',
  commission: '销售提成',
  aov_bonus: '客单价奖金',
  total: '合计',
};

/** The workbook as a buffer; amounts in yuan (formatted) beside the exact integer cents. */
export async function payrollXlsx(conn: Conn, cycleId: string): Promise<{ fileName: string; data: Buffer }> {
  const cycle = await repo.findCycle(conn, cycleId);
  if (!cycle) throw notFound('appraisal cycle');
  const results = await repo.resultsOf(conn, cycleId);
  const ids = results.map((r) => r.person_id);
  const people = new Map(
    (ids.length
      ? await conn.selectFrom('people').select(['id', 'login', 'name']).where('id', 'in', ids).execute()
      : []
    ).map((p) => [p.id, p]),
  );
  const bonuses = results.filter((r) => r.bonus).map((r) => JSON.parse(r.bonus as string) as AgentBonus);
  const standing = new Map(
    results.map((r) => {
      const snap = JSON.parse(r.snapshot) as Snapshot;
      const s = snap.standing;
      return [
        r.person_id,
        {
          level: s.level === 'star' ? `star ${s.star ?? 1}` : s.level,
          presence: roundTo(snap.appraisal.coverage * 100, 2),
        },
      ];
    }),
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('奖金 Payroll');
  ws.columns = [
    { header: '工号 Login', key: 'login', width: 14 },
    { header: '姓名 Name', key: 'name', width: 12 },
    { header: '项目 Component', key: 'component', width: 14 },
    { header: '指标 Indicator', key: 'indicator', width: 22 },
    { header: '金额(元) Amount', key: 'yuan', width: 14, style: { numFmt: '#,##0.00' } },
    { header: '金额(分) Cents', key: 'cents', width: 12 },
    { header: '作废(分) Voided cents', key: 'voided', width: 14 },
    { header: '说明', key: 'reasonZh', width: 60 },
    { header: 'Reason', key: 'reasonEn', width: 60 },
    { header: '级别 Level', key: 'level', width: 10 },
    { header: '在岗比例(%) Presence', key: 'presence', width: 12 },
  ];
  for (const row of payrollRows(bonuses)) {
    const p = people.get(row.agentId);
    const line = ws.addRow({
      login: p?.login ?? row.agentId,
      name: p?.name ?? '',
      component: `${COMPONENT_ZH[row.component] ?? row.component} ${row.component}`,
      indicator: row.indicatorId,
      yuan: row.cents / 100,
      cents: row.cents,
      voided: row.voidedCents,
      reasonZh: row.reasonZh,
      reasonEn: row.reasonEn,
      level: standing.get(row.agentId)?.level ?? '',
      presence: standing.get(row.agentId)?.presence ?? '',
    });
    if (row.component === 'total') line.font = { bold: true };
  }
  ws.getRow(1).font = { bold: true };
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `payroll-${cycle.period_from}-${cycle.period_to}-${cycle.state}.xlsx`, data };
}
