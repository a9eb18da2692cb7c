/**
 * The appraisal console's pure helpers: curve-preview points (computed with the domain's own
 * scoring), scheme-draft edits and problem places, outliers for calibration, the bonus sheet's
 * rows, a cycle's hand-entered items and a new cycle's options as typed and as sent.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, validateScheme, type AgentBonus, type Indicator } from '../../domain/appraisal/index.ts';
import { buildStepIndicator } from '../../domain/appraisal/factories.ts';
import { curveDomain, curveSeries } from '../../web/pages/appraisal/schemes/editor/curve.ts';
import {
  addIndicator,
  parseField,
  placeOf,
  problemsAt,
  updateIndicator,
  withCurveType,
  withKind,
  withTargetMode,
} from '../../web/pages/appraisal/schemes/editor/draft.ts';
import { findOutliers, groupStats, type Scored } from '../../web/pages/appraisal/calibration/outliers.ts';
import { sheetRow, sheetTotals } from '../../web/pages/appraisal/bonus/sheet.ts';
import { handEnteredItems, previousState } from '../../web/pages/appraisal/components/cycle.ts';
import { defaultOptionValues, storedTarget, toCycleOptions } from '../../web/pages/appraisal/cycles/options.ts';
import { CycleOptionsIn } from '../../server/modules/appraisal/appraisal.schema.ts';
import { TAOBAO_SCHEME } from '../../domain/appraisal/index.ts';

const firstResponse = DEFAULT_SCHEME.sections[0].indicators[0]; // lower is better, 60 s → 0, 30 s → 100
const immediate = DEFAULT_SCHEME.sections[0].indicators[2]; // per level, capped bonus

const at = (points: [number, number][], x: number) => points.find(([px]) => Math.abs(px - x) < 1e-9)?.[1];

describe('curve preview', () => {
  it('draws a linear lower-is-better curve from the zero line (0) to the target (100)', () => {
    const [s] = curveSeries(firstResponse);
    expect(s.levels).toEqual([]);
    expect(s.target).toBe(30);
    expect(at(s.points, 60)).toBe(0);
    // lower is better: the score never rises as the time grows
    expect(s.points.every(([, y], i) => i === 0 || y <= s.points[i - 1][1])).toBe(true);
    expect(at(s.points, 30)).toBe(100);
    const [lo, hi] = curveDomain(firstResponse);
    expect(lo).toBeLessThan(30);
    expect(hi).toBeGreaterThan(60);
  });

  it('shows rates as percentages and one series per distinct level target (senior and star share one)', () => {
    const series = curveSeries(immediate);
    expect(series.map((s) => s.levels)).toEqual([['junior'], ['senior', 'star']]);
    expect(series.map((s) => s.target)).toEqual([75, 90]);
    // capped bonus: +2 per point beyond 90 %, capped at 120 → the cap is reached at 100 %
    expect(at(series[1].points, 100)).toBe(120);
    expect(Math.max(...series[0].points.map(([x]) => x))).toBeLessThanOrEqual(100);
  });

  it('stands steps upright: the bound scores its band and just past it the next', () => {
    const [s] = curveSeries(buildStepIndicator());
    expect(at(s.points, 35)).toBe(100);
    expect(at(s.points, 45)).toBe(80);
    const after = s.points.find(([x]) => x > 55);
    expect(after?.[1]).toBe(0);
  });

  it('draws nothing for an indicator that cannot be scored yet', () => {
    const noBands: Indicator = { ...buildStepIndicator(), curve: { type: 'steps', bands: [], otherwise: 0 } };
    expect(curveSeries(noBands)).toEqual([]);
    const noUnit: Indicator = { ...firstResponse, kind: 'review', review: 'manual' } as Indicator;
    expect(curveSeries(noUnit)).toEqual([]);
  });
});

describe('scheme draft', () => {
  it('names where a weight problem is and finds it under its section', () => {
    const ind = DEFAULT_SCHEME.sections[0].indicators[1];
    const draft = updateIndicator(DEFAULT_SCHEME, 0, 1, { ...ind, weight: 10 });
    const problems = validateScheme(draft);
    expect(problems.map((p) => p.code)).toEqual(['indicator_weights_sum']);
    expect(problems[0].zh).toContain('95%');
    expect(problemsAt(problems, ['sections', 0])).toHaveLength(1);
    expect(problemsAt(problems, ['sections', 1])).toHaveLength(0);
    expect(placeOf(draft, problems[0].path)).toEqual({ section: draft.sections[0].label, indicator: null, field: '' });
    expect(DEFAULT_SCHEME.sections[0].indicators[1].weight).toBe(15); // the original is untouched
  });

  it("reads the server's field paths back into places", () => {
    const path = parseField('sections.1.indicators.0.curve.floor');
    expect(path).toEqual(['sections', 1, 'indicators', 0, 'curve', 'floor']);
    expect(placeOf(DEFAULT_SCHEME, path)).toEqual({
      section: { zh: '定性指标', en: 'Qualitative' },
      indicator: { zh: '质检得分', en: 'QA score' },
      field: 'curve.floor',
    });
    expect(placeOf(DEFAULT_SCHEME, ['sections'])).toMatchObject({ section: null, field: 'sections' });
  });

  it('adds an indicator with a free id and weight 0, which the checks then ask to be set', () => {
    const added = addIndicator(DEFAULT_SCHEME, 1);
    const ind = added.sections[1].indicators.at(-1)!;
    expect([ind.id, ind.weight]).toEqual(['indicator_1', 0]);
    expect(validateScheme(added).map((p) => [p.code, p.path.join('.')])).toEqual([
      ['weight_invalid', 'sections.1.indicators.5.weight'],
    ]);
  });

  it('switches kind, target mode and curve type into indicators the domain accepts', () => {
    const review = withKind(firstResponse, 'review');
    expect(review).toMatchObject({ kind: 'review', review: 'manual', unit: 'seconds', target: 30 });
    expect(withKind(review, 'metric')).toMatchObject({ kind: 'metric', metric: 'reply_rate', direction: 'higher' });
    expect(withTargetMode(30, true)).toEqual({ junior: 30, senior: 30, star: 30 });
    expect(withTargetMode({ junior: 0.75, senior: 0.9, star: 0.9 }, false)).toBe(0.75);
    for (const type of ['steps', 'capped_bonus', 'linear'] as const) {
      const curve = withCurveType(firstResponse.curve, type, 30);
      const scheme = updateIndicator(DEFAULT_SCHEME, 0, 0, { ...firstResponse, curve });
      expect([type, validateScheme(scheme)]).toEqual([type, []]);
    }
  });
});

const scored = (personId: string, groupId: string, finalTotal: number, calibrated = false): Scored => ({
  personId,
  groupId,
  finalTotal,
  finalGrade: finalTotal >= 85 ? 'A' : finalTotal >= 75 ? 'B' : 'C',
  calibrated,
});

describe('calibration outliers', () => {
  // group g1: eight agents at 80 and one at 40 — mean 75.56, sd 12.57, z(40) = −2.83
  const rows = [
    ...Array.from({ length: 8 }, (_, i) => scored(`a${i}`, 'g1', 80)),
    scored('low', 'g1', 40),
    scored('b1', 'g2', 90),
    scored('b2', 'g2', 70, true),
  ];

  it('counts grades and computes mean and standard deviation per group', () => {
    const [g1, g2] = groupStats(rows);
    expect(g1).toMatchObject({ groupId: 'g1', n: 9, grades: { S: 0, A: 0, B: 8, C: 1, D: 0 } });
    expect(g1.mean).toBeCloseTo(75.556, 3);
    expect(g1.sd).toBeCloseTo(12.571, 3);
    expect(g2).toMatchObject({ n: 2, mean: 80, sd: 10 });
  });

  it('lists totals more than two standard deviations from the group mean, and calibrated results', () => {
    const out = findOutliers(rows);
    expect(out.map((o) => [o.personId, o.reasons])).toEqual([
      ['low', ['low']],
      ['b2', ['calibrated']],
    ]);
    expect(out[0].z).toBeCloseTo(-2.828, 3);
    // a two-person group is never "far from its mean", however far apart
    expect(findOutliers([scored('x', 'g', 100), scored('y', 'g', 0)])).toEqual([]);
  });
});

describe('bonus sheet', () => {
  const bonus: AgentBonus = {
    agentId: 'a',
    standing: { level: 'senior', star: null },
    nextStanding: { level: 'senior', star: null },
    lines: [
      { component: 'base', cents: 120_000, voidedCents: 0, reason: { zh: '', en: '' } },
      {
        component: 'excess',
        indicatorId: 'immediate_resolution',
        cents: 7_200,
        voidedCents: 0,
        reason: { zh: '', en: '' },
      },
      { component: 'excess', indicatorId: 'satisfaction', cents: 2_400, voidedCents: 0, reason: { zh: '', en: '' } },
      { component: 'innovation', cents: 20_000, voidedCents: 0, reason: { zh: '', en: '' } },
      { component: 'team', cents: 0, voidedCents: 0, reason: { zh: '', en: '' } },
      { component: 'commission', cents: 1_234, voidedCents: 0, reason: { zh: '', en: '' } },
      { component: 'aov_bonus', cents: 5_000, voidedCents: 0, reason: { zh: '', en: '' } },
    ],
    totalCents: 155_834,
    voided: false,
    provisional: false,
  };

  it('sums each component over its lines, commission with the AOV bonus, and totals agree', () => {
    const row = sheetRow('a', bonus);
    expect(row.cents).toEqual({ base: 120_000, excess: 9_600, innovation: 20_000, team: 0, commission: 6_234 });
    expect(Object.values(row.cents).reduce((x, y) => x + y, 0)).toBe(row.totalCents);
    const voided = sheetRow('b', {
      ...bonus,
      lines: bonus.lines.map((l) => ({ ...l, cents: 0, voidedCents: l.cents })),
      totalCents: 0,
      voided: true,
    });
    expect([voided.totalCents, voided.voidedCents, voided.voided]).toEqual([0, 155_834, true]);
    expect(sheetTotals([row, voided])).toMatchObject({ totalCents: 155_834, voidedCents: 155_834 });
  });
});

describe('cycle helpers', () => {
  it("lists the default scheme's hand-entered items per cycle kind, then adopted suggestions", () => {
    expect(handEnteredItems(DEFAULT_SCHEME, 'monthly').map((i) => [i.id, i.unit])).toEqual([
      ['utilisation', 'ratio'],
      ['adopted_suggestions', 'count'],
    ]);
    expect(handEnteredItems(DEFAULT_SCHEME, 'quarterly').map((i) => i.id)).toEqual([
      'utilisation',
      'qa_score',
      'positive_reviews',
      'training_pass',
      'case_contributions',
      'adopted_suggestions',
    ]);
  });

  it('reopens one step back, never out of draft or finalised', () => {
    expect(previousState('calibration')).toBe('reviewing');
    expect(previousState('draft')).toBeNull();
    expect(previousState('finalised')).toBeNull();
  });
});

describe('new cycle options', () => {
  it('shows the defaults in yuan and percent and sends them back in cents, basis points and fractions', () => {
    const shown = defaultOptionValues(DEFAULT_SCHEME);
    expect(shown).toMatchObject({
      grades: { S: 95, A: 85, B: 75, C: 60 },
      baseYuan: { junior: 800, senior: 1200, star: 1600 },
      excessIds: ['immediate_resolution', 'satisfaction'],
      innovationYuan: 200,
      minPeerRaters: 3,
      surveyPercent: 10,
      commission: false,
      teamAward: false,
    });
    const sent = toCycleOptions(shown);
    expect(CycleOptionsIn.safeParse(sent).success).toBe(true);
    expect(sent).toMatchObject({
      bonus: { baseCents: { junior: 80_000, senior: 120_000, star: 160_000 }, innovationCents: 20_000, commission: null },
      teamAward: null,
      surveyRate: 0.1,
    });
  });

  it('names only excess indicators the chosen scheme has', () => {
    const ids = new Set(TAOBAO_SCHEME.sections.flatMap((s) => s.indicators.map((i) => i.id)));
    expect(defaultOptionValues(TAOBAO_SCHEME).excessIds.every((id) => ids.has(id))).toBe(true);
  });

  it('turns a commission, an AOV bonus and team targets into the API units', () => {
    const sent = toCycleOptions({
      ...defaultOptionValues(DEFAULT_SCHEME),
      commission: true,
      commissionPercent: 1.5,
      aovBonus: true,
      aovMinUpliftPercent: 15,
      aovYuan: 88.8,
      teamAward: true,
      teamPoolYuan: 1000,
      teamTargets: [
        { metric: 'immediate_resolution_rate', direction: 'higher', target: 85 },
        { metric: 'first_response_avg_s', direction: 'lower', target: 30 },
      ],
      surveyPercent: 12.5,
    });
    expect(sent.bonus?.commission).toEqual({ rateBasisPoints: 150, aovBonus: { minUplift: 0.15, cents: 8_880 } });
    expect(sent.teamAward).toEqual({
      poolCents: 100_000,
      targets: [
        { metric: 'immediate_resolution_rate', direction: 'higher', target: 0.85 },
        { metric: 'first_response_avg_s', direction: 'lower', target: 30 },
      ],
    });
    expect(sent.surveyRate).toBe(0.125);
    expect(CycleOptionsIn.safeParse(sent).success).toBe(true);
    expect(storedTarget('first_response_avg_s', 45)).toBe(45);
  });
});
