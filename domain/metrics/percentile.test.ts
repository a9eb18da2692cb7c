import { describe, expect, it } from 'vitest';
import { percentile, percentileOfCounts } from './percentile.ts';

describe('nearest-rank percentiles', () => {
  const cases: { name: string; values: number[]; p: number; expected: number | null }[] = [
    {
      name: 'takes the 5th of ten values as the median',
      values: [100, 10, 90, 20, 80, 30, 70, 40, 60, 50],
      p: 0.5,
      expected: 50,
    },
    {
      name: 'takes the 9th of ten values as P90',
      values: [100, 10, 90, 20, 80, 30, 70, 40, 60, 50],
      p: 0.9,
      expected: 90,
    },
    { name: 'takes the 2nd of three values as the median', values: [3, 1, 2], p: 0.5, expected: 2 },
    { name: 'takes the largest of three values as P90', values: [3, 1, 2], p: 0.9, expected: 3 },
    { name: 'takes the single value for any percentile', values: [42], p: 0.9, expected: 42 },
    { name: 'has no percentile of nothing', values: [], p: 0.5, expected: null },
  ];
  for (const c of cases) {
    it(c.name, () => expect(percentile(c.values, c.p)).toBe(c.expected));
  }

  it('gives the same answer from a (value, count) histogram as from the values', () => {
    const pairs: [number, number][] = [
      [30, 2],
      [10, 1],
      [600, 1],
    ];
    expect(percentileOfCounts(pairs, 0.5)).toBe(30); // 10, 30, 30, 600: 2nd
    expect(percentileOfCounts(pairs, 0.9)).toBe(600); // 4th
    expect(percentile([30, 10, 30, 600], 0.5)).toBe(30);
  });

  it('rejects a percentile outside (0, 1]', () => {
    expect(() => percentile([1], 50)).toThrow(RangeError);
  });
});
