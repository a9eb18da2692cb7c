import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, TAOBAO_SCHEME } from './defaults.ts';
import {
  buildInputs,
  buildReviewIndicator,
  buildScheme,
  buildSection,
  buildStepIndicator,
  defaultSchemeValues,
} from './factories.ts';
import {
  appraise,
  calibrate,
  CalibrationError,
  gradeFor,
  rankWithinGroups,
  SchemeInvalidError,
  validateGradeBands,
  type AppraisalResult,
} from './result.ts';
import { peerReviewScore, serviceAttitudeScore } from './reviews.ts';

/**
 * Quantitative 60 %: average response (issue 4's steps) is the whole section.
 * Qualitative 40 %: supervisor review 60, self-review 20, peer/360 20 (of the section).
 */
const REVIEWED = buildScheme([
  buildSection('quantitative', 60, [buildStepIndicator()]),
  buildSection('qualitative', 40, [
    buildReviewIndicator('supervisor', 60),
    buildReviewIndicator('self', 20),
    buildReviewIndicator('peer360', 20, 85), // team collaboration ≥ 85 (seed 000)
  ]),
]);

const row = (r: AppraisalResult, id: string) => r.indicators.find((i) => i.id === id);

describe('missing parts re-weight the rest of their section', () => {
  // average response 40 s → band ≤ 45 → 80 × 60 % = 48.00
  // supervisor 90 → 100; peers 85, 75, 80 → mean 80 → (80 − 60) / (85 − 60) × 100 = 80
  // no self-review: its 20 of the section goes to supervisor and 360 in proportion 60 : 20 →
  //   supervisor 40 × 60 / 80 = 30 %, 360 40 × 20 / 80 = 10 %
  // total 48 + 100 × 30 % + 80 × 10 % = 48 + 30 + 8 = 86 → A
  // (counting the missing self-review as 0 would give 48 + 40 × (0.6 × 100 + 0.2 × 80) / 100 = 78.4 → B)
  const r = appraise(
    REVIEWED,
    buildInputs({
      agentId: 'a',
      level: 'senior',
      values: { avg_response: 40 },
      reviews: { self: null, supervisor: 90, peers: [85, 75, 80] },
    }),
  );

  it('does not count a missing self-review as zero', () => {
    expect([r.total, r.grade]).toEqual([86, 'A']);
    expect(row(r, 'self')).toMatchObject({
      status: 'missing',
      declaredWeight: 8,
      weight: 0,
      score: null,
      points: null,
    });
    expect([row(r, 'supervisor')?.weight, row(r, 'supervisor')?.points]).toEqual([30, 30]);
    expect([row(r, 'peer360')?.weight, row(r, 'peer360')?.points]).toEqual([10, 8]);
    expect(r.sections.find((s) => s.kind === 'qualitative')).toMatchObject({
      weight: 40,
      points: 38,
      reweighted: true,
    });
  });

  it('says where the weight went', () => {
    expect(r.notes.map((n) => n.zh)).toEqual([
      '“self”本期无数据：不按 0 分计，其 8% 权重按比例分给“定性指标”中其余指标。',
    ]);
  });

  it('withholds the 360 score below the minimum number of raters and re-weights it too', () => {
    // two raters < 3: 360 missing as well → supervisor carries the whole 40 → 48 + 40 = 88
    const two = appraise(
      REVIEWED,
      buildInputs({
        agentId: 'a',
        level: 'senior',
        values: { avg_response: 40 },
        reviews: { supervisor: 90, peers: [85, 75] },
      }),
    );
    expect(row(two, 'peer360')?.status).toBe('missing');
    expect([row(two, 'supervisor')?.weight, two.total]).toEqual([40, 88]);
    expect(peerReviewScore([85, 75], 2)).toBe(80);
  });

  it('passes a section with nothing scored to the other sections', () => {
    const none = appraise(REVIEWED, buildInputs({ agentId: 'a', level: 'senior', values: { avg_response: 40 } }));
    // no review at all: quantitative carries 100 % → 80
    expect([none.total, none.sections.map((s) => s.weight)]).toEqual([80, [100, 0]]);
    expect(none.notes.at(-1)?.en).toBe(
      'Nothing in "Qualitative" could be scored this period: its 40% passes to the other sections in proportion.',
    );
  });

  it('scores only the quantitative section in a monthly cycle', () => {
    const monthly = appraise(
      REVIEWED,
      buildInputs({
        agentId: 'a',
        level: 'senior',
        values: { avg_response: 40 },
        reviews: { self: 50, supervisor: 50 },
      }),
      { sections: ['quantitative'] },
    );
    expect(monthly.total).toBe(80);
    expect(row(monthly, 'self')?.status).toBe('excluded');
  });

  it('lets an explicit value win over the review form', () => {
    const r2 = appraise(
      REVIEWED,
      buildInputs({
        agentId: 'a',
        level: 'senior',
        values: { avg_response: 40, supervisor: 60 },
        reviews: { supervisor: 90 },
      }),
    );
    expect(row(r2, 'supervisor')?.score).toBe(0);
  });
});

describe('KPI-13 composite scores', () => {
  it('blends customer satisfaction and the self-review into service attitude, 70 : 30', () => {
    expect(serviceAttitudeScore(0.9, 80)).toBe(87); // 90 × 0.7 + 80 × 0.3
    expect(serviceAttitudeScore(null, 80)).toBe(80);
    expect(serviceAttitudeScore(null, null)).toBeNull();
  });
});

