/** Which metric columns the explorer shows: a sensible default set, the reader's own choice remembered on this device. */
import { METRIC_KEYS, type MetricKey } from '../../../../domain/metrics/catalogue.ts';

export const DEFAULT_COLUMNS: readonly MetricKey[] = [
  'first_response_avg_s',
  'avg_response_s',
  'response_within_180s_rate',
  'p90_response_s',
  'served_customers',
  'reply_rate',
  'satisfaction_rate',
  'resolution_rate',
  'conversion_rate_order',
  'conversion_rate_paid',
  'sales_amount',
];

const STORAGE_KEY = 'helmsman.kpi.columns';

/** The columns chosen on this device, or the default set. */
export function storedColumns(): MetricKey[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(raw)) {
      const keys = raw.filter((k): k is MetricKey => (METRIC_KEYS as readonly unknown[]).includes(k));
      if (keys.length) return keys;
    }
  } catch {
    // a damaged entry falls back to the default set
  }
  return [...DEFAULT_COLUMNS];
}

/** Remembers the chosen columns on this device. */
export function storeColumns(keys: readonly MetricKey[]): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
}

/** Metric families for the chooser, by SPEC catalogue line. */
export const FAMILIES = [
  { name: 'response', specs: ['KPI-1', 'KPI-2', 'KPI-3', 'KPI-4'] },
  { name: 'volume', specs: ['KPI-5', 'KPI-6'] },
  { name: 'resolution', specs: ['KPI-7', 'KPI-8', 'KPI-9'] },
  { name: 'satisfaction', specs: ['KPI-10', 'KPI-11', 'KPI-12', 'KPI-13'] },
  { name: 'sales', specs: ['KPI-14', 'KPI-15'] },
] as const;
export type Family = (typeof FAMILIES)[number]['name'];

/** The metric's family; anything new lands with the volume figures rather than vanish from the chooser. */
export function familyOf(spec: string): Family {
  return FAMILIES.find((f) => (f.specs as readonly string[]).includes(spec))?.name ?? 'volume';
}
