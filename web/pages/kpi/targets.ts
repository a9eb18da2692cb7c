/**
 * Default KPI targets (SPEC): the console colours a figure green when it meets its target and
 * red when it misses. One place, so a later per-organisation target setting replaces only this.
 */
import type { MetricKey } from '../../../domain/metrics/catalogue.ts';

export interface Target {
  /** `atMost`: the figure must not exceed `value`; `atLeast`: it must reach it */
  op: 'atMost' | 'atLeast';
  /** in the metric's own unit: seconds, a 0–1 fraction, or a score */
  value: number;
}

export const TARGETS: Partial<Record<MetricKey, Target>> = {
  first_response_avg_s: { op: 'atMost', value: 30 },
  avg_response_s: { op: 'atMost', value: 40 },
  satisfaction_rate: { op: 'atLeast', value: 0.9 },
  resolution_rate: { op: 'atLeast', value: 0.95 },
  reply_rate: { op: 'atLeast', value: 0.95 },
  immediate_resolution_rate: { op: 'atLeast', value: 0.85 },
  repeat_complaint_rate: { op: 'atMost', value: 0.05 },
  nps: { op: 'atLeast', value: 65 },
  offline_handled_rate: { op: 'atLeast', value: 1 },
};

export type TargetStatus = 'met' | 'missed';

/** Whether a figure meets its metric's target; null when the metric has none or there is no figure. */
export function targetStatus(key: MetricKey, value: number | 'pending' | null): TargetStatus | null {
  const target = TARGETS[key];
  if (!target || typeof value !== 'number') return null;
  // rates arrive as fractions from a division: 0.9499999 must not miss a 95 % target shown as 95.0 %
  const eps = 1e-9;
  const met = target.op === 'atMost' ? value <= target.value + eps : value >= target.value - eps;
  return met ? 'met' : 'missed';
}
