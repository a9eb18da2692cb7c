/**
 * The bonus sheet's rows (pure): one per agent, the paid cents of each component summed over
 * its lines (excess has one line per rewarded indicator; commission and the AOV bonus are shown
 * together), what a red line voided, and the total — which always equals the sum of the lines.
 */
import type { AgentBonus } from '../../../../domain/appraisal/index.ts';

/** The sheet's component columns, in payroll order. */
export const SHEET_COLUMNS = ['base', 'excess', 'innovation', 'team', 'commission'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

export interface SheetRow {
  personId: string;
  cents: Record<SheetColumn, number>;
  voidedCents: number;
  totalCents: number;
  voided: boolean;
  provisional: boolean;
}

export function sheetRow(personId: string, b: AgentBonus): SheetRow {
  const cents: Record<SheetColumn, number> = { base: 0, excess: 0, innovation: 0, team: 0, commission: 0 };
  for (const l of b.lines) cents[l.component === 'aov_bonus' ? 'commission' : l.component] += l.cents;
  return {
    personId,
    cents,
    voidedCents: b.lines.reduce((a, l) => a + l.voidedCents, 0),
    totalCents: b.totalCents,
    voided: b.voided,
    provisional: b.provisional,
  };
}

/** Column sums of the sheet (integer cents). */
export function sheetTotals(rows: readonly SheetRow[]): Omit<SheetRow, 'personId' | 'voided' | 'provisional'> {
  const cents: Record<SheetColumn, number> = { base: 0, excess: 0, innovation: 0, team: 0, commission: 0 };
  for (const r of rows) for (const c of SHEET_COLUMNS) cents[c] += r.cents[c];
  return {
    cents,
    voidedCents: rows.reduce((a, r) => a + r.voidedCents, 0),
    totalCents: rows.reduce((a, r) => a + r.totalCents, 0),
  };
}
