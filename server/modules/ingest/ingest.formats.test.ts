import { describe, expect, it } from 'vitest';
import { parseTime } from './ingest.formats.ts';

describe('parseTime', () => {
  it.each([
    '2026-11-11T20:15:03+08:00',
    '2026-11-11T00:00:00+08:00',
    '2026-12-31T23:59:59-05:30',
    '2024-02-29T12:00:00+00:00',
    '2026-11-11T20:15:03Z',
    '2026-11-11T20:15:03.250+08:00',
    '2026-11-11 20:15:03+08:00',
    '2026-11-11T20:15+0800',
  ])('reads %s as Date.parse does', (v) => {
    expect(parseTime(v)).toBe(Date.parse(v.replace(' ', 'T').replace(/\+0800$/, '+08:00')));
  });

  it('gives the same instant whether or not the previous row had the same date', () => {
    const a = parseTime('2026-11-12T01:02:03+08:00');
    parseTime('2026-01-01T00:00:00+08:00');
    expect(parseTime('2026-11-12T01:02:03+08:00')).toBe(a);
  });

  it.each([
    ['2026-02-29T10:00:00+08:00', 'is not a real time'],
    ['2026-11-31T10:00:00+08:00', 'is not a real time'],
    ['2026-11-11T24:00:00+08:00', 'is not a real time'],
    ['2026-11-11T23:60:00+08:00', 'is not a real time'],
    ['2026-11-11T23:00:61+08:00', 'is not a real time'],
    ['2026-13-01T10:00:00+08:00', 'is not a real time'],
    ['2026-11-1xT10:00:00+08:00', 'is not an ISO 8601 time'],
    ['2026/11/11T10:00:00+08:00', 'is not an ISO 8601 time'],
    ['2026-11-11T10:00:00*08:00', 'is not an ISO 8601 time'],
    ['2026-11-11T10:00:00', 'has no UTC offset'],
  ])('refuses %s: %s', (v, why) => {
    const r = parseTime(v);
    expect(typeof r).toBe('string');
    expect(r).toContain(why);
  });

  it('places an offset-less time in the given zone', () => {
    expect(parseTime('2026-11-11T20:15:03', 'Asia/Shanghai')).toBe(Date.parse('2026-11-11T20:15:03+08:00'));
  });
});
