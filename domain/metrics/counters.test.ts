import { describe, expect, it } from 'vitest';
import { emptyKpiCounters, kpiValues, mergeKpiCounters, type KpiCounters } from './counters.ts';

describe('mergeKpiCounters', () => {
  it('adds every counter, keeps the latest pendingUntil and merges histograms', () => {
    const a = emptyKpiCounters();
    let i = 1;
    for (const k of Object.keys(a) as (keyof KpiCounters)[])
      if (k !== 'durationHistogram') (a as unknown as Record<string, number>)[k] = i++;
    a.durationHistogram = [
      [10, 1],
      [30, 2],
    ];
    const b: KpiCounters = {
      ...a,
      pendingUntil: a.pendingUntil + 100,
      durationHistogram: [
        [30, 1],
        [600, 4],
      ],
    };
    const m = mergeKpiCounters([a, b]);
    for (const k of Object.keys(a) as (keyof KpiCounters)[]) {
      if (k === 'durationHistogram' || k === 'pendingUntil') continue;
      expect(m[k], k).toBe(2 * (a[k] as number));
    }
    expect(m.pendingUntil).toBe(b.pendingUntil);
    expect(m.durationHistogram).toEqual([
      [10, 1],
      [30, 3],
      [600, 4],
    ]);
  });

  it('merges fractional durations too', () => {
    const a = { ...emptyKpiCounters(), durationHistogram: [[1.5, 1]] as [number, number][] };
    const b = {
      ...emptyKpiCounters(),
      durationHistogram: [
        [0.25, 2],
        [1.5, 1],
      ] as [number, number][],
    };
    expect(mergeKpiCounters([a, b]).durationHistogram).toEqual([
      [0.25, 2],
      [1.5, 2],
    ]);
  });
});

describe('kpiValues', () => {
  it('shows paid conversion as pending until the latest open window settles', () => {
    const c = { ...emptyKpiCounters(), inquiryCustomers: 4, paidCustomers: 1, pendingUntil: 1000 };
    expect(kpiValues(c, 'agent', 999).conversion_rate_paid).toBe('pending');
    expect(kpiValues(c, 'agent', 1000).conversion_rate_paid).toBe(0.25);
  });

  it('gives no rate without a denominator and silent sales only per shop or overall', () => {
    const v = kpiValues({ ...emptyKpiCounters(), paidCents: 500 }, 'agent', 0);
    expect(v).toMatchObject({ avg_response_s: null, reply_rate: null, nps: null, silent_sales: null, slow_rounds: 0 });
    expect(kpiValues({ ...emptyKpiCounters(), paidCents: 500 }, 'shop', 0).silent_sales).toBe(500);
  });
});
