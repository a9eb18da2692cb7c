import { describe, expect, it } from 'vitest';
import { periodCoverage, presentDays, standingAt, type HistoryEvent } from './history.ts';

describe('presence in a period (pro-rating of part-period agents)', () => {
  it.each<[string, string, HistoryEvent[], number]>([
    ['present all month', '2025-01-01', [], 30],
    ['hired on the 16th: the 16th–30th', '2026-09-16', [], 15],
    ['hired after the period', '2026-10-05', [], 0],
    [
      'leave from the 10th, back on the 20th: away the 10th–19th',
      '2025-01-01',
      [
        { kind: 'leave_started', onDate: '2026-09-10' },
        { kind: 'returned', onDate: '2026-09-20' },
      ],
      20,
    ],
    ['left on the 21st', '2025-01-01', [{ kind: 'left', onDate: '2026-09-21' }], 20],
    [
      'left before, rejoined on the 29th',
      '2025-01-01',
      [
        { kind: 'left', onDate: '2026-08-01' },
        { kind: 'rejoined', onDate: '2026-09-29' },
      ],
      2,
    ],
    ['moves and level changes do not matter', '2025-01-01', [{ kind: 'moved', onDate: '2026-09-05' }], 30],
  ])('%s', (_, hire, events, days) => {
    expect(presentDays('2026-09-01', '2026-09-30', hire, events)).toBe(days);
  });

  it('gives coverage as present days over period days, never zero', () => {
    expect(periodCoverage('2026-09-01', '2026-09-30', '2026-09-16', [])).toBe(0.5);
    // a quarter of 31 + 31 + 30 = 92 days, hired on 16 September: 15 / 92
    expect(periodCoverage('2026-07-01', '2026-09-30', '2026-09-16', [])).toBe(15 / 92);
    expect(periodCoverage('2026-09-01', '2026-09-30', '2026-10-05', [])).toBe(1 / 30);
  });
});

describe('standing at the end of a period', () => {
  const promoted: HistoryEvent = {
    kind: 'level_changed',
    onDate: '2026-11-23',
    detail: { from: 'senior', fromStar: null, to: 'star', toStar: 1 },
  };
  const demoted: HistoryEvent = {
    kind: 'level_changed',
    onDate: '2026-12-02',
    detail: { from: 'star', fromStar: 1, to: 'senior', toStar: null },
  };

  it('undoes level changes dated after the day, latest first', () => {
    const now = { level: 'senior' as const, star: null };
    expect(standingAt(now, [promoted, demoted], '2026-09-30')).toEqual({ level: 'senior', star: null });
    expect(standingAt(now, [promoted, demoted], '2026-11-30')).toEqual({ level: 'star', star: 1 });
    expect(standingAt(now, [promoted, demoted], '2026-12-31')).toBe(now);
  });

  it('keeps the current standing when nothing changed later', () => {
    const now = { level: 'star' as const, star: 2 };
    expect(standingAt(now, [{ kind: 'joined', onDate: '2025-01-01' }], '2026-09-30')).toBe(now);
  });
});
