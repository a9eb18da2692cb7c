/**
 * What a calibration meeting looks at (pure): the grade distribution of each group, the group's
 * mean and spread of final totals, and the results worth a second look — totals more than `k`
 * standard deviations from their group's mean, and results already calibrated.
 */
import { GRADES, type Grade } from '../../../../domain/appraisal/index.ts';

export interface Scored {
  personId: string;
  groupId: string | null;
  /** the final total (calibrated when calibrated); null = not scored */
  finalTotal: number | null;
  finalGrade: Grade | null;
  calibrated: boolean;
}

export interface GroupStats {
  groupId: string | null;
  /** scored results */
  n: number;
  mean: number | null;
  /** population standard deviation; null below 2 scored results */
  sd: number | null;
  grades: Record<Grade, number>;
}

/** Per group, in order of first appearance: count, mean, standard deviation and grades of final totals. */
export function groupStats(rows: readonly Scored[]): GroupStats[] {
  const groups = new Map<string | null, Scored[]>();
  for (const r of rows) groups.set(r.groupId, [...(groups.get(r.groupId) ?? []), r]);
  return [...groups.entries()].map(([groupId, list]) => {
    const totals = list.map((r) => r.finalTotal).filter((x): x is number => x !== null);
    const n = totals.length;
    const mean = n ? totals.reduce((a, b) => a + b, 0) / n : null;
    const sd = n >= 2 && mean !== null ? Math.sqrt(totals.reduce((a, x) => a + (x - mean) ** 2, 0) / n) : null;
    const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
    for (const r of list) if (r.finalGrade) grades[r.finalGrade] += 1;
    return { groupId, n, mean, sd, grades };
  });
}

export type OutlierReason = 'high' | 'low' | 'calibrated';

export interface Outlier {
  personId: string;
  groupId: string | null;
  /** standard deviations from the group mean; null when the group has no spread */
  z: number | null;
  mean: number | null;
  reasons: OutlierReason[];
}

/**
 * Results more than `k` standard deviations above or below their group's mean (a group needs
 * at least 3 scored results and some spread), plus every calibrated result; input order kept.
 */
export function findOutliers(rows: readonly Scored[], k = 2): Outlier[] {
  const stats = new Map(groupStats(rows).map((s) => [s.groupId, s]));
  const out: Outlier[] = [];
  for (const r of rows) {
    const s = stats.get(r.groupId);
    const z =
      s && s.mean !== null && s.sd !== null && s.sd > 0 && r.finalTotal !== null
        ? (r.finalTotal - s.mean) / s.sd
        : null;
    const reasons: OutlierReason[] = [];
    if (z !== null && s && s.n >= 3 && Math.abs(z) > k) reasons.push(z > 0 ? 'high' : 'low');
    if (r.calibrated) reasons.push('calibrated');
    if (reasons.length) out.push({ personId: r.personId, groupId: r.groupId, z, mean: s?.mean ?? null, reasons });
  }
  return out;
}
