/**
 * Live alerts through the real HTTP server (SPEC QA-3, SVC-7): a live record posted to the
 * import API is inspected at once and its alerts reach, over server-sent events, the QA
 * reviewers whose scope holds the agent — leadA and the supervisor of 客服部 for agentA1 of
 * 售前一组 — while leadB (售后一组) and supervisor2 (another department) get nothing; alerts are
 * acknowledged and resolved with an outcome, and the success rate counts the interventions.
 * Agents and HR cannot read alerts. QA managers extend the lexicons, and history is re-inspected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay, addDays } from '../../domain/time.ts';
import { alertHub } from '../../server/modules/qa/qa.alerts.hub.ts';
import { reinspectSettled } from '../../server/modules/qa/qa.inspection.jobs.ts';
import type { AlertOut, AlertStats } from '../../server/modules/qa/qa.alerts.schema.ts';
import { createTestDb, type TestDb } from '../support/databases.ts';
import { buildSmallOrg, type SmallOrg } from '../support/factories.ts';
import { clientFor, startServer, type Client, type TestServer } from '../support/server.ts';

interface SseEvent {
  event: string;
  data: unknown;
}

/** A server-sent-event stream read by a test: every event and comment so far, and a wait for the next match. */
interface Stream {
  events: SseEvent[];
  comments: string[];
  next(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** resolves when the server ends the stream */
  ended: Promise<void>;
  close(): void;
}

async function openStream(server: TestServer, client: Client): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(`${server.url}/api/qa/alerts/stream`, {
    headers: { cookie: (client.setCookie ?? '').split(';')[0] },
    signal: abort.signal,
  });
  if (res.status !== 200) throw new Error(`stream: ${res.status} ${await res.text()}`);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const waiters: (() => void)[] = [];
  let ended = () => undefined as void;
  const stream: Stream = {
    events: [],
    comments: [],
    next: () => Promise.reject(new Error('unset')),
    ended: new Promise<void>((resolve) => (ended = resolve)),
    close: () => abort.abort(),
  };
  void (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) stream.events.push({ event, data: JSON.parse(data) as unknown });
          for (const w of waiters.splice(0)) w();
        }
      }
    } catch {
      // aborted
    }
    ended();
  })();
  stream.next = (match, timeoutMs = 5000) =>
    new Promise((resolve, reject) => {
      let seen = 0;
      const check = () => {
        for (; seen < stream.events.length; seen++) if (match(stream.events[seen])) return resolve(stream.events[seen]);
        waiters.push(check);
      };
      setTimeout(() => reject(new Error('no matching event in time')), timeoutMs);
      check();
    });
  await stream.next((e) => e.event === 'ready');
  return stream;
}

const isAlert = (conversationId: string, kind?: AlertOut['kind']) => (e: SseEvent) =>
  e.event === 'alert' &&
  (e.data as AlertOut).conversationId === conversationId &&
  (kind === undefined || (e.data as AlertOut).kind === kind);

let db: TestDb;
let server: TestServer;
let org: SmallOrg;
let admin: Client;
const streams: Record<string, Stream> = {};
const clients: Record<string, Client> = {};
const started = Date.now();
const at = (secondsAgo: number) => new Date(started - secondsAgo * 1000).toISOString();
const day = localDay(started - 120_000, 'Asia/Shanghai');

/** One live message of the small org's 云裳旗舰店, sent `secondsAgo`. */
const live = (id: string, conv: string, sender: string, agent: string, secondsAgo: number, text: string) => ({
  conversation_id: conv,
  message_id: id,
  shop_id: '云裳旗舰店',
  channel: 'chat',
  customer_id: `cust-${conv}`,
  sender,
  agent_id: agent,
  sent_at: at(secondsAgo),
  text,
});

beforeAll(async () => {
  db = (await createTestDb('sqlite'))!;
  org = await buildSmallOrg(db);
  alertHub(db).heartbeatMs = 200;
  server = await startServer(db);
  admin = await clientFor(server, 'admin');
  for (const login of ['leadA', 'leadB', 'supervisor', 'supervisor2', 'manager', 'agentA1', 'hr']) {
    clients[login] = await clientFor(server, login);
  }
  for (const login of ['leadA', 'leadB', 'supervisor', 'supervisor2', 'manager']) {
    streams[login] = await openStream(server, clients[login]);
  }
});
afterAll(async () => {
  for (const s of Object.values(streams)) s.close();
  await server.close();
  await db.dispose();
});

