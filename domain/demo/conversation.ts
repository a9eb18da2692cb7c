/**
 * One demo conversation, message by message: greeting, questions, answers in the agent's
 * register, bot answers and hand-overs, auto-replies, transfers, offline messages answered the
 * next morning (or never), closing — plus the conversation record and the customer's rating.
 * The timing follows the agent's hidden speed and the load of the hour (SPEC KPI rounds).
 */
import type { ChannelKind } from '../org.ts';
import type { Product, Slots } from './catalogue.ts';
import { conversationSlots, mobileNumber } from './catalogue.ts';
import { isoLocal } from './calendar.ts';
import type { AgentProfile, DemoShop } from './organisation.ts';
import type { Rng } from './random.ts';
import { clamp } from './random.ts';
import type {
  ConversationCategory,
  ConversationRecord,
  MessageEvent,
  MessageRecord,
  RatingRecord,
  Sender,
} from './records.ts';
import * as T from './texts.ts';

/** An agent as the conversation sees them. */
export interface ServingAgent {
  login: string;
  profile: AgentProfile;
  /** has the shop's automatic welcome reply switched on */
  autoReply: boolean;
}

export interface ConversationPlan {
  id: string;
  /** human: served in service hours; offline: written at night; bot_only: never reaches a human */
  kind: 'human' | 'offline' | 'bot_only';
  /** local seconds of the customer's first message */
  start: number;
  /** nothing is said after this local second (end of the serving day) */
  limit: number;
  agent: ServingAgent | null;
  transferTo: ServingAgent | null;
  transferBeforeReply: boolean;
  botFirst: boolean;
  /** the agent never replies */
  unanswered: boolean;
  /** offline: local second the morning agent picks the message up */
  answerAt: number;
  /** response-time multiplier from the hour's and the day's load */
  load: number;
  shop: DemoShop;
  channel: ChannelKind;
  category: ConversationCategory;
  customerId: string;
  product: Product;
  /** order the customer refers to (an order id) */
  orderRef: string;
  issueKey: string;
}

export interface BuiltConversation {
  conversation: ConversationRecord;
  rating: RatingRecord | null;
  /** the agent who served the customer last (credited with a resulting order), if any replied */
  servedBy: ServingAgent | null;
  /** local second of the last message */
  end: number;
}

/** Appends messages of one conversation to the day's list; silently stops at the limit. */
class Writer {
  t: number;
  private n = 0;
  private readonly idStem: string;
  constructor(
    private readonly out: MessageRecord[],
    private readonly plan: ConversationPlan,
  ) {
    this.t = plan.start;
    this.idStem = `m${plan.id.slice(2)}-`;
  }

  say(
    sender: Sender,
    dt: number,
    text: string,
    agent = '',
    extra: { auto?: boolean; event?: MessageEvent; to?: string } = {},
  ): boolean {
    const at = this.t + Math.max(0, Math.round(dt));
    if (at > this.plan.limit) return false;
    this.t = at;
    this.n++;
    this.out.push({
      conversation_id: this.plan.id,
      message_id: [this.idStem, this.n < 10 ? '0' : '', this.n].join(''),
      shop_id: this.plan.shop.id,
      channel: this.plan.channel,
      customer_id: this.plan.customerId,
      sender,
      agent_id: agent,
      sent_at: isoLocal(at),
      text,
      auto_reply: extra.auto ?? false,
      event: extra.event ?? '',
      to_agent_id: extra.to ?? '',
    });
    return true;
  }
}

/** Seconds until the agent's reply: fast agents ~10–25 s, slow ones 1–3 min, sometimes away > 10 min. */
export function responseSeconds(rng: Rng, agent: ServingAgent, channel: ChannelKind, load: number): number {
  const speed = agent.profile.speed;
  if (channel === 'phone') return rng.int(2, 12);
  if (channel === 'ticket' || channel === 'email')
    return clamp(rng.logNormal(2400 * (1.6 - speed) * load, 0.7), 120, 6 * 3600);
  let s = 10 * Math.exp((1 - speed) * 2.7) * load * Math.exp(0.45 * rng.normal());
  if (rng.chance(0.012 + 0.012 * (1 - speed))) s += rng.int(600, 1500);
  return clamp(Math.round(s), 2, 3600);
}

function thinkSeconds(rng: Rng, channel: ChannelKind): number {
  if (channel === 'phone' || channel === 'video') return rng.int(3, 15);
  if (channel === 'ticket' || channel === 'email') return clamp(rng.logNormal(3600, 1), 300, 8 * 3600);
  return clamp(rng.logNormal(22, 0.7), 3, 900);
}

const RESOLVE_BASE: Record<ConversationCategory, number> = {
  consult: 0.95,
  presale: 0.93,
  after_sales: 0.86,
  complaint: 0.72,
};

