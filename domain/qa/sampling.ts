/**
 * Which conversations reviewers inspect (抽检, SPEC QA-2) and who reviews them.
 *
 * Rules (editable, `SamplingRules`): every conversation an agent had while a new hire
 * (`isNewHire` on the conversation's day) is sampled at `newHireRate` (100 %); every
 * conversation of an agent whose complaint rate is above `complaintRateThreshold` at
 * `highComplaintRate` (100 %); everyone else's at `baseRate` (30 %). When two rules apply the
 * higher rate wins. Each agent with conversations gets at least `minPerAgent` of them.
 *
 * The draw, precisely:
 * - Per agent and rate class the quota is round-half-up(rate × conversations); the
 *   `minPerAgent` top-up goes to the lowest-rate class first.
 * - Fairness: the quota is spread over the agent's strata (day × shop) in proportion to their
 *   size — largest remainder, ties broken by the seeded hash — so no day or shop is skipped
 *   while another is sampled twice over.
 * - Inside a stratum the conversations with the lowest seeded hash are taken.
 * - Reproducible: the seed is the period plus the rules' salt; the hash is a stable 53-bit
 *   string hash (cyrb53), never Math.random. The same conversations, rules and period always
 *   give the same sample whatever order the inputs come in; an agent's sample depends only on
 *   their own conversations.
 */
import { isNewHire } from '../org.ts';

export interface SamplingRules {
  /** share of everyone else's conversations sampled (0.3 = 30 %) */
  baseRate: number;
  /** share of a new hire's conversations sampled */
  newHireRate: number;
  /** an agent whose complaint rate is above this share is sampled at highComplaintRate */
  complaintRateThreshold: number;
  /** share of a high-complaint agent's conversations sampled */
  highComplaintRate: number;
  /** every agent with conversations gets at least this many sampled (fewer when they have fewer) */
  minPerAgent: number;
  /** changing it draws a different, still reproducible sample for the same period */
  salt: string;
}

/** Seed 004: 对新员工、高投诉率专员…全量质检，其他专员按30%比例抽样. The 5 % threshold and one-per-agent floor are our defaults. */
export const DEFAULT_SAMPLING_RULES: SamplingRules = {
  baseRate: 0.3,
  newHireRate: 1,
  complaintRateThreshold: 0.05,
  highComplaintRate: 1,
  minPerAgent: 1,
  salt: '',
};

/** One problem with a rule set: the field and a message in both languages. */
export interface SamplingProblem {
  path: string[];
  zh: string;
  en: string;
}

/** Everything wrong with a rule set: rates and the threshold are fractions 0–1, minPerAgent a whole number ≥ 0. */
export function validateSamplingRules(rules: SamplingRules): SamplingProblem[] {
  const problems: SamplingProblem[] = [];
  for (const key of ['baseRate', 'newHireRate', 'complaintRateThreshold', 'highComplaintRate'] as const) {
    const v = rules[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      problems.push({
        path: [key],
        zh: '比例须在 0 到 1 之间（30% 写作 0.3）。',
        en: 'A share is between 0 and 1 (30 % is 0.3).',
      });
    }
  }
  if (!Number.isInteger(rules.minPerAgent) || rules.minPerAgent < 0) {
    problems.push({
      path: ['minPerAgent'],
      zh: '每人最少抽检数须为非负整数。',
      en: 'The minimum per agent is a whole number, 0 or more.',
    });
  }
  if (typeof rules.salt !== 'string' || rules.salt.length > 64) {
    problems.push({
      path: ['salt'],
      zh: '随机种子附加值最多 64 个字符。',
      en: 'The salt is text of at most 64 characters.',
    });
  }
  return problems;
}

/** A conversation that may be sampled: its credited agent, local day and shop. */
export interface SampleConversation {
  conversationId: string;
  agentId: string;
  day: string;
  shopId: string;
}

/** What the rules need to know of an agent. */
export interface SampleAgent {
  agentId: string;
  hireDate: string;
  /** complaints ÷ conversations (the server's definition); null when unknown */
  complaintRate: number | null;
}

/** Why a conversation is in the sample, highest rate first when several rules apply. */
export type SampleReason = 'new_hire' | 'high_complaints' | 'random';

