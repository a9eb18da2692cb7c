// Tests of domain/time.ts (kept beside the metric engine, its main user).
import { describe, expect, it } from 'vitest';
import {
  addDays,
  isoWeekKey,
  localDay,
  localMinuteOfDay,
  localTimeToEpoch,
  periodKey,
  quarterKey,
  startOfLocalDay,
  zoneOffsetMs,
} from '../time.ts';
import { metricSettings } from './settings.ts';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';

describe('local days and minutes', () => {
  const cases = [
    {
      name: 'puts 15:59 UTC on the same Shanghai day',
      utc: '2025-03-02T15:59:00Z',
      tz: SH,
      day: '2025-03-02',
      minute: 23 * 60 + 59,
    },
    {
      name: 'puts 16:00 UTC on the next Shanghai day',
      utc: '2025-03-02T16:00:00Z',
      tz: SH,
      day: '2025-03-03',
      minute: 0,
    },
    {
      name: 'uses EST before the spring-forward change',
      utc: '2025-03-09T06:30:00Z',
      tz: NY,
      day: '2025-03-09',
      minute: 90,
    },
    {
      name: 'uses EDT after the spring-forward change',
      utc: '2025-03-09T07:30:00Z',
      tz: NY,
      day: '2025-03-09',
      minute: 210,
    },
    { name: 'handles a UTC zone', utc: '2024-02-29T23:59:59Z', tz: 'UTC', day: '2024-02-29', minute: 1439 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ms = Date.parse(c.utc);
      expect(localDay(ms, c.tz)).toBe(c.day);
      expect(localMinuteOfDay(ms, c.tz)).toBe(c.minute);
    });
  }

  it('finds the offset inside an hour holding a half-hour change (Lord Howe)', () => {
    // 2025-04-06 02:00 +11:00 → 01:30 +10:30, i.e. 2025-04-05T15:00Z
    expect(zoneOffsetMs(Date.parse('2025-04-05T14:59:00Z'), 'Australia/Lord_Howe')).toBe(11 * 3_600_000);
    expect(zoneOffsetMs(Date.parse('2025-04-05T15:01:00Z'), 'Australia/Lord_Howe')).toBe(10.5 * 3_600_000);
  });
});

describe('local instants', () => {
  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(startOfLocalDay('2025-03-03', SH)).toBe(Date.parse('2025-03-02T16:00:00Z'));
  });

  it('starts a New York day in the right offset on a DST day', () => {
    expect(startOfLocalDay('2025-03-09', NY)).toBe(Date.parse('2025-03-09T05:00:00Z'));
    expect(localTimeToEpoch('2025-03-09', 9 * 60, NY)).toBe(Date.parse('2025-03-09T13:00:00Z'));
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('period keys', () => {
  const cases = [
    { day: '2024-12-30', week: '2025-W01', month: '2024-12', quarter: '2024-Q4' },
    { day: '2021-01-03', week: '2020-W53', month: '2021-01', quarter: '2021-Q1' },
    { day: '2025-03-03', week: '2025-W10', month: '2025-03', quarter: '2025-Q1' },
    { day: '2025-09-30', week: '2025-W40', month: '2025-09', quarter: '2025-Q3' },
  ];
  for (const c of cases) {
    it(`buckets ${c.day} into ISO week ${c.week}, ${c.month} and ${c.quarter}`, () => {
      expect(isoWeekKey(c.day)).toBe(c.week);
      expect(periodKey(c.day, 'week')).toBe(c.week);
      expect(periodKey(c.day, 'month')).toBe(c.month);
      expect(quarterKey(c.day)).toBe(c.quarter);
      expect(periodKey(c.day, 'all')).toBe('all');
    });
  }
});

describe('metricSettings', () => {
  it('rejects service hours that end before they start', () => {
    expect(() => metricSettings({ serviceHours: { start: '23:00', end: '08:00' } })).toThrow(RangeError);
  });
  it('rejects an unknown time zone', () => {
    expect(() => metricSettings({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
  it('accepts round-the-clock service', () => {
    expect(metricSettings({ serviceHours: { start: '00:00', end: '24:00' } }).serviceHours.end).toBe('24:00');
  });
});
