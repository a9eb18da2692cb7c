import { describe, expect, it } from 'vitest';
import { summariseInspections } from './compliance.ts';

describe('an agent’s inspection figures (KPI-12, KPI-15)', () => {
  it('works a month by hand', () => {
    // 8 conversations; 6 with customer messages, indexes 1, 1, 0.5, 0, −0.5, −1 (sum 1 → mean 1/6);
    // 2 at or above the negative-share threshold; 3 with banned words: 2 rude, 1 promise + 1 privacy.
    const s = summariseInspections({
      conversations: 8,
      sentimentBpSum: 10_000 + 10_000 + 5_000 + 0 - 5_000 - 10_000,
      withCustomerMessages: 6,
      negative: 2,
      withBanned: 3,
      banned: { rude: 2, promise: 1, privacy: 1, offPlatform: 0 },
    });
    expect(s).toEqual({
      conversations: 8,
      sentimentIndex: 0.1667,
      negativeRate: 0.25,
      complianceRate: 0.625,
      bannedHits: { rude: 2, promise: 1, privacy: 1, offPlatform: 0, total: 4 },
      bannedPer100: 50,
    });
  });

  it('says nothing it cannot know', () => {
    const s = summariseInspections({ conversations: 0, sentimentBpSum: 0, withCustomerMessages: 0, negative: 0, withBanned: 0, banned: { rude: 0, promise: 0, privacy: 0, offPlatform: 0 } });
    expect([s.sentimentIndex, s.negativeRate, s.complianceRate, s.bannedPer100]).toEqual([null, null, null, null]);
    // a bot-only month: conversations but no customer message to score
    expect(summariseInspections({ conversations: 3, sentimentBpSum: 0, withCustomerMessages: 0, negative: 0, withBanned: 0, banned: { rude: 0, promise: 0, privacy: 0, offPlatform: 0 } }).sentimentIndex).toBeNull();
  });
});
