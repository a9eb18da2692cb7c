/**
 * A full month for three agents of group g1 (junior, senior, star ★★) through DEFAULT_SCHEME and
 * DEFAULT_BONUS_SETTINGS, every figure worked by hand below.
 *
 * Overall weights (section × indicator / 100): quantitative 60 % → first response 9, average
 * response 9, immediate resolution 15, repeat complaints 9, customers/day 9, utilisation 9;
 * qualitative 40 % → QA 10, satisfaction 14, positive reviews 6, training 6, cases 4.
 * Points = score × weight / 100, rounded to 0.01; total = sum of points.
 */
import { describe, expect, it } from 'vitest';
import { computeBonus, DEFAULT_BONUS_SETTINGS, payrollRows } from './bonus.ts';
import { DEFAULT_SCHEME } from './defaults.ts';
import { buildInputs, defaultSchemeValues, JUNIOR, SENIOR, STAR_2 } from './factories.ts';
import { appraise, rankWithinGroups, type AppraisalResult } from './result.ts';
import { teamAwardShares } from './team.ts';

const junior = appraise(
  DEFAULT_SCHEME,
  buildInputs({
    agentId: 'junior',
    level: 'junior',
    values: defaultSchemeValues({
      firstResponseS: 39, // linear 60 → 30: (60 − 39) / (60 − 30) × 100 = 70 → × 9 % = 6.30
      avgResponseS: 42, // ≤ 45 band → 80 → × 9 % = 7.20
      immediateResolution: 0.78, // junior target 75 %: 100 + 3 points × 2 = 106 → × 15 % = 15.90
      repeatComplaint: 0.08, // linear 15 % → 5 %: (0.15 − 0.08) / 0.10 × 100 = 70 → × 9 % = 6.30
      customersPerDay: 17.5, // linear 10 → 20: 7.5 / 10 × 100 = 75 → × 9 % = 6.75
      utilisation: 0.61, // linear 40 % → 70 %: 0.21 / 0.30 × 100 = 70 → × 9 % = 6.30
      qa: 87, // linear 60 → 90: 27 / 30 × 100 = 90 → × 10 % = 9.00
      satisfaction: 0.87, // linear part of the bonus curve, 60 % → 90 %: 0.27 / 0.30 × 100 = 90 → × 14 % = 12.60
      positiveReviews: 0.77, // linear 50 % → 80 %: 0.27 / 0.30 × 100 = 90 → × 6 % = 5.40
      trainingPass: 0.81, // linear 60 % → 90 %: 0.21 / 0.30 × 100 = 70 → × 6 % = 4.20
      cases: 0, // steps ≥ 1 → 100, else 0 → × 4 % = 0
    }),
  }),
);
// 6.30 + 7.20 + 15.90 + 6.30 + 6.75 + 6.30 + 9.00 + 12.60 + 5.40 + 4.20 + 0 = 79.95 → B

const senior = appraise(
  DEFAULT_SCHEME,
  buildInputs({
    agentId: 'senior',
    level: 'senior',
    values: defaultSchemeValues({
      firstResponseS: 24, // ≤ 30 s target → 100 → 9.00
      avgResponseS: 35, // exactly on the ≤ 35 band → 100 → 9.00
      immediateResolution: 0.93, // senior target 90 %: 100 + 3 × 2 = 106 → 15.90
      repeatComplaint: 0.04, // ≤ 5 % → 100 → 9.00
      customersPerDay: 23, // linear curves stop at 100 → 9.00
      utilisation: 0.75, // → 100 → 9.00
      qa: 95, // → 100 → 10.00
      satisfaction: 0.9549, // 100 + 5.49 × 2 = 110.98 (continuous) → × 14 % = 15.5372 → 15.54
      positiveReviews: 0.85, // → 100 → 6.00
      trainingPass: 1, // → 100 → 6.00
      cases: 2, // → 100 → 4.00
    }),
  }),
);
// 9 + 9 + 15.90 + 9 + 9 + 9 + 10 + 15.54 + 6 + 6 + 4 = 102.44 → S

