import { describe, expect, it } from 'vitest';
import { computeBonus, DEFAULT_BONUS_SETTINGS, validateBonusSettings, type BonusSettings } from './bonus.ts';
import { DEFAULT_SCHEME } from './defaults.ts';
import { buildInputs, defaultSchemeValues, JUNIOR, SENIOR, STAR_1, STAR_2 } from './factories.ts';
import { demoteOneStar, redLineEffect } from './redline.ts';
import { appraise, type AppraisalOptions } from './result.ts';
import { teamAwardShares } from './team.ts';
import type { Level } from '../org.ts';

/** Every default-scheme indicator exactly on target (total 100), with overrides. */
function atTarget(
  level: Level,
  over: Partial<Parameters<typeof defaultSchemeValues>[0]> = {},
  options?: AppraisalOptions,
) {
  const values = defaultSchemeValues({
    firstResponseS: 30,
    avgResponseS: 35,
    immediateResolution: level === 'junior' ? 0.75 : 0.9,
    repeatComplaint: 0.05,
    customersPerDay: 20,
    utilisation: 0.7,
    qa: 90,
    satisfaction: 0.9,
    positiveReviews: 0.8,
    trainingPass: 0.9,
    cases: 1,
    ...over,
  });
  return appraise(DEFAULT_SCHEME, buildInputs({ agentId: `a-${level}`, level, values }), options);
}

describe('red lines', () => {
  // star ★★ with 97 % resolution and 99 % satisfaction: base 160000 + 14 % 22400 + 18 % 28800,
  // 1 adopted suggestion 20000, team share 30000 → 261200 before the red line
  const star = atTarget('star', { immediateResolution: 0.97, satisfaction: 0.99 });
  const team = { agentId: 'a-star', cents: 30_000, reason: { zh: '团队奖', en: 'team award' } };

  it('voids every component of the bonus and demotes the star level by one, whatever the score', () => {
    const b = computeBonus({
      appraisal: star,
      standing: STAR_2,
      adoptedSuggestions: 1,
      team,
      redLines: [{ kind: 'rude_to_customer', at: '2026-03-14', recordId: 'conv-881' }],
    });
    expect(star.grade).toBe('S');
    expect(b.voided).toBe(true);
    expect(b.totalCents).toBe(0);
    expect(b.lines.map((l) => [l.component, l.cents, l.voidedCents])).toEqual([
      ['base', 0, 160_000],
      ['excess', 0, 22_400],
      ['excess', 0, 28_800],
      ['innovation', 0, 20_000],
      ['team', 0, 30_000],
    ]);
    expect(b.lines[0].reason.zh).toMatch(/^触犯高压线（服务态度恶劣），本期奖金作废/);
    expect(b.nextStanding).toEqual(STAR_1);
  });

  it('demotes star 1 to senior and leaves levels without stars where they are', () => {
    expect(demoteOneStar(STAR_1)).toEqual(SENIOR);
    expect(demoteOneStar(SENIOR)).toBe(SENIOR);
    expect(demoteOneStar(JUNIOR)).toBe(JUNIOR);
    const two = redLineEffect(STAR_2, [
      { kind: 'data_leak', at: '2026-03-01' },
      { kind: 'unauthorised_promise', at: '2026-03-02' },
    ]);
    expect([two.standing, two.demoted, two.reason?.en]).toEqual([
      STAR_1,
      true,
      'red line crossed (leaked customer data, unauthorised promise)',
    ]);
  });
});

