/**
 * Who serves customers on a given day (SPEC WFM-3 in miniature): agents work from their hire
 * date until they leave or go on leave, two rest days a week (none on peak promotion days),
 * on an early (08–16) or late (15–23) shift that alternates weekly. Their group decides what
 * kind of customers and channels reach them.
 */
import type { ChannelKind, GroupKind } from '../org.ts';
import type { Shift } from './calendar.ts';
import { SHIFTS, epochDay, isPeakDay, weekIndex, weekday } from './calendar.ts';
import type { ServingAgent } from './conversation.ts';
import type { DemoOrganisation, DemoShop } from './organisation.ts';
import { Rng, hashInts } from './random.ts';
import type { ConversationCategory } from './records.ts';

export interface Agent extends ServingAgent {
  hireDay: number;
  /** first day no longer working (left or on leave), Infinity when active */
  endDay: number;
  restDay: number;
  phase: number;
  kind: GroupKind;
  shops: DemoShop[];
  shopWeights: number[];
  volume: number;
}

export type Staff = Record<Shift, Agent[]>;

/** What customers reach each kind of group. */
export const CATEGORY_MIX: Record<GroupKind, [ConversationCategory, number][]> = {
  presale: [
    ['presale', 0.8],
    ['consult', 0.15],
    ['after_sales', 0.05],
  ],
  after_sales: [
    ['after_sales', 0.75],
    ['complaint', 0.1],
    ['consult', 0.15],
  ],
  complaints: [
    ['complaint', 0.7],
    ['after_sales', 0.3],
  ],
  basic: [
    ['consult', 0.75],
    ['presale', 0.15],
    ['after_sales', 0.1],
  ],
  other: [['consult', 1]],
};
export const CHANNELS: readonly ChannelKind[] = ['chat', 'phone', 'ticket', 'email', 'video'];
/** Channel shares (chat, phone, ticket, email, video) per kind of group. */
export const CHANNEL_MIX: Record<GroupKind, number[]> = {
  presale: [0.92, 0.03, 0, 0, 0.05],
  after_sales: [0.8, 0.08, 0.08, 0.04, 0],
  complaints: [0.6, 0.2, 0.15, 0.05, 0],
  basic: [0.9, 0.06, 0.02, 0.02, 0],
  other: [1, 0, 0, 0, 0],
};
/** How many shifts cover each hour of the day. */
export const COVERAGE = Array.from(
  { length: 24 },
  (_, h) => Object.values(SHIFTS).filter((s) => s.from <= h && h < s.to).length,
);

/** The roster as the generator sees it: agents with working pattern and service settings. */
export function servingAgents(org: DemoOrganisation, seed: number): Agent[] {
  const setup = new Rng(hashInts(seed, 0x5e7));
  const groupKind = new Map(org.groups.map((g) => [g.id, g.kind]));
  return org.people
    .filter((p) => p.role === 'agent')
    .map((p) => {
      const shops = p.shopIds
        .map((id) => org.shops.find((s) => s.id === id))
        .filter((s): s is DemoShop => s !== undefined);
      return {
        login: p.login,
        profile: p.profile,
        autoReply: setup.chance(0.4),
        hireDay: epochDay(p.hireDate),
        endDay: p.status === 'active' ? Infinity : epochDay(p.statusDate),
        restDay: setup.int(0, 6),
        phase: setup.int(0, 1),
        kind: groupKind.get(p.groupId ?? '') ?? 'other',
        shops,
        // the group's main shop brings most of an agent's customers
        shopWeights: shops.map((_, i) => (i === 0 ? 2 : 1)),
        // fast agents take more customers
        volume: 0.75 + 0.5 * p.profile.speed,
      };
    });
}

/** Agents working on `day` by shift: hired, not left or on leave, not on a rest day (none on peak days). */
export function staffOn(agents: readonly Agent[], day: number): Staff {
  const staff: Staff = { early: [], late: [] };
  const dow = weekday(day);
  const peak = isPeakDay(day);
  for (const a of agents) {
    if (day < a.hireDay || day >= a.endDay) continue;
    if (!peak && (dow === a.restDay || dow === (a.restDay + 1) % 7)) continue;
    staff[(a.phase + weekIndex(day)) % 2 === 0 ? 'early' : 'late'].push(a);
  }
  return staff;
}