describe('live alerts', () => {
  it('reach the lead and supervisor of the agent’s group within seconds', async () => {
    const posted = Date.now();
    const res = await admin.send('POST', '/api/import/records', {
      type: 'messages',
      records: [
        live('a-1', 'live-a', 'customer', '', 120, '我的快递怎么还没到？太慢了，非常失望'),
        live('a-2', 'live-a', 'agent', 'agentA1', 100, '亲，我保证明天一定送到，有事打我电话13812345678'),
      ],
    });
    expect(res.status).toBe(200);
    const received = await Promise.all(
      ['leadA', 'supervisor', 'manager'].map((login) => streams[login].next(isAlert('live-a', 'banned_word'), 3000)),
    );
    expect(Date.now() - posted).toBeLessThan(3000);
    const [forLead, forSupervisor] = received.map((e) => e.data as AlertOut);
    expect([forLead.agentId, forLead.groupId, forLead.live, forLead.status]).toEqual([
      org.people.agentA1,
      org.groups.presale,
      true,
      'open',
    ]);
    expect(forLead.detail.categories).toEqual(expect.arrayContaining(['promise', 'privacy']));
    // a lead may not see customer contact data; the supervisor may
    expect(forLead.detail.excerpt).toContain('138****5678');
    expect(forSupervisor.detail.excerpt).toContain('13812345678');
    const share = await streams.leadA.next(isAlert('live-a', 'negative_share'));
    expect((share.data as AlertOut).detail.negativeShare).toBeGreaterThan(0.03);
  });

  it('never reach reviewers outside the agent’s scope', async () => {
    const res = await admin.send('POST', '/api/import/records', {
      type: 'messages',
      records: [
        live('b-1', 'live-b', 'customer', '', 90, '请问发货了吗'),
        live('b-2', 'live-b', 'agent', 'agentB1', 80, '我保证今天发'),
      ],
    });
    expect(res.status).toBe(200);
    // leadB's first alert is agentB1's: the earlier ones were never sent to them
    const first = await streams.leadB.next((e) => e.event === 'alert');
    expect((first.data as AlertOut).conversationId).toBe('live-b');
    await streams.supervisor.next(isAlert('live-b'));
    expect(streams.leadA.events.some(isAlert('live-b'))).toBe(false);
    expect(streams.supervisor2.events.filter((e) => e.event !== 'ready')).toEqual([]);
  });

  it('keep the stream alive with heartbeats, and end it when the session ends', async () => {
    await new Promise((r) => setTimeout(r, 450));
    expect(streams.supervisor2.comments).toContain('ping');
    const other = await clientFor(server, 'leadA');
    const stream = await openStream(server, other);
    expect((await other.send('POST', '/api/auth/logout')).status).toBe(200);
    await Promise.race([
      stream.ended,
      new Promise((_, reject) => setTimeout(() => reject(new Error('still open')), 2000)),
    ]);
  });

  it('are refused to agents and HR', async () => {
    for (const login of ['agentA1', 'hr']) {
      expect((await clients[login].get('/api/qa/alerts')).status).toBe(403);
      expect((await clients[login].get('/api/qa/alerts/stream')).status).toBe(403);
      expect((await clients[login].get(`/api/qa/alerts/stats?from=${day}&to=${day}`)).status).toBe(403);
    }
    expect((await fetch(`${server.url}/api/qa/alerts/stream`)).status).toBe(401);
    // the agent reads their own conversation's findings, without its alerts
    const own = await clients.agentA1.get('/api/qa/inspections/live-a');
    const body = (await own.json()) as { bannedHits: number; alerts: unknown[] };
    expect([own.status, body.bannedHits > 0, body.alerts]).toEqual([200, true, []]);
    expect((await clients.leadB.get('/api/qa/inspections/live-a')).status).toBe(403);
  });
});