/** Generates the messages of `plan` into `out` and returns its record and rating. */
export function buildConversation(plan: ConversationPlan, rng: Rng, out: MessageRecord[]): BuiltConversation {
  const w = new Writer(out, plan);
  const slots = conversationSlots(rng, plan.product, plan.orderRef, plan.shop.name);
  const pool = T.TOPICS[plan.category];
  const chat = plan.channel === 'chat' || plan.channel === 'video';
  const written = plan.channel === 'ticket' || plan.channel === 'email';
  const topicCount = written ? 1 : 1 + rng.weighted([0.3, 0.5, 0.2]);
  const topics = rng.shuffle([...pool]).slice(0, topicCount);
  const f = (pool: readonly string[]) => T.fill(rng.pick(pool), slots);

  // The customer opens.
  const hello = chat && rng.chance(0.45);
  if (hello) w.say('customer', 0, rng.pick(T.CUSTOMER_HELLO));
  w.say('customer', hello ? rng.int(2, 10) : 0, f(topics[0].ask));
  if ((plan.category === 'after_sales' || plan.category === 'consult') && rng.chance(0.01))
    w.say('customer', thinkSeconds(rng, plan.channel), f(T.CUSTOMER_PHONE));

  if (plan.kind === 'bot_only') {
    w.say('bot', rng.int(1, 2), T.fill(topics[0].bot, slots));
    const botAt = w.t;
    if (rng.chance(0.5)) w.say('customer', thinkSeconds(rng, 'chat'), rng.pick(['好的', '谢谢', '知道了']));
    w.say('system', rng.int(60, 300), T.SYSTEM_CLOSE, '', { event: 'close' });
    const resolved = rng.chance(0.8);
    return { conversation: record(plan, resolved, resolved ? botAt : 0), rating: null, servedBy: null, end: w.t };
  }

  const first = plan.agent;
  if (plan.kind === 'offline') {
    if (rng.chance(0.6)) w.say('bot', 1, T.BOT_NIGHT);
    if (rng.chance(0.3)) w.say('customer', thinkSeconds(rng, plan.channel), rng.pick(T.CUSTOMER_CHASE));
    if (!first) return { conversation: record(plan, false, 0), rating: null, servedBy: null, end: w.t };
    w.t = Math.max(w.t, plan.answerAt);
  } else if (plan.botFirst && first) {
    w.say('bot', rng.int(1, 2), rng.chance(0.5) ? T.BOT_HELLO : T.fill(topics[0].bot, slots));
    w.say('customer', thinkSeconds(rng, plan.channel), rng.pick(T.CUSTOMER_WANTS_HUMAN));
    w.say('system', 1, T.SYSTEM_HANDOFF, '', { event: 'handoff', to: first.login });
  }
  if (!first) return { conversation: record(plan, false, 0), rating: null, servedBy: null, end: w.t };
  if (first.autoReply && chat && plan.kind === 'human')
    w.say('agent', rng.int(0, 1), T.fill(rng.pick(T.AUTO_REPLIES), slots), first.login, { auto: true });

  if (plan.unanswered) {
    for (let i = rng.int(0, 2); i > 0; i--) w.say('customer', rng.int(60, 240), rng.pick(T.CUSTOMER_CHASE));
    const rating = rng.chance(0.15) ? rate(rng, plan, first, w.t, 1 + rng.int(0, 1)) : null;
    return { conversation: record(plan, false, 0), rating, servedBy: null, end: w.t };
  }

  let agent = first;
  let curt = false;
  let replies = 0;
  let waited = 0;
  let lastAgentAt = 0;
  const reply = (text: string, dt = responseSeconds(rng, agent, plan.channel, plan.load)) => {
    if (w.say('agent', dt, maybeSlip(rng, agent, text, slots), agent.login)) {
      replies++;
      waited += dt;
      lastAgentAt = w.t;
    }
  };
  const answer = (lines: Record<T.Register, readonly string[]>, prefix = '') => {
    const reg = T.register(rng, agent.profile.warmth);
    if (reg === 'curt') curt = true;
    const text = T.fill(rng.pick(lines[reg]), slots);
    // a morning greeting reads "亲，让您久等了，" + the answer without its own "亲，"
    return !prefix || reg === 'curt' ? text : prefix + text.replace(/^亲亲?，/, '');
  };
  const transfer = () => {
    if (!plan.transferTo) return;
    w.say('system', rng.int(5, 30), T.SYSTEM_TRANSFER, agent.login, { event: 'transfer', to: plan.transferTo.login });
    agent = plan.transferTo;
  };

  if (plan.transferBeforeReply) {
    w.t += rng.int(30, 240);
    transfer();
  }
  const morning = plan.kind === 'offline' ? rng.pick(T.AGENT_MORNING) : '';
  if (chat && !morning && T.register(rng, agent.profile.warmth) === 'kind') {
    reply(T.fill(rng.pick(T.AGENT_HELLO.kind), slots));
    reply(answer(topics[0]), rng.int(3, 15));
  } else {
    reply(answer(topics[0], morning), plan.kind === 'offline' ? 0 : undefined);
  }
  if (plan.transferTo && !plan.transferBeforeReply) {
    reply(rng.pick(T.AGENT_BEFORE_TRANSFER), rng.int(5, 40));
    transfer();
    reply(answer(topics[0]));
  }
  for (let i = 0; i < topics.length; i++) {
    if (i > 0) {
      w.say('customer', thinkSeconds(rng, plan.channel), f(topics[i].ask));
      reply(answer(topics[i]));
    }
    if (rng.chance(0.5)) {
      const more = rng.pick(T.FOLLOW_UPS);
      w.say('customer', thinkSeconds(rng, plan.channel), rng.pick(more.ask));
      reply(answer(more));
    }
  }
  if (curt && rng.chance(0.5)) {
    w.say('customer', thinkSeconds(rng, plan.channel), rng.pick(T.CUSTOMER_UPSET));
    reply(answer(T.AGENT_CALM));
  }

  if (chat && rng.chance(0.3 * agent.profile.warmth)) reply(rng.pick(T.AGENT_ANYTHING_ELSE), rng.int(5, 30));
  const accuracy = agent.profile.accuracy;
  const resolved =
    replies > 0 &&
    rng.chance(clamp(RESOLVE_BASE[plan.category] + (accuracy - 0.55) * 0.4 - (curt ? 0.1 : 0), 0.3, 0.995));
  if (resolved) w.say('customer', thinkSeconds(rng, plan.channel), rng.pick(T.CUSTOMER_THANKS));
  else w.say('customer', thinkSeconds(rng, plan.channel), rng.pick(T.CUSTOMER_UNHAPPY_END));
  // Careful agents answer the closing thanks too (an unanswered last message is charged at the cap).
  const warmth = agent.profile.warmth;
  if (rng.chance(resolved ? 0.8 + 0.18 * warmth : 0.55 + 0.35 * warmth)) reply(answer(T.AGENT_BYE), rng.int(3, 30));
  if (!written || resolved)
    w.say('system', chat ? rng.int(30, 300) : rng.int(2, 10), T.SYSTEM_CLOSE, '', { event: 'close' });

  const avgWait = replies > 0 ? waited / replies : 600;
  const rateP = resolved && !curt ? 0.3 : 0.42;
  const rating =
    replies > 0 && rng.chance(rateP)
      ? rate(rng, plan, agent, w.t, csatScore(rng, agent.profile, avgWait, resolved, curt, plan))
      : null;
  return {
    conversation: record(plan, resolved, resolved ? lastAgentAt : 0),
    rating,
    servedBy: replies > 0 ? agent : null,
    end: w.t,
  };
}