describe('pending values and partial periods', () => {
  it('leaves a pending paid conversion out and marks the result provisional', () => {
    const r = appraise(
      TAOBAO_SCHEME,
      buildInputs({ agentId: 'a', level: 'senior', values: { first_response: 12, conversion: 'pending' } }),
    );
    expect(r.status).toBe('provisional');
    expect(row(r, 'conversion')?.status).toBe('pending');
    expect(() => calibrate(r, { total: 90, reason: '试', by: 'sup', at: '2026-04-02T10:00:00Z' })).toThrow(
      CalibrationError,
    );
  });

  it('scales per-month volumes by coverage and leaves rates alone', () => {
    const values = defaultSchemeValues({
      firstResponseS: 24,
      avgResponseS: 35,
      immediateResolution: 0.75, // the junior target exactly: no bonus points
      repeatComplaint: 0.05,
      customersPerDay: 20,
      utilisation: 0.7,
      qa: 90,
      satisfaction: 0.9,
      positiveReviews: 0.8,
      trainingPass: 0.9,
      cases: 1,
    });
    // a new hire present for a third of a quarter: cases needed 1 × 3 × 1/3 = 1 → met
    const r = appraise(DEFAULT_SCHEME, buildInputs({ agentId: 'n', level: 'junior', values }), {
      periodMonths: 3,
      coverage: 1 / 3,
    });
    expect([row(r, 'case_contributions')?.target, row(r, 'case_contributions')?.score]).toEqual([1, 100]);
    expect(row(r, 'satisfaction')?.target).toBe(0.9);
    expect(r.total).toBe(100);
    expect(r.notes.at(-1)?.zh).toContain('在岗比例 33.33%');
  });

  it('refuses a coverage outside (0, 1] and an invalid scheme', () => {
    expect(() => appraise(DEFAULT_SCHEME, buildInputs({ agentId: 'x', level: 'junior' }), { coverage: 0 })).toThrow(
      RangeError,
    );
    const bad = buildScheme([buildSection('quantitative', 100, [buildStepIndicator({ weight: 90 })])]);
    expect(() => appraise(bad, buildInputs({ agentId: 'x', level: 'junior' }))).toThrow(SchemeInvalidError);
  });

  it('has no total when nothing could be scored', () => {
    const r = appraise(DEFAULT_SCHEME, buildInputs({ agentId: 'x', level: 'junior' }));
    expect([r.total, r.grade, r.status]).toEqual([null, null, 'empty']);
  });
});

describe('grades, ranks and calibration', () => {
  it.each([
    [95, 'S'],
    [94.99, 'A'],
    [85, 'A'],
    [75, 'B'],
    [60, 'C'],
    [59.99, 'D'],
  ] as const)('grades %s as %s with the default bands', (total, grade) => {
    expect(gradeFor(total)).toBe(grade);
  });

  it('grades by configured bands and rejects bands out of order', () => {
    expect(gradeFor(85, { S: 90, A: 80, B: 70, C: 60 })).toBe('A');
    expect(validateGradeBands({ S: 90, A: 92, B: 70, C: 60 })).toHaveLength(1);
  });

  it('shares a rank between tied totals and skips the next rank', () => {
    const ranked = rankWithinGroups([
      { agentId: 'a', groupId: 'g', total: 90 },
      { agentId: 'b', groupId: 'g', total: 85.5 },
      { agentId: 'c', groupId: 'g', total: 90 },
      { agentId: 'd', groupId: 'g', total: null },
      { agentId: 'e', groupId: 'g', total: 70 },
      { agentId: 'f', groupId: 'h', total: 10 },
    ]);
    expect(ranked.map((r) => [r.agentId, r.rank, r.of])).toEqual([
      ['a', 1, 4],
      ['b', 3, 4],
      ['c', 1, 4],
      ['d', null, 4],
      ['e', 4, 4],
      ['f', 1, 1],
    ]);
  });

  const base = appraise(
    REVIEWED,
    buildInputs({
      agentId: 'a',
      level: 'senior',
      values: { avg_response: 40 },
      reviews: { supervisor: 70, self: 70, peers: [70, 70, 70] },
    }),
  );
  // 48 + supervisor (70 − 60) / 30 = 33.33 × 24 % = 8.00 + self 33.33 × 8 % = 2.67 + 360 (70 − 60) / 25 = 40 × 8 % = 3.20 = 61.87 → C

  it('adjusts the final total and grade with a reason and keeps the computed ones', () => {
    expect([base.total, base.grade]).toEqual([61.87, 'C']);
    const c = calibrate(base, {
      total: 76,
      reason: '大促期间承担疑难工单，数据偏低',
      by: 'sup-1',
      at: '2026-04-03T09:00:00Z',
    });
    expect([c.total, c.grade]).toEqual([61.87, 'C']);
    expect(c.final).toEqual({ total: 76, grade: 'B' });
    expect(c.calibration).toMatchObject({ originalTotal: 61.87, originalGrade: 'C', delta: 14.13, by: 'sup-1' });
    expect(base.calibration).toBeNull(); // the input is not changed
  });

  it.each([
    ['   ', 70, 'reason_required'],
    ['复核', -1, 'total_out_of_range'],
    ['复核', 101, 'total_out_of_range'], // max(100, maxTotal = 100) here
  ])('refuses a calibration with reason "%s" and total %s (%s)', (reason, total, code) => {
    expect(() => calibrate(base, { total, reason, by: 's', at: 't' })).toThrow(expect.objectContaining({ code }));
  });
});
