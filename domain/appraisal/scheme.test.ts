import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, TAOBAO_SCHEME } from './defaults.ts';
import { buildStepIndicator } from './factories.ts';
import type { Indicator, Scheme } from './scheme.ts';
import { scoreIndicator } from './score.ts';
import { formatCents, formatValue, fromDisplay, toDisplay } from './units.ts';
import { validateScheme } from './validate.ts';

/** A deep copy to break on purpose. */
const copy = (s: Scheme): Scheme => structuredClone(s) as Scheme;
/** An indicator of a copied scheme, open to any edit (including ones the types forbid). */
const indicator = (s: Scheme, section: number, i: number): Record<string, unknown> =>
  s.sections[section].indicators[i] as unknown as Record<string, unknown>;

describe('shipped schemes', () => {
  it.each([
    ['default', DEFAULT_SCHEME],
    ['taobao', TAOBAO_SCHEME],
  ])('the %s scheme validates clean', (_, scheme) => {
    expect(validateScheme(scheme)).toEqual([]);
  });

  it('gives the default scheme 60 % quantitative and 40 % qualitative, satisfaction heaviest in its section', () => {
    expect(DEFAULT_SCHEME.sections.map((s) => [s.kind, s.weight])).toEqual([
      ['quantitative', 60],
      ['qualitative', 40],
    ]);
    const sat = DEFAULT_SCHEME.sections[1].indicators.find((i) => i.id === 'satisfaction');
    expect(sat?.weight).toBe(35);
  });

  it('gives satisfaction 35 % of the whole Taobao scheme (seed 001)', () => {
    const q = TAOBAO_SCHEME.sections[1];
    expect((q.weight * (q.indicators.find((i) => i.id === 'satisfaction')?.weight ?? 0)) / 100).toBe(35);
  });
});

describe('scheme validation', () => {
  it('reports indicator weights not summing to 100 % with the section that is wrong', () => {
    const s = copy(DEFAULT_SCHEME);
    indicator(s, 1, 1).weight = 30; // satisfaction 35 → 30: qualitative adds to 95
    const problems = validateScheme(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: ['sections', 1, 'indicators'], code: 'indicator_weights_sum' });
    expect(problems[0].zh).toBe('“定性指标”内各指标权重合计 95%，应为 100%（相差 5%）。');
    expect(problems[0].en).toContain('section "Qualitative" add up to 95%');
  });

  it('reports section weights not summing to 100 %', () => {
    const s = copy(DEFAULT_SCHEME);
    (s.sections[0] as { weight: number }).weight = 50;
    expect(validateScheme(s).map((p) => [p.path, p.code, p.zh])).toEqual([
      [['sections'], 'section_weights_sum', '各部分权重合计 90%，应为 100%。'],
    ]);
  });

  it('reports a per-level target missing a level', () => {
    const s = copy(DEFAULT_SCHEME);
    indicator(s, 0, 2).target = { junior: 0.75, senior: 0.9 } as never;
    const [p] = validateScheme(s);
    expect(p).toMatchObject({
      path: ['sections', 0, 'indicators', 2, 'target', 'star'],
      code: 'target_missing_for_level',
    });
    expect(p.zh).toContain('缺少星级的目标');
  });

  it('reports an unknown metric key', () => {
    const s = copy(DEFAULT_SCHEME);
    indicator(s, 0, 0).metric = 'first_reply';
    expect(validateScheme(s).map((p) => [p.code, p.path.join('.')])).toEqual([
      ['unknown_metric', 'sections.0.indicators.0.metric'],
    ]);
  });

  it('catches a rate typed as a percentage (90 instead of 0.9)', () => {
    const s = copy(DEFAULT_SCHEME);
    indicator(s, 1, 1).target = 90;
    const codes = validateScheme(s).map((p) => p.code);
    expect(codes).toContain('ratio_out_of_range');
  });

  it('reports step bands out of order and a floor on the wrong side', () => {
    const s = copy(DEFAULT_SCHEME);
    indicator(s, 0, 1).curve = {
      type: 'steps',
      bands: [
        { bound: 35, score: 100 },
        { bound: 55, score: 60 },
        { bound: 45, score: 80 },
      ],
      otherwise: 0,
    };
    indicator(s, 0, 0).curve = { type: 'linear', floor: 20 }; // lower is better: the floor must be above 30
    const got = validateScheme(s).map((p) => [p.code, p.path.join('.')]);
    expect(got).toEqual([
      ['floor_wrong_side', 'sections.0.indicators.0.curve.floor'],
      ['bands_unordered', 'sections.0.indicators.1.curve.bands.2.bound'],
      ['band_score_invalid', 'sections.0.indicators.1.curve.bands.2.score'],
    ]);
  });

  it('requires a unit on hand-entered items, unique ids and a direction that agrees with the metric', () => {
    const s = copy(DEFAULT_SCHEME);
    delete indicator(s, 0, 5).unit; // utilisation (manual)
    indicator(s, 1, 0).id = 'satisfaction'; // clashes with the next one
    indicator(s, 0, 3).direction = 'higher'; // repeat complaints are lower-is-better
    const codes = validateScheme(s).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['unit_required', 'duplicate_id', 'direction_mismatch']));
  });
});

