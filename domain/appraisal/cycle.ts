/**
 * Appraisal cycles (SPEC APR-2, APR-3): the state machine draft → collecting → reviewing →
 * calibration → finalised, what is still missing before a step, which writes each state allows
 * and the lock of a finalised cycle; and the reproducible customer-survey sample.
 *
 * Decisions: a cycle moves one step forward, or one step back to reopen (never out of
 * `finalised`). Results are shown to agents in `calibration`: acknowledgements, appeals and their
 * answers happen there, and a cycle cannot be finalised while an appeal is open, a value is
 * pending or a consequence proposal is undecided — after that, every write is refused.
 */
import type { ReviewKind, Scheme, SectionKind } from './scheme.ts';
import type { Bilingual } from './units.ts';

/** 草稿 → 收集数据 → 评价 → 校准 → 定稿 (locked). */
export const CYCLE_STATES = ['draft', 'collecting', 'reviewing', 'calibration', 'finalised'] as const;
export type CycleState = (typeof CYCLE_STATES)[number];

/** Monthly: quantitative, automatic data + manual spot checks; quarterly: quantitative + qualitative. */
export const CYCLE_KINDS = ['monthly', 'quarterly'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];

/** The sections a cycle kind appraises and its length in months. */
export const CYCLE_KIND_SCOPE: Readonly<Record<CycleKind, { sections: readonly SectionKind[]; months: number }>> = {
  monthly: { sections: ['quantitative'], months: 1 },
  quarterly: { sections: ['quantitative', 'qualitative'], months: 3 },
};

/** One step forward, or one step back to reopen; nothing leaves `finalised`. */
export const TRANSITIONS: Readonly<Record<CycleState, readonly CycleState[]>> = {
  draft: ['collecting'],
  collecting: ['reviewing', 'draft'],
  reviewing: ['calibration', 'collecting'],
  calibration: ['finalised', 'reviewing'],
  finalised: [],
};

/** Kinds of write the server makes on a cycle; each is allowed in some states only. */
export const CYCLE_WRITES = [
  'scheme',
  'scope',
  'values',
  'reviews',
  'peer_reviewers',
  'interview_notes',
  'results',
  'calibration',
  'acknowledgement',
  'appeal',
  'proposals',
] as const;
export type CycleWrite = (typeof CYCLE_WRITES)[number];

/** The states in which each kind of write is accepted (none in `finalised`). */
export const WRITABLE_IN: Readonly<Record<CycleWrite, readonly CycleState[]>> = {
  scheme: ['draft'],
  scope: ['draft'],
  values: ['collecting', 'reviewing'],
  reviews: ['collecting', 'reviewing'],
  peer_reviewers: ['draft', 'collecting', 'reviewing'],
  interview_notes: ['reviewing', 'calibration'],
  results: ['collecting', 'reviewing', 'calibration'],
  calibration: ['calibration'],
  acknowledgement: ['calibration'],
  appeal: ['calibration'],
  proposals: ['reviewing', 'calibration'],
};

/**
 * The states in which the appraised person sees their own result and what stands behind it (the
 * hand-entered values, the calibration and appeal history): from calibration on, when they may
 * acknowledge or appeal. Reviewers and calibrators in scope see results as soon as they exist.
 */
export const RESULT_RELEASED_IN: readonly CycleState[] = ['calibration', 'finalised'];

/** Whether the appraised person may see their own result while the cycle is in `state`. */
export const resultReleased = (state: CycleState): boolean => RESULT_RELEASED_IN.includes(state);

/** Any write to a finalised cycle. */
export class CycleLockedError extends Error {
  readonly code = 'cycle_locked';
  constructor(readonly write: CycleWrite | 'any' = 'any') {
    super(`the cycle is finalised and locked: ${write === 'any' ? 'changes' : write} refused`);
    this.name = 'CycleLockedError';
  }
}

export type CycleStateErrorCode = 'wrong_state' | 'transition_not_allowed' | 'not_ready';

/** A write or transition the current state does not allow (the cycle is not finalised). */
export class CycleStateError extends Error {
  constructor(
    readonly code: CycleStateErrorCode,
    message: string,
    readonly missing: readonly Missing[] = [],
  ) {
    super(message);
    this.name = 'CycleStateError';
  }
}

/** Refuses every change once the cycle is finalised. */
export function assertWritable(state: CycleState): void {
  if (state === 'finalised') throw new CycleLockedError();
}

/** Refuses a write the state does not allow: locked when finalised, wrong state otherwise. */
export function assertCanWrite(state: CycleState, write: CycleWrite): void {
  if (state === 'finalised') throw new CycleLockedError(write);
  if (!WRITABLE_IN[write].includes(state)) {
    throw new CycleStateError('wrong_state', `${write} cannot be written while the cycle is ${state}`);
  }
}

/** What the server knows about a cycle's progress, for `missingToAdvance`. */
export interface CycleReadiness {
  /** the scheme version pinned to the cycle */
  schemeVersion: number | null;
  agentIds: readonly string[];
  /** hand-entered values (QA, training, manual figures) not entered yet */
  unenteredValues: readonly { agentId: string; indicatorId: string }[];
  /** review forms still open: neither submitted nor closed as not submitted at the deadline */
  openReviews: readonly { agentId: string; review: ReviewKind }[];
  /** values not settled yet (paid conversion inside its payment window) */
  pendingValues: readonly { agentId: string; indicatorId: string }[];
  openAppeals: readonly { agentId: string }[];
  /** consequence proposals nobody has confirmed or rejected yet (they cannot be once locked) */
  openProposals?: readonly { agentId: string }[];
}