describe('handling alerts', () => {
  let mine: AlertOut[];

  it('lists the alerts in the caller’s scope', async () => {
    const page = (await (await clients.leadA.get('/api/qa/alerts?status=open')).json()) as {
      items: AlertOut[];
      total: number;
    };
    expect(page.items.every((a) => a.agentId === org.people.agentA1)).toBe(true);
    expect(page.total).toBe(2);
    mine = page.items;
    const other = (await (await clients.leadB.get('/api/qa/alerts')).json()) as { items: AlertOut[] };
    expect(other.items.map((a) => a.conversationId)).toEqual(['live-b']);
  });

  it('acknowledges and resolves with an outcome, once', async () => {
    const [banned, share] = [
      mine.find((a) => a.kind === 'banned_word')!,
      mine.find((a) => a.kind === 'negative_share')!,
    ];
    expect((await clients.leadB.send('POST', `/api/qa/alerts/${banned.id}/acknowledge`)).status).toBe(403);
    const ack = await clients.leadA.send('POST', `/api/qa/alerts/${banned.id}/acknowledge`);
    expect([ack.status, ((await ack.json()) as AlertOut).status]).toEqual([200, 'acknowledged']);
    const update = await streams.supervisor.next((e) => e.event === 'alert-updated');
    expect((update.data as AlertOut).acknowledgedBy).toBe(org.people.leadA);

    const resolved = await clients.supervisor.send('POST', `/api/qa/alerts/${banned.id}/resolve`, {
      outcome: 'intervened',
      note: '主管已介入安抚',
    });
    const out = (await resolved.json()) as AlertOut;
    expect([resolved.status, out.status, out.outcome, out.acknowledgedBy, out.resolvedBy]).toEqual([
      200,
      'resolved',
      'intervened',
      org.people.leadA,
      org.people.supervisor,
    ]);
    expect(
      (await clients.leadA.send('POST', `/api/qa/alerts/${banned.id}/resolve`, { outcome: 'intervened' })).status,
    ).toBe(409);
    expect((await clients.leadA.send('POST', `/api/qa/alerts/${banned.id}/acknowledge`)).status).toBe(409);
    expect(
      (await clients.leadA.send('POST', `/api/qa/alerts/${share.id}/resolve`, { outcome: 'nonsense' })).status,
    ).toBe(400);
    const lost = await clients.leadA.send('POST', `/api/qa/alerts/${share.id}/resolve`, {
      outcome: 'bad_review_not_avoided',
    });
    expect(lost.status).toBe(200);
  });

  it('reports the intervention success rate per group and overall', async () => {
    const [b] = ((await (await clients.leadB.get('/api/qa/alerts')).json()) as { items: AlertOut[] }).items;
    expect(
      (await clients.leadB.send('POST', `/api/qa/alerts/${b.id}/resolve`, { outcome: 'bad_review_avoided' })).status,
    ).toBe(200);
    const q = `from=${addDays(day, -1)}&to=${addDays(day, 1)}`;
    const stats = (await (await clients.manager.get(`/api/qa/alerts/stats?${q}&by=group`)).json()) as AlertStats;
    const byGroup = new Map(stats.rows.map((r) => [r.groupId, r]));
    expect(byGroup.get(org.groups.presale)).toMatchObject({ raised: 2, resolved: 2, succeeded: 1, successRate: 0.5 });
    expect(byGroup.get(org.groups.afterSales)).toMatchObject({ raised: 1, resolved: 1, succeeded: 1, successRate: 1 });
    expect(stats.total).toMatchObject({ raised: 3, open: 0, resolved: 3, succeeded: 2 });
    expect(stats.total.successRate).toBeCloseTo(2 / 3);
    // a lead's figures cover their own group only
    const lead = (await (await clients.leadB.get(`/api/qa/alerts/stats?${q}&by=all`)).json()) as AlertStats;
    expect(lead.total).toMatchObject({ raised: 1, succeeded: 1, successRate: 1 });
  });
});

