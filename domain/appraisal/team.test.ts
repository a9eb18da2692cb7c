import { describe, expect, it } from 'vitest';
import { teamAwardShares, teamTargetsMet } from './team.ts';

describe('team targets', () => {
  const resolution = { metric: 'immediate_resolution_rate' as const, target: 0.85, direction: 'higher' as const };

  it('meets a target on the bound and misses it below, saying why', () => {
    expect(teamTargetsMet({ immediate_resolution_rate: 0.875 }, [resolution])).toEqual({
      met: true,
      why: { zh: '即时解决率 87.5%（目标 ≥ 85%）', en: 'Immediate resolution rate 87.5% (target ≥ 85%)' },
    });
    expect(teamTargetsMet({ immediate_resolution_rate: 0.85 }, [resolution]).met).toBe(true);
    expect(teamTargetsMet({ immediate_resolution_rate: 0.8 }, [resolution]).met).toBe(false);
  });

  it('needs every target, treats missing or pending data as missed, and needs at least one target', () => {
    const fast = { metric: 'avg_response_s' as const, target: 40, direction: 'lower' as const };
    expect(teamTargetsMet({ immediate_resolution_rate: 0.9, avg_response_s: 41 }, [resolution, fast]).met).toBe(false);
    expect(teamTargetsMet({ immediate_resolution_rate: 0.9, avg_response_s: 40 }, [resolution, fast]).met).toBe(true);
    expect(teamTargetsMet({ immediate_resolution_rate: 'pending' }, [resolution]).why.en).toContain('no data');
    expect(teamTargetsMet({}, []).met).toBe(false);
  });
});

describe('team award shares', () => {
  it('splits by presence in whole cents, keeping the floored cents in the pool', () => {
    // 60000 × 10000 / 11630 = 51590.71 → 51590; 60000 × 1630 / 11630 = 8409.29 → 8409; 1 cent left
    const { shares, remainderCents } = teamAwardShares(
      {
        groupId: 'g',
        met: true,
        poolCents: 60_000,
        members: [
          { agentId: 'a', coverage: 1 },
          { agentId: 'b', coverage: 15 / 92 },
        ],
      },
      'coverage',
    );
    expect(shares.map((s) => s.cents)).toEqual([51_590, 8_409]);
    expect(remainderCents).toBe(1);
  });
});