export type MissingCode =
  | 'no_scheme'
  | 'no_agents'
  | 'values_not_entered'
  | 'reviews_open'
  | 'values_pending'
  | 'appeals_open'
  | 'proposals_open';

export interface Missing extends Bilingual {
  code: MissingCode;
  agentIds: string[];
}

const agents = (rows: readonly { agentId: string }[]): string[] => [...new Set(rows.map((r) => r.agentId))].sort();

/** What stands between `from` and `to` (empty = ready); a step back needs nothing. */
export function missingToAdvance(from: CycleState, to: CycleState, r: CycleReadiness): Missing[] {
  const out: Missing[] = [];
  const need = (rows: readonly { agentId: string }[], code: MissingCode, zh: string, en: string): void => {
    if (rows.length > 0)
      out.push({
        code,
        agentIds: agents(rows),
        zh: `${zh}（${agents(rows).length} 人）`,
        en: `${en} (${agents(rows).length} agents)`,
      });
  };
  if (from === 'draft' && to === 'collecting') {
    if (r.schemeVersion === null)
      out.push({ code: 'no_scheme', agentIds: [], zh: '尚未选定考核方案版本', en: 'no scheme version chosen' });
    if (r.agentIds.length === 0)
      out.push({ code: 'no_agents', agentIds: [], zh: '考核范围内没有员工', en: 'no agents in scope' });
  } else if (from === 'collecting' && to === 'reviewing') {
    need(
      r.unenteredValues,
      'values_not_entered',
      `${r.unenteredValues.length} 项手工数据未录入`,
      `${r.unenteredValues.length} hand-entered values missing`,
    );
  } else if (from === 'reviewing' && to === 'calibration') {
    need(
      r.openReviews,
      'reviews_open',
      `${r.openReviews.length} 份评价未提交`,
      `${r.openReviews.length} review forms not submitted`,
    );
  } else if (from === 'calibration' && to === 'finalised') {
    need(
      r.pendingValues,
      'values_pending',
      `${r.pendingValues.length} 项数据待结算`,
      `${r.pendingValues.length} values still pending`,
    );
    need(
      r.openAppeals,
      'appeals_open',
      `${r.openAppeals.length} 条申诉未答复`,
      `${r.openAppeals.length} appeals not answered`,
    );
    const proposals = r.openProposals ?? [];
    need(
      proposals,
      'proposals_open',
      `${proposals.length} 条考核结果应用建议未确认或驳回`,
      `${proposals.length} consequence proposals neither confirmed nor rejected`,
    );
  }
  return out;
}

/** The next state, or a typed error: locked, a step the machine does not allow, or not ready (with what is missing). */
export function advance(from: CycleState, to: CycleState, readiness: CycleReadiness): CycleState {
  assertWritable(from);
  if (!TRANSITIONS[from].includes(to)) {
    throw new CycleStateError('transition_not_allowed', `a cycle cannot go from ${from} to ${to}`);
  }
  const missing = missingToAdvance(from, to, readiness);
  if (missing.length > 0) {
    throw new CycleStateError(
      'not_ready',
      `cannot go from ${from} to ${to}: ${missing.map((m) => m.en).join('; ')}`,
      missing,
    );
  }
  return to;
}

const FORM_REVIEWS: readonly ReviewKind[] = ['self', 'supervisor', 'peer360', 'customer_survey'];

/** The review forms a scheme needs in a cycle (the server opens one per agent and kind). */
export function requiredReviews(scheme: Scheme, sections?: readonly SectionKind[]): ReviewKind[] {
  const kinds = new Set<ReviewKind>();
  for (const s of scheme.sections) {
    if (sections && !sections.includes(s.kind)) continue;
    for (const i of s.indicators) if (i.kind === 'review' && FORM_REVIEWS.includes(i.review)) kinds.add(i.review);
  }
  return FORM_REVIEWS.filter((k) => kinds.has(k));
}

/** Seed 004: 客户评（随机抽取10%服务客户调研）. */
export const DEFAULT_SURVEY_RATE = 0.1;

/** ceil(n × rate), in integers (so 30 × 10 % is 3, not 4): at least 1 when n ≥ 1. */
export function surveySampleSize(n: number, rate: number = DEFAULT_SURVEY_RATE): number {
  const rateBp = Math.round(rate * 10_000);
  return Math.min(n, Math.floor((n * rateBp + 9_999) / 10_000));
}

/** 53-bit string hash (cyrb53): the same on every machine and in the browser. */
export function hashString(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** An opaque, stable reference to one surveyed customer (lists may mask the customer id). */
export function surveyRef(cycleId: string, agentId: string, customerId: string): string {
  return hashString(`survey\u0000${cycleId}\u0000${agentId}\u0000${customerId}`).toString(36).padStart(11, '0');
}

/**
 * The customers to survey for one agent in one cycle: a random `rate` share (at least 1 when
 * the agent served anyone) of the distinct customers served. Reproducible — seeded by cycle id +
 * agent id + customer id, independent of input order and duplicates — so the list can be
 * re-derived and checked later. Returned sorted by customer id.
 */
export function surveySample(
  cycleId: string,
  agentId: string,
  customerIds: readonly string[],
  rate: number = DEFAULT_SURVEY_RATE,
): string[] {
  const distinct = [...new Set(customerIds)];
  const k = surveySampleSize(distinct.length, rate);
  return distinct
    .map((id) => ({ id, h: hashString(`${cycleId}\u0000${agentId}\u0000${id}`) }))
    .sort((a, b) => a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, k)
    .map((x) => x.id)
    .sort();
}
