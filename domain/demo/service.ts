/**
 * Demo service data, one day at a time: who works (hire and leave dates, rest days, early and
 * late shifts), when customers arrive (daily peaks, weekends, 双11/618 surges, night messages),
 * which conversations they have, how they rate them and what they buy — including silent
 * sales without any conversation. Deterministic: the same organisation and seed give the same
 * days byte for byte, and only one day is ever held in memory.
 */
import type { ChannelKind } from '../org.ts';
import type { Product } from './catalogue.ts';
import { PRODUCTS, PRODUCT_WEIGHTS } from './catalogue.ts';
import {
  SECONDS_PER_DAY,
  SERVICE_CLOSE_HOUR,
  SERVICE_OPEN_HOUR,
  SHIFTS,
  dateOf,
  epochDay,
  hourlyCurve,
  volumeMultiplier,
} from './calendar.ts';
import type { ConversationPlan } from './conversation.ts';
import { buildConversation } from './conversation.ts';
import type { PendingOrder } from './orders.ts';
import { orderRecord, pendingOrder } from './orders.ts';
import type { DemoOrganisation, DemoShop } from './organisation.ts';
import { Rng, hashInts } from './random.ts';
import type { ConversationCategory, ConversationRecord, MessageRecord, OrderRecord, RatingRecord } from './records.ts';
import type { Agent, Staff } from './staffing.ts';
import { CATEGORY_MIX, CHANNELS, CHANNEL_MIX, COVERAGE, servingAgents, staffOn } from './staffing.ts';
import { SHOPS } from './structure.ts';

export interface DemoDay {
  /** YYYY-MM-DD */
  day: string;
  messages: MessageRecord[];
  conversations: ConversationRecord[];
  ratings: RatingRecord[];
  /** orders created on this day */
  orders: OrderRecord[];
}

export interface ServiceOptions {
  /** defaults to the organisation's seed, start and days */
  seed?: number;
  start?: string;
  days?: number;
  /** human-served customers per working agent-day before multipliers (default 25) */
  customersPerAgentDay?: number;
}

/** Yields the service data of each day of the period, in order. */
export function* generateServiceData(org: DemoOrganisation, opts: ServiceOptions = {}): Generator<DemoDay> {
  const first = epochDay(opts.start ?? org.start);
  const days = opts.days ?? org.days;
  const generator = new DayGenerator(org, opts.seed ?? org.seed, opts.customersPerAgentDay ?? 25);
  // Each day is built in its own call so the generator frame never keeps yesterday alive.
  for (let day = first; day < first + days; day++) yield generator.day(day);
}

/** Hours outside service hours: messages then are offline messages (离线留言). */
const NIGHT_HOURS = Array.from({ length: 24 }, (_, h) => h).filter(
  (h) => h < SERVICE_OPEN_HOUR || h >= SERVICE_CLOSE_HOUR,
);
/** Recent complaints and orders remembered for repeat complaints and order references. */
const RING = 4096;
/** State carried from day to day: the roster as the generator sees it and short memories. */
class DayGenerator {
  private readonly agents: Agent[];
  private readonly customerPool: number;
  private readonly shopWeights: number[];
  private readonly complaints: { customer: string; key: string; day: number }[] = [];
  private readonly recentOrders: string[] = [];
  /** orders created after the day that produced them (next-day purchases) */
  private carried: PendingOrder[] = [];
  // per-day state, reset by day()
  private rng = new Rng(0);
  private dayIndex = 0;

  constructor(
    private readonly org: DemoOrganisation,
    private readonly seed: number,
    private readonly perAgent: number,
  ) {
    this.agents = servingAgents(org, seed);
    this.customerPool = Math.max(1000, this.agents.length * 400);
    this.shopWeights = org.shops.map((s) => SHOPS.find((x) => x.id === s.id)?.weight ?? 0.2);
  }

