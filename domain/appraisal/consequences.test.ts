import { describe, expect, it } from 'vitest';
import {
  addMonths,
  groupPlacementProposal,
  improvementProposal,
  proposeConsequences,
  reserveSupervisorProposal,
  starPromotionProposal,
  type ConsequenceInput,
} from './consequences.ts';
import { JUNIOR, SENIOR, STAR_1, STAR_2 } from './factories.ts';

describe('reserve supervisor (储备主管)', () => {
  it('proposes an agent graded excellent two quarters running', () => {
    const p = reserveSupervisorProposal('a', [
      { period: '2026-Q2', grade: 'S' },
      { period: '2026-Q1', grade: 'A' },
      { period: '2025-Q4', grade: 'C' },
    ]);
    expect(p).toMatchObject({
      kind: 'reserve_supervisor',
      periods: ['2026-Q1', '2026-Q2'],
      requiresConfirmation: true,
    });
    expect(p?.reason.zh).toBe('连续 2 个季度考核优秀（2026-Q1 A, 2026-Q2 S）：建议列为储备主管培养对象');
  });

  it.each([
    [
      'quarters that are not consecutive',
      [
        { period: '2026-Q1', grade: 'A' },
        { period: '2026-Q3', grade: 'S' },
      ],
    ],
    [
      'a B in the latest quarter',
      [
        { period: '2026-Q1', grade: 'S' },
        { period: '2026-Q2', grade: 'B' },
      ],
    ],
    ['a single quarter', [{ period: '2026-Q2', grade: 'S' }]],
    [
      'a red line in one of them',
      [
        { period: '2026-Q1', grade: 'S' },
        { period: '2026-Q2', grade: 'S', redLine: true },
      ],
    ],
  ] as const)('does not propose for %s', (_, quarters) => {
    expect(reserveSupervisorProposal('a', quarters)).toBeNull();
  });

  it('counts Q4 and the next Q1 as consecutive', () => {
    expect(
      reserveSupervisorProposal('a', [
        { period: '2025-Q4', grade: 'A' },
        { period: '2026-Q1', grade: 'A' },
      ])?.kind,
    ).toBe('reserve_supervisor');
  });
});

