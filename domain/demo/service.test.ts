import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isActiveOn } from './organisation.ts';
import type { DemoOrganisation, DemoPerson } from './organisation.ts';
import type { DemoDay } from './service.ts';
import { generateServiceData } from './service.ts';
import type { MessageRecord } from './records.ts';
import { generateOrganisation } from './organisation.ts';

const OPTIONS = { agents: 40, days: 21, seed: 11, start: '2026-11-01' };
let org: DemoOrganisation;
let days: DemoDay[];
let messages: MessageRecord[];
let byLogin: Map<string, DemoPerson>;

/** Digest of every record of every day, so two runs compare byte for byte without holding both. */
function digest(o: DemoOrganisation, seed?: number): string {
  const hash = createHash('sha256');
  for (const day of generateServiceData(o, { seed })) hash.update(JSON.stringify(day));
  return hash.digest('hex');
}

/** Messages grouped by conversation, in their order. */
function conversations(): Map<string, MessageRecord[]> {
  const map = new Map<string, MessageRecord[]>();
  for (const m of messages) {
    const list = map.get(m.conversation_id);
    if (list) list.push(m);
    else map.set(m.conversation_id, [m]);
  }
  return map;
}

const hourOf = (iso: string) => Number(iso.slice(11, 13));
const seconds = (iso: string) => Date.parse(iso) / 1000;

beforeAll(() => {
  org = generateOrganisation(OPTIONS);
  days = [...generateServiceData(org)];
  messages = days.flatMap((d) => d.messages);
  byLogin = new Map(org.people.map((p) => [p.login, p]));
});

