import { describe, expect, it } from 'vitest';
import { splitMonths } from './kpi.service.ts';

describe('splitMonths', () => {
  it('keeps whole months and leaves the edges as day ranges', () => {
    expect(splitMonths('2026-10-15', '2026-12-31')).toEqual({ months: ['2026-11-01', '2026-12-01'], dayRanges: [['2026-10-15', '2026-10-31']] });
    expect(splitMonths('2026-11-01', '2026-11-30')).toEqual({ months: ['2026-11-01'], dayRanges: [] });
    expect(splitMonths('2026-11-01', '2026-11-29')).toEqual({ months: [], dayRanges: [['2026-11-01', '2026-11-29']] });
    expect(splitMonths('2024-02-01', '2024-03-03')).toEqual({ months: ['2024-02-01'], dayRanges: [['2024-03-01', '2024-03-03']] });
  });
});