/** Rarely an agent slips: a forbidden promise, or a private phone number (for QA to catch). */
function maybeSlip(rng: Rng, agent: ServingAgent, text: string, slots: Slots): string {
  const r = rng.next();
  if (r < 0.003 * (1.5 - agent.profile.accuracy)) return rng.pick(T.FORBIDDEN_PROMISES);
  if (r > 0.9997) return T.fill(rng.pick(T.AGENT_PHONE_LEAK), { ...slots, phone: mobileNumber(rng) });
  return text;
}

/** CSAT driven by warmth, speed and resolution (SPEC KPI-10). */
function csatScore(
  rng: Rng,
  p: AgentProfile,
  avgWait: number,
  resolved: boolean,
  curt: boolean,
  plan: ConversationPlan,
): number {
  const written = plan.channel === 'ticket' || plan.channel === 'email';
  const speedFactor = written ? clamp((4 * 3600 - avgWait) / (3.5 * 3600), 0, 1) : clamp((120 - avgWait) / 90, 0, 1);
  const score =
    2.95 +
    1.6 * p.warmth +
    0.6 * speedFactor +
    (resolved ? 0.7 : -1) -
    (curt ? 0.8 : 0) -
    (plan.category === 'complaint' ? 0.4 : 0) +
    0.55 * rng.normal();
  return clamp(Math.round(score), 1, 5);
}

const NPS_RANGE: readonly [number, number][] = [
  [0, 3],
  [2, 5],
  [5, 7],
  [7, 9],
  [8, 10],
];

function rate(rng: Rng, plan: ConversationPlan, agent: ServingAgent, end: number, csat: number): RatingRecord {
  const [lo, hi] = NPS_RANGE[csat - 1];
  return {
    conversation_id: plan.id,
    customer_id: plan.customerId,
    agent_id: agent.login,
    rated_at: isoLocal(Math.min(plan.limit, end + rng.int(5, 600))),
    csat,
    nps: rng.chance(0.3) ? rng.int(lo, hi) : null,
    comment: rng.chance(0.6) ? rng.pick(T.COMMENTS[csat - 1]) : '',
  };
}

function record(plan: ConversationPlan, resolved: boolean, at: number): ConversationRecord {
  return {
    conversation_id: plan.id,
    category: plan.category,
    resolved,
    resolved_at: resolved ? isoLocal(at) : '',
    issue_key: plan.issueKey,
  };
}