describe('generateServiceData', () => {
  it('yields one day at a time, in order', () => {
    const it = generateServiceData(org);
    expect(it.next().value?.day).toBe('2026-11-01');
    expect(it.next().value?.day).toBe('2026-11-02');
    expect(days.map((d) => d.day).at(-1)).toBe('2026-11-21');
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const small = generateOrganisation({ ...OPTIONS, agents: 12, days: 4 });
    expect(digest(small)).toBe(digest(generateOrganisation({ ...OPTIONS, agents: 12, days: 4 })));
    expect(digest(small, 12)).not.toBe(digest(small));
  });

  it('gives unique conversation, message and order ids in the documented shapes', () => {
    const ids = (xs: string[]) => new Set(xs).size === xs.length;
    expect(ids(messages.map((m) => m.message_id))).toBe(true);
    expect(ids(days.flatMap((d) => d.conversations.map((c) => c.conversation_id)))).toBe(true);
    expect(ids(days.flatMap((d) => d.orders.map((o) => o.order_id)))).toBe(true);
    expect(days[0].conversations[0].conversation_id).toBe('cv-20261101-000001');
    expect(messages[0].message_id).toBe('m-20261101-000001-01');
    expect(messages.filter((m) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/.test(m.sent_at))).toEqual([]);
    expect(messages.filter((m) => !/^c\d{6,}$/.test(m.customer_id))).toEqual([]);
  });

  it('keeps message times monotonic within a conversation', () => {
    const backwards = [...conversations().values()].filter((list) =>
      list.some((m, i) => i > 0 && m.sent_at < list[i - 1].sent_at),
    );
    expect(backwards).toEqual([]);
  });

  it('only lets agents who are active that day write, transfer or receive customers', () => {
    const active = (login: string, iso: string) => {
      const p = byLogin.get(login);
      return p?.role === 'agent' && isActiveOn(p, iso.slice(0, 10));
    };
    const wrong = messages.filter((m) => {
      const from = m.sender === 'agent' || m.event === 'transfer' ? active(m.agent_id, m.sent_at) : m.agent_id === '';
      const to =
        m.event === 'handoff' || m.event === 'transfer' ? active(m.to_agent_id, m.sent_at) : m.to_agent_id === '';
      return !from || !to;
    });
    expect(wrong).toEqual([]);
    expect(messages.filter((m) => m.sender === 'agent').length).toBeGreaterThan(0);
  });

  it('peaks around 10:00 and 20:00–22:00 and is quiet at 04:00', () => {
    const hours = new Array<number>(24).fill(0);
    for (const list of conversations().values()) hours[hourOf(list[0].sent_at)]++;
    const evening = (hours[20] + hours[21] + hours[22]) / 3;
    expect(hours[10]).toBeGreaterThan(10 * hours[4]);
    expect(evening).toBeGreaterThan(10 * hours[4]);
    expect(hours[10]).toBeGreaterThan(hours[13]);
    expect(evening).toBeGreaterThan(hours[17]);
  });

  it('triples the volume on 双11', () => {
    const normal = days
      .filter((d) => !['2026-11-10', '2026-11-11', '2026-11-12'].includes(d.day))
      .map((d) => d.conversations.length);
    const median = normal.sort((a, b) => a - b)[Math.floor(normal.length / 2)];
    const peak = days.find((d) => d.day === '2026-11-11')!.conversations.length;
    expect(peak / median).toBeGreaterThan(2.5);
    expect(peak / median).toBeLessThan(3.5);
  });

  it('has bot-only conversations, hand-overs, transfers, auto-replies, closes and offline messages', () => {
    const all = [...conversations().values()];
    const count = (pred: (list: MessageRecord[]) => boolean) => all.filter(pred).length / all.length;
    const botOnly = count((l) => l.some((m) => m.sender === 'bot') && !l.some((m) => m.sender === 'agent'));
    const handoff = count((l) => l.some((m) => m.event === 'handoff'));
    const transfer = count((l) => l.some((m) => m.event === 'transfer'));
    const transferFirst = count((l) => {
      const t = l.findIndex((m) => m.event === 'transfer');
      return t >= 0 && !l.slice(0, t).some((m) => m.sender === 'agent' && !m.auto_reply);
    });
    const offline = count((l) => hourOf(l[0].sent_at) < 8 || hourOf(l[0].sent_at) >= 23);
    const unanswered = count(
      (l) =>
        l[0].sender === 'customer' &&
        !l.some((m) => m.sender === 'agent' && !m.auto_reply) &&
        !l.some((m) => m.sender === 'bot'),
    );
    expect(botOnly).toBeGreaterThan(0.03);
    expect(handoff).toBeGreaterThan(0.15);
    expect(transfer).toBeGreaterThan(0.015);
    expect(transfer).toBeLessThan(0.05);
    expect(transferFirst).toBeGreaterThan(0);
    expect(offline).toBeGreaterThan(0.03);
    expect(unanswered).toBeGreaterThan(0);
    expect(messages.some((m) => m.auto_reply && m.sender === 'agent')).toBe(true);
    expect(count((l) => l.at(-1)?.event === 'close')).toBeGreaterThan(0.8);
    const perConversation = messages.length / all.length;
    expect(perConversation).toBeGreaterThan(8);
    expect(perConversation).toBeLessThan(12);
  });

  it('answers night messages the next morning, or not at all', () => {
    const night = [...conversations().values()].filter((l) => hourOf(l[0].sent_at) < 7);
    const answered = night.map((l) => l.find((m) => m.sender === 'agent')).filter((m) => m !== undefined);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.length).toBeLessThan(night.length);
    for (const m of answered) expect(hourOf(m.sent_at)).toBeGreaterThanOrEqual(8);
  });

  it('makes fast agents answer faster than slow ones', () => {
    const waits = { fast: [] as number[], slow: [] as number[] };
    for (const list of conversations().values()) {
      if (list[0].channel !== 'chat' || hourOf(list[0].sent_at) < 8) continue;
      let asked: string | null = null;
      for (const m of list) {
        if (m.sender === 'customer' && asked === null) asked = m.sent_at;
        if (m.event === 'handoff') asked = m.sent_at;
        if (m.sender === 'agent' && !m.auto_reply && asked !== null) {
          const speed = byLogin.get(m.agent_id)!.profile.speed;
          if (speed > 0.7) waits.fast.push(seconds(m.sent_at) - seconds(asked));
          if (speed < 0.35) waits.slow.push(seconds(m.sent_at) - seconds(asked));
          asked = null;
        }
      }
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    expect(median(waits.fast)).toBeLessThan(30);
    expect(median(waits.slow)).toBeGreaterThan(50);
  });

  it('collects ratings on about a third of conversations, CSAT 1–5 and NPS 0–10 on some', () => {
    const ratings = days.flatMap((d) => d.ratings);
    const share = ratings.length / days.reduce((s, d) => s + d.conversations.length, 0);
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.4);
    for (const r of ratings) {
      expect([1, 2, 3, 4, 5]).toContain(r.csat);
      if (r.nps !== null) expect(r.nps >= 0 && r.nps <= 10).toBe(true);
    }
    const withNps = ratings.filter((r) => r.nps !== null).length / ratings.length;
    expect(withNps).toBeGreaterThan(0.2);
    expect(withNps).toBeLessThan(0.4);
    expect(new Set(ratings.map((r) => r.csat)).size).toBe(5);
  });

  it('rates warm agents higher than curt ones', () => {
    const ratings = days.flatMap((d) => d.ratings);
    const mean = (pred: (w: number) => boolean) => {
      const xs = ratings.filter((r) => pred(byLogin.get(r.agent_id)!.profile.warmth)).map((r) => r.csat);
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    expect(mean((w) => w > 0.65)).toBeGreaterThan(mean((w) => w < 0.4) + 0.3);
  });

  it('records orders with sane money and times, some unpaid, some refunded', () => {
    const orders = days.flatMap((d) => d.orders);
    expect(orders.length).toBeGreaterThan(0);
    for (const o of orders) {
      expect(Math.round(o.amount * 100)).toBeCloseTo(o.amount * 100, 6);
      expect(o.amount).toBeGreaterThan(0);
      expect(o.refund_amount).toBeLessThanOrEqual(o.amount);
      if (o.paid_at) expect(seconds(o.paid_at)).toBeGreaterThan(seconds(o.created_at));
      if (o.refunded_at) expect(seconds(o.refunded_at)).toBeGreaterThan(seconds(o.paid_at!));
      expect(o.refund_amount > 0).toBe(o.refunded_at !== null);
    }
    expect(orders.some((o) => o.paid_at === null)).toBe(true);
    expect(orders.some((o) => o.refund_amount > 0)).toBe(true);
    for (const d of days) for (const o of d.orders) expect(o.created_at.slice(0, 10)).toBe(d.day);
  });

  it('converts 20–40 % of pre-sales inquiries and also has silent sales', () => {
    const firstMessage = new Map([...conversations().entries()].map(([id, l]) => [id, l[0]]));
    const presale = days.flatMap((d) => d.conversations).filter((c) => c.category === 'presale' && c.resolved);
    const ordersByCustomer = new Map<string, number[]>();
    for (const o of days.flatMap((d) => d.orders))
      ordersByCustomer.set(o.customer_id, [...(ordersByCustomer.get(o.customer_id) ?? []), seconds(o.created_at)]);
    const converted = presale.filter((c) => {
      const m = firstMessage.get(c.conversation_id)!;
      return (ordersByCustomer.get(m.customer_id) ?? []).some(
        (t) => t >= seconds(m.sent_at) && t < seconds(m.sent_at) + 2 * 86_400,
      );
    }).length;
    expect(converted / presale.length).toBeGreaterThan(0.2);
    expect(converted / presale.length).toBeLessThan(0.45);
    const talked = new Set(messages.map((m) => m.customer_id));
    expect(days.flatMap((d) => d.orders).filter((o) => !talked.has(o.customer_id)).length).toBeGreaterThan(0);
  });

  it('brings customers back across days and repeats some complaints on the same issue', () => {
    const dayOfCustomer = new Map<string, Set<string>>();
    for (const m of messages)
      dayOfCustomer.set(m.customer_id, (dayOfCustomer.get(m.customer_id) ?? new Set()).add(m.sent_at.slice(0, 10)));
    expect([...dayOfCustomer.values()].filter((s) => s.size > 1).length).toBeGreaterThan(0);
    const firstMessage = new Map<string, MessageRecord>();
    for (const m of messages) if (!firstMessage.has(m.conversation_id)) firstMessage.set(m.conversation_id, m);
    const complaints = days.flatMap((d) => d.conversations).filter((c) => c.category === 'complaint');
    const keys = complaints.map((c) => `${firstMessage.get(c.conversation_id)!.customer_id}|${c.issue_key}`);
    expect(new Set(keys).size).toBeLessThan(keys.length);
    for (const c of complaints) expect(c.issue_key).toMatch(/^(o-\d{8}-\d{6}|sku-\d+)$/);
  });

  it('writes Chinese conversations whose wording follows the agent', () => {
    const texts = messages.map((m) => m.text);
    expect(texts.some((t) => t.includes('穿什么码'))).toBe(true);
    expect(texts.some((t) => t.includes('亲，非常抱歉'))).toBe(true);
    expect(texts.some((t) => t === '自己看详情页' || t === '说了很多遍了')).toBe(true);
    expect(texts.filter((t) => /\{\w+\}/.test(t))).toEqual([]);
  });

  it('has agents who needed to work only from their hire date', () => {
    const newHires = org.people.filter((p) => p.role === 'agent' && p.hireDate > OPTIONS.start);
    expect(newHires.length).toBeGreaterThan(0);
    const writers = new Set(messages.filter((m) => m.sender === 'agent').map((m) => m.agent_id));
    expect(newHires.some((p) => writers.has(p.login))).toBe(true);
  });
});
