import { describe, expect, it } from 'vitest';
import { isNewHire, statusChangeEvent } from './org.ts';
import { maskAddress, maskEmail, maskPhone, maskPhonesInText } from './mask.ts';

describe('new hire flag', () => {
  it.each([
    ['2026-11-01', '2026-11-23', 90, true],
    ['2026-08-25', '2026-11-23', 90, false], // day 90 is past the first 90 days
    ['2026-08-26', '2026-11-23', 90, true], // day 89
    ['2026-11-01', '2026-11-23', 14, false],
    ['2026-12-01', '2026-11-23', 90, false], // not hired yet
  ])('hired %s, today %s, N=%i → %s', (hire, today, n, expected) => {
    expect(isNewHire(hire, today, n)).toBe(expected);
  });
});

describe('status history', () => {
  it('records leaving, leave, return and rejoining as distinct events', () => {
    expect(statusChangeEvent('active', 'left')).toBe('left');
    expect(statusChangeEvent('active', 'on_leave')).toBe('leave_started');
    expect(statusChangeEvent('on_leave', 'active')).toBe('returned');
    expect(statusChangeEvent('left', 'active')).toBe('rejoined');
    expect(statusChangeEvent('active', 'active')).toBeNull();
  });
});

describe('masking customer data', () => {
  it('masks phone numbers, e-mail and addresses', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
    expect(maskAddress('浙江省杭州市西湖区文三路90号')).toBe('浙江省杭州市******');
    expect(maskPhonesInText('我的电话13812345678，尽快联系')).toBe('我的电话138****5678，尽快联系');
  });
});