export interface SampledConversation extends SampleConversation {
  reason: SampleReason;
}

/** One agent's part of the sample. */
export interface AgentSample {
  agentId: string;
  conversations: number;
  sampled: number;
  /** conversations per reason, and how many of them were sampled */
  byReason: { reason: SampleReason; rate: number; conversations: number; sampled: number }[];
}

export interface Sample {
  seed: string;
  /** sorted by agent, day, shop, conversation */
  conversations: SampledConversation[];
  agents: AgentSample[];
}

export interface SampleInput {
  period: { from: string; to: string };
  conversations: readonly SampleConversation[];
  agents: readonly SampleAgent[];
  rules: SamplingRules;
  /** the organisation's new-hire setting */
  newHireDays: number;
}

/**
 * cyrb53: a fast, well-mixed 53-bit hash of a string (public domain, bryc). Stable across
 * runtimes, so a sample drawn on the server and re-drawn anywhere else agrees.
 */
export function stableHash(s: string): number {
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

/** The seed of a period's sample: `from..to`, plus `#salt` when the rules carry one. */
export function sampleSeed(period: { from: string; to: string }, salt = ''): string {
  return `${period.from}..${period.to}${salt ? `#${salt}` : ''}`;
}

const REASONS: readonly SampleReason[] = ['new_hire', 'high_complaints', 'random'];

/** Code-unit order, the same in every locale. */
const cmpText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders ids by their seeded hash (ties by id), the draw's only source of chance. */
const byHash = (seed: string) => {
  const cache = new Map<string, number>();
  const h = (id: string) => {
    let v = cache.get(id);
    if (v === undefined) cache.set(id, (v = stableHash(`${seed}|${id}`)));
    return v;
  };
  return (a: string, b: string) => h(a) - h(b) || cmpText(a, b);
};

/** Rounds half up (0.5 → 1): 30 % of 5 conversations is 2, of 15 is 5 (4.5 → 5). */
const roundHalfUp = (x: number) => Math.floor(x + 0.5 + 1e-9);

/**
 * Spreads `quota` over strata in proportion to their sizes by largest remainder; equal
 * remainders go by the seeded hash of the stratum key. Returns the count per stratum key.
 */
export function allocate(quota: number, strata: { key: string; size: number }[], seed: string): Map<string, number> {
  const total = strata.reduce((a, s) => a + s.size, 0);
  const out = new Map<string, number>();
  if (total === 0) return out;
  const q = Math.min(quota, total);
  const cmp = byHash(seed);
  const shares = strata.map((s) => {
    const exact = (q * s.size) / total;
    const base = Math.floor(exact + 1e-9);
    out.set(s.key, base);
    return { key: s.key, rest: exact - base, room: s.size - base };
  });
  let left = q - shares.reduce((a, s) => a + out.get(s.key)!, 0);
  shares.sort((a, b) => b.rest - a.rest || cmp(a.key, b.key));
  for (const s of shares) {
    if (left === 0) break;
    if (s.room <= 0) continue;
    out.set(s.key, out.get(s.key)! + 1);
    left -= 1;
  }
  return out;
}

/** Draws the period's sample by the rules (see the module comment for the exact procedure). */
export function drawSample(input: SampleInput): Sample {
  const { rules, period } = input;
  const seed = sampleSeed(period, rules.salt);
  const agents = new Map(input.agents.map((a) => [a.agentId, a]));
  const rateOf: Record<SampleReason, number> = {
    new_hire: rules.newHireRate,
    high_complaints: rules.highComplaintRate,
    random: rules.baseRate,
  };
  const reasonOf = (c: SampleConversation): SampleReason => {
    const a = agents.get(c.agentId);
    const applies: SampleReason[] = ['random'];
    if (a && isNewHire(a.hireDate, c.day, input.newHireDays)) applies.push('new_hire');
    if (a && a.complaintRate !== null && a.complaintRate > rules.complaintRateThreshold)
      applies.push('high_complaints');
    // the highest rate wins; on equal rates the earlier reason in REASONS names it
    return applies.sort((x, y) => rateOf[y] - rateOf[x] || REASONS.indexOf(x) - REASONS.indexOf(y))[0];
  };

  const perAgent = new Map<string, Map<SampleReason, SampleConversation[]>>();
  for (const c of input.conversations) {
    const classes = perAgent.get(c.agentId) ?? new Map<SampleReason, SampleConversation[]>();
    perAgent.set(c.agentId, classes);
    const reason = reasonOf(c);
    const list = classes.get(reason);
    if (list) list.push(c);
    else classes.set(reason, [c]);
  }

  const picked: SampledConversation[] = [];
  const summaries: AgentSample[] = [];
  for (const agentId of [...perAgent.keys()].sort()) {
    const classes = perAgent.get(agentId)!;
    const present = REASONS.filter((r) => classes.has(r));
    const quota = new Map(present.map((r) => [r, roundHalfUp(rateOf[r] * classes.get(r)!.length)]));
    const size = present.reduce((a, r) => a + classes.get(r)!.length, 0);
    let short = Math.min(rules.minPerAgent, size) - [...quota.values()].reduce((a, b) => a + b, 0);
    for (const r of [...present].sort((x, y) => rateOf[x] - rateOf[y])) {
      if (short <= 0) break;
      const add = Math.min(short, classes.get(r)!.length - quota.get(r)!);
      quota.set(r, quota.get(r)! + add);
      short -= add;
    }
    const byReason: AgentSample['byReason'] = [];
    for (const reason of present) {
      const list = classes.get(reason)!;
      const strata = new Map<string, SampleConversation[]>();
      for (const c of list) {
        const key = `${c.day}|${c.shopId}`;
        const stratum = strata.get(key);
        if (stratum) stratum.push(c);
        else strata.set(key, [c]);
      }
      const keys = [...strata.keys()].sort();
      const counts = allocate(
        quota.get(reason)!,
        keys.map((key) => ({ key: `${agentId}|${reason}|${key}`, size: strata.get(key)!.length })),
        seed,
      );
      const cmp = byHash(seed);
      let taken = 0;
      for (const key of keys) {
        const k = counts.get(`${agentId}|${reason}|${key}`) ?? 0;
        const chosen = [...strata.get(key)!].sort((a, b) => cmp(a.conversationId, b.conversationId)).slice(0, k);
        for (const c of chosen) picked.push({ ...c, reason });
        taken += chosen.length;
      }
      byReason.push({ reason, rate: rateOf[reason], conversations: list.length, sampled: taken });
    }
    summaries.push({
      agentId,
      conversations: size,
      sampled: byReason.reduce((a, b) => a + b.sampled, 0),
      byReason,
    });
  }
  picked.sort(
    (a, b) =>
      cmpText(a.agentId, b.agentId) ||
      cmpText(a.day, b.day) ||
      cmpText(a.shopId, b.shopId) ||
      cmpText(a.conversationId, b.conversationId),
  );
  return { seed, conversations: picked, agents: summaries };
}

/** Thrown when a conversation has no reviewer but its own agent. */
export class NoReviewerError extends Error {
  constructor(readonly conversationId: string) {
    super(`conversation ${conversationId} has no reviewer other than its own agent`);
  }
}

/**
 * Deals the sampled conversations to reviewers round-robin, in the seeded hash order (so each
 * reviewer gets a mix of agents, days and shops), skipping a reviewer for their own
 * conversations. Reviewers take turns in the order given (duplicates dropped); counts differ by
 * at most one unless skips force otherwise. Returns reviewer id by conversation id.
 */
export function assignRoundRobin(
  items: readonly { conversationId: string; agentId: string }[],
  reviewerIds: readonly string[],
  seed: string,
): Map<string, string> {
  const reviewers = [...new Set(reviewerIds)];
  const out = new Map<string, string>();
  const cmp = byHash(`${seed}|assign`);
  const ordered = [...items].sort((a, b) => cmp(a.conversationId, b.conversationId));
  let next = 0;
  for (const item of ordered) {
    let found = -1;
    for (let k = 0; k < reviewers.length; k++) {
      const i = (next + k) % reviewers.length;
      if (reviewers[i] !== item.agentId) {
        found = i;
        break;
      }
    }
    if (found < 0) throw new NoReviewerError(item.conversationId);
    out.set(item.conversationId, reviewers[found]);
    next = found + 1;
  }
  return out;
}