const star = appraise(
  DEFAULT_SCHEME,
  buildInputs({
    agentId: 'star',
    level: 'star',
    values: defaultSchemeValues({
      firstResponseS: 27, // → 100 → 9.00
      avgResponseS: 50, // ≤ 55 band → 60 → 5.40 (target missed)
      immediateResolution: 0.97, // star target 90 %: 100 + 7 × 2 = 114 → × 15 % = 17.10
      repeatComplaint: 0.02, // → 100 → 9.00
      customersPerDay: 26, // → 100 → 9.00
      utilisation: 0.73, // → 100 → 9.00
      qa: 93, // → 100 → 10.00
      satisfaction: 0.99, // 100 + 9 × 2 = 118 → × 14 % = 16.52
      positiveReviews: 0.92, // → 6.00
      trainingPass: 0.9, // exactly the target → 100 → 6.00
      cases: 3, // → 4.00
    }),
  }),
);
// 9 + 5.40 + 17.10 + 9 + 9 + 9 + 10 + 16.52 + 6 + 6 + 4 = 101.02 → S

const byId = (r: AppraisalResult): Record<string, [number | null, number, number | null]> =>
  Object.fromEntries(r.indicators.map((i) => [i.id, [i.score, i.weight, i.points]]));

describe('a month of three agents through the default scheme', () => {
  it('scores every indicator of the junior on its curve and weight', () => {
    expect(byId(junior)).toEqual({
      first_response: [70, 9, 6.3],
      avg_response: [80, 9, 7.2],
      immediate_resolution: [106, 15, 15.9],
      repeat_complaint: [70, 9, 6.3],
      customers_per_day: [75, 9, 6.75],
      utilisation: [70, 9, 6.3],
      qa_score: [90, 10, 9],
      satisfaction: [90, 14, 12.6],
      positive_reviews: [90, 6, 5.4],
      training_pass: [70, 6, 4.2],
      case_contributions: [0, 4, 0],
    });
    expect(junior.sections.map((s) => [s.kind, s.points])).toEqual([
      ['quantitative', 48.75], // 6.30 + 7.20 + 15.90 + 6.30 + 6.75 + 6.30
      ['qualitative', 31.2], // 9.00 + 12.60 + 5.40 + 4.20 + 0
    ]);
    expect([junior.total, junior.grade, junior.status]).toEqual([79.95, 'B', 'complete']);
  });

  it('uses the level target: 78 % beats the junior 75 % but 93 % is needed to beat the senior 90 % by as much', () => {
    const j = junior.indicators.find((i) => i.id === 'immediate_resolution');
    const s = senior.indicators.find((i) => i.id === 'immediate_resolution');
    expect([j?.target, j?.met, j?.detail?.target.level]).toEqual([0.75, true, 'junior']);
    expect([s?.target, s?.met, s?.detail?.target.level]).toEqual([0.9, true, 'senior']);
    expect(j?.why.zh).toContain('目标 ≥ 75%（初级）');
    expect(j?.why.en).toContain('3% beyond the target, +2 per 1%: 100 + 6 = 106');
  });

  it('totals and grades the senior and the star above 100 through capped bonuses', () => {
    expect(byId(senior).satisfaction).toEqual([110.98, 14, 15.54]);
    expect([senior.total, senior.grade]).toEqual([102.44, 'S']);
    expect(byId(star).avg_response).toEqual([60, 9, 5.4]);
    expect([star.total, star.grade]).toEqual([101.02, 'S']);
    expect(star.indicators.find((i) => i.id === 'avg_response')?.why.zh).toBe(
      '平均响应时间为 50 秒，目标 ≤ 35 秒；落在第 3 档（≤ 55 秒 → 60 分）。',
    );
  });

  it('ranks the group by total: senior 1, star 2, junior 3', () => {
    const ranks = rankWithinGroups(
      [junior, senior, star].map((r) => ({ agentId: r.agentId, groupId: 'g1', total: r.final.total })),
    );
    expect(ranks.map((r) => [r.agentId, r.rank, r.of])).toEqual([
      ['junior', 3, 3],
      ['senior', 1, 3],
      ['star', 2, 3],
    ]);
  });

  // Team award ¥1,000.00 = 100000 cents, group met its targets, split equally: floor(100000 / 3) =
  // 33333 each, 1 cent stays in the pool.
  const team = teamAwardShares({
    groupId: 'g1',
    met: true,
    poolCents: 100_000,
    members: [{ agentId: 'junior' }, { agentId: 'senior' }, { agentId: 'star' }],
  });
  const share = (id: string) => team.shares.find((s) => s.agentId === id);

  it('splits the team award equally and keeps the floored cent in the pool', () => {
    expect(team.shares.map((s) => s.cents)).toEqual([33_333, 33_333, 33_333]);
    expect(team.remainderCents).toBe(1);
  });

  it('pays the junior a pro-rata base, the resolution excess and a team share', () => {
    const b = computeBonus({
      appraisal: junior,
      standing: JUNIOR,
      adoptedSuggestions: 0,
      redLines: [],
      team: share('junior'),
    });
    // base ¥800: targets missed → 80000 × 79.95 % = 63960
    // excess resolution: 78 % − 75 % = 3 full points × 2 % = 6 % of 80000 = 4800
    // excess satisfaction: 87 % is below 90 % → 0; innovation 0; team 33333
    expect(b.lines.map((l) => [l.component, l.indicatorId ?? '', l.cents])).toEqual([
      ['base', '', 63_960],
      ['excess', 'immediate_resolution', 4_800],
      ['excess', 'satisfaction', 0],
      ['innovation', '', 0],
      ['team', '', 33_333],
    ]);
    expect(b.totalCents).toBe(102_093); // 63960 + 4800 + 33333
    expect(b.lines[0].reason.zh).toContain('按总分 79.95 折算 79.95%');
  });

  it('pays the senior the full base and counts only full points above target', () => {
    const b = computeBonus({
      appraisal: senior,
      standing: SENIOR,
      adoptedSuggestions: 1,
      redLines: [],
      team: share('senior'),
    });
    // base ¥1,200 in full (every target met) = 120000
    // resolution 93 % − 90 % = 3 points → 6 % = 7200; satisfaction 95.49 % − 90 % = 5.49 → 5 full points → 10 % = 12000
    // innovation 1 × ¥200 = 20000; team 33333
    expect(b.lines.map((l) => l.cents)).toEqual([120_000, 7_200, 12_000, 20_000, 33_333]);
    expect(b.totalCents).toBe(192_533);
  });

  it('pays the star the full base by pro-rata capped at 100 % although one target was missed', () => {
    const b = computeBonus({
      appraisal: star,
      standing: STAR_2,
      adoptedSuggestions: 2,
      redLines: [],
      team: share('star'),
    });
    // base ¥1,600: average response missed → pro rata by min(101.02, 100) % = 160000
    // resolution 97 − 90 = 7 points → 14 % = 22400; satisfaction 99 − 90 = 9 → 18 % = 28800 (cap 20 % not reached)
    // innovation 2 × 20000 = 40000; team 33333
    expect(b.lines.map((l) => l.cents)).toEqual([160_000, 22_400, 28_800, 40_000, 33_333]);
    expect(b.totalCents).toBe(284_533);
    expect(b.lines[0].reason.en).toContain('not every target met (Average response time)');
    expect(b.nextStanding).toEqual(STAR_2);
  });

  it('exports every line and a total per agent for payroll', () => {
    const rows = payrollRows([
      computeBonus({ appraisal: junior, standing: JUNIOR, adoptedSuggestions: 0, redLines: [], team: share('junior') }),
    ]);
    expect(rows.map((r) => r.component)).toEqual(['base', 'excess', 'excess', 'innovation', 'team', 'total']);
    expect(rows.at(-1)?.cents).toBe(102_093);
    expect(DEFAULT_BONUS_SETTINGS.baseCents.junior).toBe(80_000);
  });
});