describe('base and excess', () => {
  it('pays the full base when every target is met, and nothing extra on the target itself', () => {
    const b = computeBonus({ appraisal: atTarget('senior'), standing: SENIOR, adoptedSuggestions: 0, redLines: [] });
    expect(b.lines.map((l) => l.cents)).toEqual([120_000, 0, 0, 0, 0]);
    expect(b.lines[1].reason.en).toContain('not a full point above the target');
  });

  it('caps the excess award per indicator', () => {
    // junior 88 % vs 75 %: 13 points × 2 % = 26 % → capped at 20 % → 80000 × 20 % = 16000
    const b = computeBonus({
      appraisal: atTarget('junior', { immediateResolution: 0.88 }),
      standing: JUNIOR,
      adoptedSuggestions: 0,
      redLines: [],
    });
    expect(b.lines[1]).toMatchObject({ indicatorId: 'immediate_resolution', cents: 16_000 });
    expect(b.lines[1].reason.zh).toContain('超额 13 个整百分点 × 2% = 20%，封顶 20%');
  });

  it('pays no base below target when the setting is zero', () => {
    const settings: BonusSettings = { ...DEFAULT_BONUS_SETTINGS, belowTarget: 'zero' };
    const b = computeBonus(
      { appraisal: atTarget('junior', { avgResponseS: 40 }), standing: JUNIOR, adoptedSuggestions: 0, redLines: [] },
      settings,
    );
    expect(b.lines[0]).toMatchObject({ component: 'base', cents: 0 });
    expect(b.lines[0].reason.zh).toBe('未达标（平均响应时间）：不发基础奖金');
  });

  it('pro-rates the base and the excess by coverage for a new hire', () => {
    // half the month: base 80000 × 50 % = 40000 (targets met); 78 % resolution → 3 points → 6 % of 40000 = 2400
    const b = computeBonus({
      appraisal: atTarget('junior', { immediateResolution: 0.78 }, { coverage: 0.5 }),
      standing: JUNIOR,
      adoptedSuggestions: 0,
      redLines: [],
    });
    expect(b.lines.slice(0, 2).map((l) => l.cents)).toEqual([40_000, 2_400]);
    expect(b.lines[0].reason.zh).toBe('基础奖金 ¥800.00 × 在岗 50% = ¥400.00；全部指标达标：基础奖金 100%');
  });

  it('floors the pro-rata base to the cent', () => {
    // avg response 40 s → 80 × 9 % = 7.20 instead of 9.00; first response 31 s → (60 − 31) / 30 × 100
    // = 96.67 × 9 % = 8.70 instead of 9.00 → total 100 − 18 + 15.90 = 97.90 → 80000 × 9790 / 10000 = 78320
    const b = computeBonus({
      appraisal: atTarget('junior', { avgResponseS: 40, firstResponseS: 31 }),
      standing: JUNIOR,
      adoptedSuggestions: 0,
      redLines: [],
    });
    expect(b.lines[0].cents).toBe(78_320);
    const odd = computeBonus(
      {
        appraisal: atTarget('junior', { avgResponseS: 40, firstResponseS: 31 }),
        standing: JUNIOR,
        adoptedSuggestions: 0,
        redLines: [],
      },
      { ...DEFAULT_BONUS_SETTINGS, baseCents: { junior: 33_337, senior: 0, star: 0 } },
    );
    expect(odd.lines[0].cents).toBe(32_636); // 33337 × 9790 / 10000 = 32636.923 → 32636, never rounded up
  });
});

describe('commission, team award and settings', () => {
  const commission: BonusSettings = {
    ...DEFAULT_BONUS_SETTINGS,
    commission: { rateBasisPoints: 150, aovBonus: { minUplift: 0.15, cents: 10_000 } },
  };

  it('pays 1.5 % of credited sales, floored, and the AOV bonus from a 15 % uplift', () => {
    const b = computeBonus(
      {
        appraisal: atTarget('senior'),
        standing: SENIOR,
        adoptedSuggestions: 0,
        redLines: [],
        sales: { creditedSalesCents: 1_234_567, aovUplift: 0.15 },
      },
      commission,
    );
    // 1234567 × 150 / 10000 = 18518.505 → 18518
    expect(b.lines.slice(-2).map((l) => [l.component, l.cents])).toEqual([
      ['commission', 18_518],
      ['aov_bonus', 10_000],
    ]);
    const short = computeBonus(
      {
        appraisal: atTarget('senior'),
        standing: SENIOR,
        adoptedSuggestions: 0,
        redLines: [],
        sales: { creditedSalesCents: 0, aovUplift: 0.149 },
      },
      commission,
    );
    expect(short.lines.at(-1)).toMatchObject({ component: 'aov_bonus', cents: 0 });
  });

  it('splits a team award by presence and pays nothing to a group that missed its targets', () => {
    const byCoverage = teamAwardShares(
      {
        groupId: 'g',
        met: true,
        poolCents: 100_000,
        members: [{ agentId: 'a' }, { agentId: 'b' }, { agentId: 'c', coverage: 0.5 }],
      },
      'coverage',
    );
    expect(byCoverage.shares.map((s) => s.cents)).toEqual([40_000, 40_000, 20_000]); // 1 : 1 : 0.5 of 100000
    const missed = teamAwardShares({ groupId: 'g', met: false, poolCents: 100_000, members: [{ agentId: 'a' }] });
    expect(missed.shares[0].cents).toBe(0);
  });

  it('keeps every amount in whole cents', () => {
    expect(validateBonusSettings(DEFAULT_BONUS_SETTINGS)).toEqual([]);
    expect(validateBonusSettings({ ...DEFAULT_BONUS_SETTINGS, innovationCents: 199.5 })).toEqual([
      'innovationCents must be whole cents ≥ 0',
    ]);
  });
});