describe('step bands for average response (≤ 35 s → 100, ≤ 45 → 80, ≤ 55 → 60, else 0)', () => {
  const steps = buildStepIndicator();
  it.each([
    [12, 100, 1],
    [35, 100, 1],
    [35.1, 80, 2],
    [45, 80, 2],
    [50, 60, 3],
    [55, 60, 3],
    [55.1, 0, undefined],
    [600, 0, undefined],
  ])('%s s scores %s (band %s)', (value, score, band) => {
    const r = scoreIndicator(steps, value, 'senior');
    expect(r.score).toBe(score);
    expect(r.why.curve.band).toBe(band);
    expect(r.met).toBe(value <= 35);
  });

  it('uses ≥ bands for a higher-is-better indicator', () => {
    const ind = buildStepIndicator({
      id: 'qa',
      kind: 'review',
      review: 'qa_score',
      direction: 'higher',
      target: 95,
      curve: {
        type: 'steps',
        bands: [
          { bound: 95, score: 100 },
          { bound: 90, score: 80 },
        ],
        otherwise: 0,
      },
    } as Partial<Indicator>);
    expect([95, 92, 89].map((v) => scoreIndicator(ind, v, 'junior').score)).toEqual([100, 80, 0]);
  });
});

describe('linear and capped-bonus curves', () => {
  const first = DEFAULT_SCHEME.sections[0].indicators[0]; // lower: 60 s → 0, 30 s → 100
  const resolution = DEFAULT_SCHEME.sections[0].indicators[2]; // higher: 50 % → 0, level target → 100, +2/pt, cap 120

  it.each([
    [20, 100, 'target'],
    [30, 100, 'target'],
    [45, 50, 'linear'], // (60 − 45) / (60 − 30) × 100
    [60, 0, 'floor'],
    [90, 0, 'floor'],
  ])('first response %s s scores %s on the %s segment', (v, score, segment) => {
    const r = scoreIndicator(first, v, 'junior');
    expect([r.score, r.why.curve.segment]).toEqual([score, segment]);
  });

  it.each([
    ['junior', 0.625, 50, 'linear'], // (0.625 − 0.5) / (0.75 − 0.5) × 100
    ['junior', 0.8, 110, 'bonus'], // 5 points above 75 % × 2
    ['junior', 0.9, 120, 'cap'], // 15 points × 2 = 130 → capped at 120
    ['senior', 0.8, 75, 'linear'], // (0.8 − 0.5) / (0.9 − 0.5) × 100
    ['senior', 0.905, 101, 'bonus'], // half a point above → +1 (continuous)
    ['star', 0.45, 0, 'floor'],
  ] as const)('immediate resolution for a %s at %s scores %s (%s)', (level, v, score, segment) => {
    const r = scoreIndicator(resolution, v, level);
    expect([r.score, r.why.curve.segment]).toEqual([score, segment]);
  });

  it('explains the score in both languages: definition, target with level, value, segment', () => {
    const r = scoreIndicator(resolution, 0.8, 'senior');
    expect(r.why.definition.zh).toContain('在同一会话内解决');
    expect(r.why.target).toMatchObject({ value: 0.9, level: 'senior', scale: 1 });
    expect(r.why.summary.zh).toBe(
      '即时解决率为 80%，目标 ≥ 90%（资深）；在 0 分线 50%与目标之间按比例计分：(80% − 50%) ÷ (90% − 50%) × 100 = 75 分。',
    );
    expect(r.why.summary.en).toBe(
      'Immediate resolution is 80%, target ≥ 90% (senior); pro rata between the zero line 50% and the target: (80% − 50%) / (90% − 50%) × 100 = 75 points.',
    );
  });

  it('scales a per-month volume target by months and presence', () => {
    const cases = DEFAULT_SCHEME.sections[1].indicators[4]; // ≥ 1 per month
    expect(scoreIndicator(cases, 2, 'senior', { periodMonths: 3 }).score).toBe(0); // needs 3 in a quarter
    expect(scoreIndicator(cases, 3, 'senior', { periodMonths: 3 }).score).toBe(100);
    const half = scoreIndicator(cases, 1, 'senior', { periodMonths: 3, coverage: 0.5 }); // 1.5 needed
    expect([half.score, half.target]).toEqual([0, 1.5]);
    expect(half.why.target.text.en).toBe('target ≥ 1.5, scaled for 3 month(s) × 50% presence');
  });
});

describe('units', () => {
  it('stores rates as fractions and shows them as percentages', () => {
    expect(fromDisplay('ratio', 90)).toBe(0.9);
    expect(toDisplay('ratio', 0.955)).toBe(95.5);
    expect(toDisplay('seconds', 35)).toBe(35);
    expect(formatValue('ratio', 0.9549)).toEqual({ zh: '95.49%', en: '95.49%' });
    expect(formatValue('seconds', 35)).toEqual({ zh: '35 秒', en: '35 s' });
    expect(formatCents(123_456_78)).toBe('¥123,456.78');
  });
});
