import { describe, expect, it } from 'vitest';
import { orgDays, orgToday } from '../../web/components/orgTime.ts';

describe('the organisation’s business day in the console', () => {
  const evening = new Date('2026-11-23T16:30:00Z'); // 00:30 on the 24th in Shanghai

  it('takes today in the organisation’s time zone, not the browser’s', () => {
    expect(orgToday('Asia/Shanghai', evening)).toBe('2026-11-24');
    expect(orgToday('UTC', evening)).toBe('2026-11-23');
  });

  it('gives the last 7 days up to yesterday and the 30 days up to today', () => {
    expect(orgDays('Asia/Shanghai', 7, 1, evening)).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(orgDays('Asia/Shanghai', 30, 0, evening)).toEqual({ from: '2026-10-26', to: '2026-11-24' });
  });
});
