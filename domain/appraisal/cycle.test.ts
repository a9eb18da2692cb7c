import { describe, expect, it } from 'vitest';
import {
  advance,
  assertCanWrite,
  assertWritable,
  CYCLE_STATES,
  CYCLE_WRITES,
  CycleLockedError,
  CycleStateError,
  missingToAdvance,
  requiredReviews,
  resultReleased,
  surveyRef,
  surveySample,
  surveySampleSize,
  type CycleState,
} from './cycle.ts';
import { DEFAULT_SCHEME } from './defaults.ts';
import { buildReadiness, buildReviewIndicator, buildScheme, buildSection, buildStepIndicator } from './factories.ts';

describe('cycle states', () => {
  it('walks draft → collecting → reviewing → calibration → finalised when nothing is missing', () => {
    const ready = buildReadiness();
    let s: CycleState = CYCLE_STATES[0];
    for (const to of CYCLE_STATES.slice(1)) s = advance(s, to, ready);
    expect(s).toBe('finalised');
  });

  it('allows one step back to reopen but never skips a step', () => {
    expect(
      advance('calibration', 'reviewing', buildReadiness({ pendingValues: [{ agentId: 'a1', indicatorId: 'x' }] })),
    ).toBe('reviewing');
    expect(() => advance('collecting', 'finalised', buildReadiness())).toThrow(
      expect.objectContaining({ name: 'CycleStateError', code: 'transition_not_allowed' }),
    );
  });

  it('says what is missing before each step', () => {
    expect(
      missingToAdvance('draft', 'collecting', buildReadiness({ schemeVersion: null, agentIds: [] })).map((m) => m.code),
    ).toEqual(['no_scheme', 'no_agents']);
    const reviews = missingToAdvance(
      'reviewing',
      'calibration',
      buildReadiness({
        openReviews: [
          { agentId: 'a2', review: 'self' },
          { agentId: 'a1', review: 'supervisor' },
          { agentId: 'a2', review: 'peer360' },
        ],
      }),
    );
    expect(reviews).toEqual([
      {
        code: 'reviews_open',
        agentIds: ['a1', 'a2'],
        zh: '3 份评价未提交（2 人）',
        en: '3 review forms not submitted (2 agents)',
      },
    ]);
    const finalise = missingToAdvance(
      'calibration',
      'finalised',
      buildReadiness({
        pendingValues: [{ agentId: 'a1', indicatorId: 'conversion' }],
        openAppeals: [{ agentId: 'a2' }],
      }),
    );
    expect(finalise.map((m) => m.code)).toEqual(['values_pending', 'appeals_open']);
    const undecided = missingToAdvance(
      'calibration',
      'finalised',
      buildReadiness({ openProposals: [{ agentId: 'a1' }, { agentId: 'a1' }] }),
    );
    expect(undecided).toEqual([
      {
        code: 'proposals_open',
        agentIds: ['a1'],
        zh: '2 条考核结果应用建议未确认或驳回（1 人）',
        en: '2 consequence proposals neither confirmed nor rejected (1 agents)',
      },
    ]);
  });

  it('refuses to advance while something is missing, listing it', () => {
    try {
      advance(
        'collecting',
        'reviewing',
        buildReadiness({ unenteredValues: [{ agentId: 'a1', indicatorId: 'qa_score' }] }),
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CycleStateError);
      expect((e as CycleStateError).missing.map((m) => m.code)).toEqual(['values_not_entered']);
    }
  });
});

describe('a finalised cycle is locked', () => {
  it('refuses every change with a typed error', () => {
    expect(() => assertWritable('finalised')).toThrow(CycleLockedError);
    for (const write of CYCLE_WRITES) {
      expect(() => assertCanWrite('finalised', write)).toThrow(
        expect.objectContaining({ code: 'cycle_locked', write }),
      );
    }
    expect(() => advance('finalised', 'calibration', buildReadiness())).toThrow(CycleLockedError);
  });

  it('allows each write only in its states before that', () => {
    expect(() => assertWritable('calibration')).not.toThrow();
    expect(() => assertCanWrite('calibration', 'calibration')).not.toThrow();
    expect(() => assertCanWrite('reviewing', 'calibration')).toThrow(expect.objectContaining({ code: 'wrong_state' }));
    expect(() => assertCanWrite('collecting', 'scheme')).toThrow(CycleStateError);
  });
});

describe('review forms a scheme needs', () => {
  it('lists self, supervisor and 360 forms of the sections the cycle appraises', () => {
    const scheme = buildScheme([
      buildSection('quantitative', 60, [buildStepIndicator()]),
      buildSection('qualitative', 40, [
        buildReviewIndicator('peer360', 50),
        buildReviewIndicator('self', 20),
        buildReviewIndicator('supervisor', 30),
      ]),
    ]);
    expect(requiredReviews(scheme)).toEqual(['self', 'supervisor', 'peer360']);
    expect(requiredReviews(scheme, ['quantitative'])).toEqual([]);
    expect(requiredReviews(DEFAULT_SCHEME)).toEqual([]);
  });
});

describe('customer survey sample (10 % of the customers each agent served)', () => {
  const customers = Array.from({ length: 25 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);

  it.each([
    [0, 0],
    [1, 1],
    [9, 1],
    [10, 1],
    [11, 2],
    [25, 3],
    [30, 3], // integer arithmetic: 30 × 10 % is exactly 3
  ])('surveys %s customers → %s', (n, k) => {
    expect(surveySampleSize(n)).toBe(k);
  });

  it('draws the same sample for the same cycle and agent, whatever the order or duplicates', () => {
    const a = surveySample('2026-03', 'agent-7', customers);
    const b = surveySample('2026-03', 'agent-7', [...customers].reverse().concat(customers.slice(0, 5)));
    expect(a).toHaveLength(3);
    expect(b).toEqual(a);
    expect(a.every((c) => customers.includes(c))).toBe(true);
  });

  it('draws a different sample for another cycle or another agent', () => {
    const base = surveySample('2026-03', 'agent-7', customers, 0.4);
    expect(surveySample('2026-04', 'agent-7', customers, 0.4)).not.toEqual(base);
    expect(surveySample('2026-03', 'agent-8', customers, 0.4)).not.toEqual(base);
  });

  it('refers to a surveyed customer by a stable opaque reference', () => {
    const ref = surveyRef('2026-03', 'agent-7', '13812345678');
    expect(ref).toMatch(/^[0-9a-z]{11}$/);
    expect(ref).not.toContain('5678');
    expect(surveyRef('2026-03', 'agent-7', '13812345678')).toBe(ref);
    expect(surveyRef('2026-03', 'agent-8', '13812345678')).not.toBe(ref);
  });

  it('surveys the only customer of an agent who served one', () => {
    expect(surveySample('2026-03', 'agent-7', ['c1'])).toEqual(['c1']);
    expect(surveySample('2026-03', 'agent-7', [])).toEqual([]);
  });
});

describe('when an agent sees their own result', () => {
  it.each([
    ['draft', false],
    ['collecting', false],
    ['reviewing', false],
    ['calibration', true],
    ['finalised', true],
  ] as const)('in %s: %s', (state, shown) => {
    expect(resultReleased(state)).toBe(shown);
  });
});