describe('lexicons', () => {
  it('are extended by QA managers only, and history is re-inspected with the new word', async () => {
    type Added = { added: { id: string; word: string }[]; skipped: string[]; reinspect: { status: string } };
    const body = { list: 'rude', words: ['今天发', ' 今天发 ', ''] };
    expect((await clients.leadA.send('POST', '/api/qa/lexicons/words', body)).status).toBe(403);
    const res = await clients.manager.send('POST', '/api/qa/lexicons/words', body);
    const added = (await res.json()) as Added;
    expect([res.status, added.added.map((w) => w.word), added.skipped, added.reinspect.status]).toEqual([
      201,
      ['今天发'],
      [],
      'running',
    ]);
    expect((await reinspectSettled(db)).status).toBe('done');
    const again = (await (await clients.manager.send('POST', '/api/qa/lexicons/words', body)).json()) as Added;
    expect([again.added, again.skipped]).toEqual([[], ['今天发']]);
    const inspection = (await (await clients.leadB.get('/api/qa/inspections/live-b')).json()) as {
      bannedByCategory: Record<string, number>;
      current: boolean;
    };
    expect([inspection.bannedByCategory.rude, inspection.current]).toEqual([1, true]);
    const listed = (await (await clients.manager.get('/api/qa/lexicons')).json()) as { words: { word: string }[] };
    expect(listed.words.map((w) => w.word)).toEqual(['今天发']);
    expect((await clients.manager.send('DELETE', `/api/qa/lexicons/words/${added.added[0].id}`)).status).toBe(200);
    await reinspectSettled(db);
  });

  it('try a text against the lexicons in force', async () => {
    const res = await clients.manager.send('POST', '/api/qa/inspection/preview', {
      text: '亲，我保证明天到',
      sender: 'agent',
    });
    const found = (await res.json()) as { banned: { category: string; start: number; end: number }[] };
    expect(found.banned.map((h) => [h.category, '亲，我保证明天到'.slice(h.start, h.end)])).toEqual([
      ['promise', '保证'],
    ]);
  });

  it('have settings a QA manager changes within the domain’s bounds', async () => {
    expect(
      (await clients.leadA.send('PUT', '/api/qa/inspection/settings', { negativeShareThreshold: 0.05 })).status,
    ).toBe(403);
    expect(
      (await clients.manager.send('PUT', '/api/qa/inspection/settings', { negativeShareThreshold: 2 })).status,
    ).toBe(400);
    const saved = await clients.manager.send('PUT', '/api/qa/inspection/settings', { negativeShareThreshold: 0.05 });
    expect([saved.status, ((await saved.json()) as { negativeShareThreshold: number }).negativeShareThreshold]).toEqual(
      [200, 0.05],
    );
    await reinspectSettled(db);
    const read = (await (await clients.leadA.get('/api/qa/inspection/settings')).json()) as {
      negativeShareThreshold: number;
    };
    expect(read.negativeShareThreshold).toBe(0.05);
  });
});

describe('bursts', () => {
  it('arrive as one count event instead of an alert each', async () => {
    const records = Array.from({ length: 25 }, (_, k) => [
      live(`burst-${k}-q`, `burst-${k}`, 'customer', '', 70, '请问什么时候发货'),
      live(`burst-${k}-a`, `burst-${k}`, 'agent', 'agentA2', 60, '我保证今天发'),
    ]).flat();
    expect((await admin.send('POST', '/api/import/records', { type: 'messages', records })).status).toBe(200);
    const burst = await streams.leadA.next((e) => e.event === 'alerts');
    expect(burst.data).toEqual({ count: 25 });
    expect(
      streams.leadA.events.some((e) => e.event === 'alert' && (e.data as AlertOut).conversationId.startsWith('burst-')),
    ).toBe(false);
  });

  it('count alerts held only by placement for the reviewers whose scope holds them', () => {
    const hub = alertHub(db);
    const got: Record<string, unknown[]> = { leadA: [], leadB: [] };
    const offs = (['leadA', 'leadB'] as const).map((login) =>
      hub.subscribe({
        actor: {
          id: org.people[login],
          role: 'lead',
          departmentId: org.departments.cs,
          groupId: login === 'leadA' ? org.groups.presale : org.groups.afterSales,
          ledGroupIds: [login === 'leadA' ? org.groups.presale : org.groups.afterSales],
        },
        send: (event, data) => got[login].push([event, data]),
      }),
    );
    const placed = {
      agentId: org.people.agentA1,
      groupId: org.groups.presale,
      departmentId: org.departments.cs,
      count: 3,
    };
    hub.publish([], new Map([['a1', placed]]));
    offs.forEach((off) => off());
    expect(got).toEqual({ leadA: [['alerts', { count: 3 }]], leadB: [] });
  });
});