  day(day: number): DemoDay {
    this.rng = new Rng(hashInts(this.seed, day, 0xda7));
    this.dayIndex = day;
    const rng = this.rng;
    const staff = staffOn(this.agents, day);
    const human = [...this.humanPlans(day, staff)];
    const plans = human.concat(this.offlinePlans(day, staff, human.length), this.botPlans(day, human.length));
    plans.sort((a, b) => a.start - b.start);

    const ymd = dateOf(day).replaceAll('-', '');
    const out: DemoDay = { day: dateOf(day), messages: [], conversations: [], ratings: [], orders: [] };
    const dayEnd = (day + 1) * SECONDS_PER_DAY;
    const orders = this.carried.filter((o) => o.created < dayEnd);
    this.carried = this.carried.filter((o) => o.created >= dayEnd);
    let sold = 0;
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i];
      plan.id = `cv-${ymd}-${String(i + 1).padStart(6, '0')}`;
      const built = buildConversation(plan, rng, out.messages);
      out.conversations.push(built.conversation);
      if (built.rating) out.ratings.push(built.rating);
      // Inquiry conversion (询单转化): driven by the serving agent's sales skill, same or next day.
      const seller = built.servedBy;
      const inquiry = plan.category === 'presale' || (plan.category === 'consult' && rng.chance(0.15));
      if (seller && inquiry && rng.chance(0.12 + 0.36 * seller.profile.sales)) {
        const created = rng.chance(0.75)
          ? built.end + Math.round(Math.min(6 * 3600, rng.logNormal(400, 1)))
          : dayEnd + hourStart(rng, hourlyCurve(day + 1));
        (created < dayEnd ? orders : this.carried).push(
          pendingOrder(rng, created, plan.shop.id, plan.customerId, plan.product, seller.profile.sales),
        );
        sold++;
      }
    }
    // Silent sales (静默销售): orders nobody talked to customer service about.
    for (let n = rng.poisson(sold * 1.3 + 1); n > 0; n--) {
      orders.push(
        pendingOrder(
          rng,
          day * SECONDS_PER_DAY + hourStart(rng, hourlyCurve(day)),
          this.pickShop().id,
          this.customer(),
          this.product(),
          0.4,
        ),
      );
    }
    orders.sort((a, b) => a.created - b.created);
    for (let i = 0; i < orders.length; i++) {
      const id = `o-${ymd}-${String(i + 1).padStart(6, '0')}`;
      out.orders.push(orderRecord(id, orders[i]));
      if (this.recentOrders.length < RING) this.recentOrders.push(id);
      else this.recentOrders[rng.int(0, RING - 1)] = id;
    }
    return out;
  }

  /** Customers served in service hours by the agents on shift, hours weighted by the arrival curve. */
  private *humanPlans(day: number, staff: Staff): Generator<ConversationPlan> {
    const rng = this.rng;
    const curve = hourlyCurve(day);
    const mult = volumeMultiplier(day);
    // Demand follows the nominal staffing (active agents × 5/7), so a peak day without rest days is still ×3.
    const working = staff.early.length + staff.late.length;
    const active = this.agents.filter((a) => day >= a.hireDay && day < a.endDay).length;
    const demand = working > 0 ? (this.perAgent * mult * active * 5) / 7 / working : 0;
    for (const shift of ['early', 'late'] as const) {
      const { from, to } = SHIFTS[shift];
      // an hour both shifts cover (the hand-over) is split between them
      const hours = curve.slice(from, to).map((w, i) => w / COVERAGE[from + i]);
      for (const a of staff[shift]) {
        const newHire = day - a.hireDay < 14 ? 0.6 : 1;
        for (let n = rng.poisson(demand * a.volume * newHire); n > 0; n--) {
          const hour = from + rng.weighted(hours);
          const mix = CATEGORY_MIX[a.kind];
          const channel = CHANNELS[rng.weighted(CHANNEL_MIX[a.kind])];
          const plan = this.plan(
            'human',
            day * SECONDS_PER_DAY + hour * 3600 + rng.int(0, 3599),
            a.shops[rng.weighted(a.shopWeights)],
            mix[rng.weighted(mix.map(([, w]) => w))][0],
            channel,
          );
          plan.agent = a;
          plan.load = 1 + 0.5 * Math.max(0, curve[hour] - 1) + 0.35 * (mult - 1);
          plan.botFirst = channel === 'chat' && rng.chance(0.3);
          plan.unanswered =
            (channel === 'chat' || channel === 'video') &&
            rng.chance(0.008 + 0.02 * (plan.load - 1) + 0.01 * (1 - a.profile.speed));
          if ((channel === 'chat' || channel === 'phone') && rng.chance(0.03) && staff[shift].length > 1) {
            let other = rng.pick(staff[shift]);
            while (other === a) other = rng.pick(staff[shift]);
            plan.transferTo = other;
            plan.transferBeforeReply = rng.chance(0.4);
          }
          yield plan;
        }
      }
    }
  }

  /** Night messages (离线留言): answered next morning by the early shift serving that shop, or never. */
  private offlinePlans(day: number, staff: Staff, humanCount: number): ConversationPlan[] {
    const rng = this.rng;
    const curve = hourlyCurve(day);
    const nightWeights = NIGHT_HOURS.map((h) => curve[h]);
    const servedWeight = curve.slice(SERVICE_OPEN_HOUR, SERVICE_CLOSE_HOUR).reduce((s, x) => s + x, 0);
    const nextMorning = staffOn(this.agents, day + 1).early;
    const plans: ConversationPlan[] = [];
    for (let n = rng.poisson((humanCount * 0.8 * nightWeights.reduce((s, x) => s + x, 0)) / servedWeight); n > 0; n--) {
      const hour = NIGHT_HOURS[rng.weighted(nightWeights)];
      const answerDay = hour >= SERVICE_CLOSE_HOUR ? day + 1 : day;
      const shop = this.pickShop();
      const plan = this.plan(
        'offline',
        day * SECONDS_PER_DAY + hour * 3600 + rng.int(0, 3599),
        shop,
        rng.pick(['consult', 'presale', 'after_sales'] as const),
        'chat',
      );
      const answerers = (hour >= SERVICE_CLOSE_HOUR ? nextMorning : staff.early).filter((a) => a.shops.includes(shop));
      if (answerers.length > 0 && rng.chance(0.85)) {
        plan.agent = rng.pick(answerers);
        plan.answerAt =
          answerDay * SECONDS_PER_DAY + SERVICE_OPEN_HOUR * 3600 + Math.min(9000, Math.round(rng.exponential(1500)));
        plan.limit = (answerDay + 1) * SECONDS_PER_DAY - 1;
      }
      plans.push(plan);
    }
    return plans;
  }

  /** Customers the bot alone answers (机器人独立接待), at any hour. */
  private botPlans(day: number, humanCount: number): ConversationPlan[] {
    const rng = this.rng;
    const curve = hourlyCurve(day);
    const plans: ConversationPlan[] = [];
    for (let n = rng.poisson(humanCount * 0.09); n > 0; n--) {
      plans.push(
        this.plan(
          'bot_only',
          day * SECONDS_PER_DAY + hourStart(rng, curve),
          this.pickShop(),
          rng.chance(0.6) ? 'consult' : 'presale',
          'chat',
        ),
      );
    }
    return plans;
  }

  /** A plan with customer, product and subject; complaints sometimes repeat one from the last 30 days. */
  private plan(
    kind: ConversationPlan['kind'],
    start: number,
    shop: DemoShop,
    category: ConversationCategory,
    channel: ChannelKind,
  ): ConversationPlan {
    const rng = this.rng;
    const product = this.product();
    const ref = this.orderRef();
    let customerId = this.customer();
    let issueKey =
      category === 'after_sales' ? ref : category === 'complaint' ? (rng.chance(0.6) ? ref : product.sku) : '';
    if (category === 'complaint') {
      const again = this.complaints.length > 0 && rng.chance(0.07) ? rng.pick(this.complaints) : undefined;
      if (again && again.day >= this.dayIndex - 30) ({ customer: customerId, key: issueKey } = again);
      if (this.complaints.length >= RING) this.complaints.splice(0, this.complaints.length - RING + 1);
      this.complaints.push({ customer: customerId, key: issueKey, day: this.dayIndex });
    }
    const limit = (Math.floor(start / SECONDS_PER_DAY) + 1) * SECONDS_PER_DAY - 1;
    const orderRef = issueKey.startsWith('o-') ? issueKey : ref;
    // the id is filled in once the day's conversations are sorted by start time
    return {
      id: '',
      kind,
      start,
      limit,
      agent: null,
      transferTo: null,
      transferBeforeReply: false,
      botFirst: false,
      unanswered: false,
      answerAt: 0,
      load: 1,
      shop,
      channel,
      category,
      customerId,
      product,
      orderRef,
      issueKey,
    };
  }

  /** Stable customer ids (c000123), skewed so loyal customers come back across days. */
  private customer(): string {
    return `c${String(1 + Math.floor(this.customerPool * this.rng.next() ** 1.6)).padStart(6, '0')}`;
  }

  /** An order the customer refers to: a recent one, or (on the first day) one from before the period. */
  private orderRef(): string {
    const rng = this.rng;
    if (this.recentOrders.length > 0) return rng.pick(this.recentOrders);
    return `o-${dateOf(this.dayIndex - rng.int(2, 20)).replaceAll('-', '')}-${String(rng.int(1, 999)).padStart(6, '0')}`;
  }

  private product(): Product {
    return PRODUCTS[this.rng.weighted(PRODUCT_WEIGHTS)];
  }

  private pickShop(): DemoShop {
    return this.org.shops[this.rng.weighted(this.shopWeights)];
  }
}

/** Seconds after midnight of a moment drawn from the arrival curve. */
function hourStart(rng: Rng, curve: readonly number[]): number {
  return rng.weighted(curve) * 3600 + rng.int(0, 3599);
}
