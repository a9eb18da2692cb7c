/**
 * Access control through the real HTTP server (SPEC ORG-3, NF-2): sign-in, cookie flags,
 * rate limiting, role and scope checks on every route family, the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/databases.ts';
import { buildSmallOrg, TEST_PASSWORD, type SmallOrg } from '../support/factories.ts';
import { clientFor, startServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
let org: SmallOrg;

beforeAll(async () => {
  db = (await createTestDb('sqlite'))!;
  org = await buildSmallOrg(db);
  server = await startServer(db);
});
afterAll(async () => {
  await server.close();
  await db.dispose();
});

describe('sign-in', () => {
  it('sets an httpOnly SameSite session cookie and returns the person with permissions', async () => {
    const c = await clientFor(server, 'supervisor');
    expect(c.setCookie).toMatch(/hm_session=/);
    expect(c.setCookie).toMatch(/HttpOnly/i);
    expect(c.setCookie).toMatch(/SameSite=Lax/i);
    const me = await (await c.get('/api/auth/me')).json();
    expect(me).toMatchObject({ login: 'supervisor', role: 'supervisor', permissions: expect.arrayContaining(['people.write']) });
  });

  it('refuses a wrong password and an unknown login with the same message', async () => {
    const wrong = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'agentA1', password: 'nope-nope' }),
    });
    const unknown = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'ghost', password: 'nope-nope' }),
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
  });

  it('answers 401 to every API route without a session', async () => {
    const anon = await clientFor(server, null);
    for (const path of ['/api/auth/me', '/api/people', '/api/org/groups', '/api/audit', '/api/settings']) {
      expect((await anon.get(path)).status, path).toBe(401);
    }
  });

  it('signs out: the old cookie no longer works', async () => {
    const c = await clientFor(server, 'agentA2');
    expect((await c.send('POST', '/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('stores passwords hashed with scrypt, never in clear', async () => {
    const row = await db.kysely.selectFrom('people').select('password_hash').where('login', '=', 'agentA1').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });
});

describe('scope: agents see only themselves', () => {
  it('lists only the agent themself', async () => {
    const c = await clientFor(server, 'agentA1');
    const people = await (await c.get('/api/people')).json();
    expect(people.map((p: { login: string }) => p.login)).toEqual(['agentA1']);
  });

  it("answers 403 when an agent asks for another agent's record", async () => {
    const c = await clientFor(server, 'agentA1');
    expect((await c.get(`/api/people/${org.people.agentA1}`)).status).toBe(200);
    const res = await c.get(`/api/people/${org.people.agentA2}`);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe('forbidden');
  });

  it('refuses an agent every write', async () => {
    const c = await clientFor(server, 'agentA1');
    expect((await c.send('PATCH', `/api/people/${org.people.agentA1}`, { level: 'star', star: 5 })).status).toBe(403);
    expect((await c.send('POST', '/api/org/groups', { departmentId: org.departments.cs, name: 'x', kind: 'other' })).status).toBe(403);
    expect((await c.get('/api/audit')).status).toBe(403);
  });
});

describe('scope: leads see their group', () => {
  it("answers 403 when a lead asks for another group's agent", async () => {
    const c = await clientFor(server, 'leadA');
    expect((await c.get(`/api/people/${org.people.agentA2}`)).status).toBe(200);
    expect((await c.get(`/api/people/${org.people.agentB1}`)).status).toBe(403);
  });

  it('lists exactly the lead’s group', async () => {
    const c = await clientFor(server, 'leadA');
    const logins = (await (await c.get('/api/people')).json()).map((p: { login: string }) => p.login).sort();
    expect(logins).toEqual(['agentA1', 'agentA2', 'leadA']);
  });
});

describe('scope: supervisors see their department', () => {
  it('reads the department but not another one', async () => {
    const c = await clientFor(server, 'supervisor');
    expect((await c.get(`/api/people/${org.people.agentB1}`)).status).toBe(200);
    expect((await c.get(`/api/people/${org.people.agentOther}`)).status).toBe(403);
    const logins = (await (await c.get('/api/people')).json()).map((p: { login: string }) => p.login);
    expect(logins).not.toContain('agentOther');
    expect(logins).toContain('agentB1');
  });

  it('may not move someone into another department nor make a manager', async () => {
    const c = await clientFor(server, 'supervisor');
    expect((await c.send('PATCH', `/api/people/${org.people.agentB1}`, { groupId: org.groups.otherDept })).status).toBe(403);
    expect((await c.send('PATCH', `/api/people/${org.people.agentB1}`, { role: 'manager' })).status).toBe(403);
  });

  it('sees colleagues’ contact data unmasked only inside their own scope', async () => {
    const lead = await clientFor(server, 'leadA');
    const seenByLead = await (await lead.get(`/api/people/${org.people.agentA1}`)).json();
    expect(seenByLead.phone).toBe('138****1234');
    const sup = await clientFor(server, 'supervisor');
    const seenBySup = await (await sup.get(`/api/people/${org.people.agentA1}`)).json();
    expect(seenBySup.phone).toBe('13800001234');
  });
});

describe('HR and managers', () => {
  it('lets HR read everyone but not change the organisation', async () => {
    const c = await clientFor(server, 'hr');
    expect((await c.get(`/api/people/${org.people.agentOther}`)).status).toBe(200);
    expect((await c.send('POST', '/api/org/shops', { name: '新店', platform: 'douyin' })).status).toBe(403);
  });

  it('lets a manager create a shop, and the audit log (admins only) records who, what and when', async () => {
    const m = await clientFor(server, 'manager');
    const res = await m.send('POST', '/api/org/shops', { name: '云裳抖音店', platform: 'douyin' });
    expect(res.status).toBe(201);
    const shop = await res.json();
    expect((await m.get('/api/audit')).status).toBe(403);
    const admin = await clientFor(server, 'admin');
    const entries = await (await admin.get(`/api/audit?entity=shops&entityId=${shop.id}`)).json();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'shops.create', actorId: org.people.manager, actorName: 'manager', before: null });
    expect(entries[0].after).toMatchObject({ name: '云裳抖音店', platform: 'douyin' });
  });

  it('rejects a duplicate shop name with 409 naming the field', async () => {
    const m = await clientFor(server, 'manager');
    const res = await m.send('POST', '/api/org/shops', { name: '云裳旗舰店', platform: 'tmall' });
    expect(res.status).toBe(409);
    expect((await res.json()).details).toEqual([{ field: 'name', message: 'already exists' }]);
  });

  it('rejects a malformed body with 400 naming the field', async () => {
    const m = await clientFor(server, 'manager');
    const res = await m.send('POST', '/api/org/shops', { name: '店', platform: 'amazon' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.details[0].field).toBe('platform');
  });
});

describe('password change', () => {
  it('needs the current password and then accepts the new one', async () => {
    const c = await clientFor(server, 'agentB1');
    expect((await c.send('POST', '/api/auth/password', { currentPassword: 'wrong-one', newPassword: 'a-new-secret-1' })).status).toBe(400);
    expect((await c.send('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-secret-1' })).status).toBe(200);
    await expect(clientFor(server, 'agentB1')).rejects.toThrow(/401/);
    const again = await clientFor(server, 'agentB1', 'a-new-secret-1');
    expect((await again.get('/api/auth/me')).status).toBe(200);
  });
});

describe('login rate limit', () => {
  it('answers 429 after too many attempts for one login', async () => {
    const limited = await startServer(db, { loginRateLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${limited.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: 'agentA1', password: 'guess-' + i }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('OpenAPI', () => {
  it('describes every API route at /api/docs', async () => {
    const spec = await (await fetch(`${server.url}/api/docs/json`)).json();
    const paths = Object.keys(spec.paths);
    for (const p of ['/api/auth/login', '/api/people', '/api/people/{id}', '/api/people/import', '/api/org/groups', '/api/audit', '/api/settings']) {
      expect(paths).toContain(p);
    }
    expect((await fetch(`${server.url}/api/docs`)).status).toBeLessThan(400);
  });
});