describe('improvement plan below 70', () => {
  const mentors = [
    { agentId: 'm-junior', standing: JUNIOR, total: 99 },
    { agentId: 'm-senior', standing: SENIOR, total: 91.5 },
    { agentId: 'm-star', standing: STAR_1, total: 94 },
    { agentId: 'low', standing: SENIOR, total: 65 },
  ];

  it('proposes a one-month mentoring plan with the best senior or star colleague, then a re-appraisal', () => {
    const p = improvementProposal({
      agentId: 'low',
      total: 65.4,
      kind: 'regular',
      startOn: '2026-04-01',
      mentorCandidates: mentors,
    });
    expect(p).toMatchObject({
      kind: 'improvement_plan',
      mentorId: 'm-star',
      startOn: '2026-04-01',
      reappraiseOn: '2026-05-01',
    });
    expect(p?.reason.zh).toBe('总分 65.4 低于 70：建议一对一导师带教 1 个月，期满再次考核');
  });

  it('proposes transfer or exit when the re-appraisal still scores below 70', () => {
    const p = improvementProposal({ agentId: 'low', total: 68, kind: 'reappraisal', startOn: '2026-05-01' });
    expect(p).toMatchObject({ kind: 'transfer_or_exit', requiresConfirmation: true });
    expect(p?.reason.en).toBe('re-appraisal after mentoring scored 68, still below 70: transfer or exit proposed');
  });

  it('closes the plan when the re-appraisal reaches 70, and proposes nothing at exactly 70 otherwise', () => {
    expect(improvementProposal({ agentId: 'low', total: 72, kind: 'reappraisal', startOn: '2026-05-01' })?.kind).toBe(
      'improvement_passed',
    );
    expect(improvementProposal({ agentId: 'a', total: 70, kind: 'regular', startOn: '2026-04-01' })).toBeNull();
  });

  it("keeps the agent's own mentor and clamps month ends", () => {
    const p = improvementProposal({
      agentId: 'low',
      total: 50,
      kind: 'regular',
      startOn: '2026-01-31',
      currentMentorId: 'mine',
      mentorCandidates: mentors,
    });
    expect(p).toMatchObject({ mentorId: 'mine', reappraiseOn: '2026-02-28' });
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});

describe('group placement and star promotion', () => {
  it.each([
    ['S', 'presale', 'complaints'],
    ['D', 'after_sales', 'basic'],
    ['S', 'complaints', null],
    ['D', 'basic', null],
    ['B', 'presale', null],
  ] as const)('a %s in %s is proposed for %s', (grade, group, to) => {
    const p = groupPlacementProposal('a', grade, group);
    expect(p?.kind === 'move_group' ? p.to : null).toBe(to);
  });

  it('promotes a senior to one star when conversion, AOV uplift and repeat guidance meet the star-1 criteria', () => {
    const p = starPromotionProposal('a', SENIOR, { conversion: 0.3, aovUplift: 0.16, repeatGuidanceLift: 0.32 }, false);
    expect(p).toMatchObject({ kind: 'star_promotion', from: SENIOR, to: STAR_1 });
    expect(p?.reason.en).toContain('meet the 1-star criteria (30% ≥ 28%, 16% ≥ 15%, 32% ≥ 30%)');
  });

  it.each([
    [
      'a star 1 short of the star-2 repeat guidance (35 %)',
      STAR_1,
      { conversion: 0.3, aovUplift: 0.16, repeatGuidanceLift: 0.32 },
    ],
    ['a pending conversion', SENIOR, { conversion: 'pending', aovUplift: 0.2, repeatGuidanceLift: 0.5 }],
    ['a junior (not on the star ladder)', JUNIOR, { conversion: 0.5, aovUplift: 0.5, repeatGuidanceLift: 0.5 }],
    ['a five-star agent', { level: 'star', star: 5 }, { conversion: 0.5, aovUplift: 0.5, repeatGuidanceLift: 0.5 }],
  ] as const)('does not promote %s', (_, standing, evidence) => {
    expect(starPromotionProposal('a', standing, evidence, false)).toBeNull();
  });
});

describe('all consequences of one result', () => {
  const base: ConsequenceInput = {
    agentId: 'a',
    standing: STAR_2,
    group: 'presale',
    quarters: [
      { period: '2026-Q1', grade: 'S' },
      { period: '2026-Q2', grade: 'S' },
    ],
    total: 97,
    grade: 'S',
    kind: 'regular',
    startOn: '2026-07-01',
    redLines: [],
    evidence: { conversion: 0.4, aovUplift: 0.2, repeatGuidanceLift: 0.5 },
  };

  it('proposes reserve supervisor, the complaints group and the next star for a clean excellent record', () => {
    expect(proposeConsequences(base).map((p) => p.kind)).toEqual([
      'reserve_supervisor',
      'move_group',
      'star_promotion',
    ]);
  });

  it('demotes at once on a red line and blocks every rewarding proposal', () => {
    const out = proposeConsequences({ ...base, redLines: [{ kind: 'data_leak', at: '2026-06-20' }] });
    expect(out).toEqual([
      expect.objectContaining({ kind: 'red_line_demotion', from: STAR_2, to: STAR_1, requiresConfirmation: false }),
    ]);
  });

  it('still proposes the improvement plan and the basic group for a low total with a red line', () => {
    const out = proposeConsequences({
      ...base,
      standing: SENIOR,
      total: 55,
      grade: 'D',
      evidence: undefined,
      redLines: [{ kind: 'rude_to_customer', at: '2026-06-20' }],
    });
    expect(out.map((p) => p.kind)).toEqual(['improvement_plan', 'move_group']);
  });
});
