import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.ts';
import type { DemoOrganisation } from './organisation.ts';
import { DEMO_LOGINS, generateOrganisation, isActiveOn } from './organisation.ts';
import { chineseNumber } from './structure.ts';

const START = '2026-09-01';
const DAYS = 90;
const END = addDays(START, DAYS - 1);
const org60 = generateOrganisation({ agents: 60, days: DAYS, seed: 7, start: START });
const org1000 = generateOrganisation({ agents: 1000, days: 30, seed: 7, start: START });

const agentsOf = (org: DemoOrganisation) => org.people.filter((p) => p.role === 'agent');
const byLogin = (org: DemoOrganisation, login: string) => org.people.find((p) => p.login === login);

describe('generateOrganisation', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateOrganisation({ agents: 60, days: DAYS, seed: 7, start: START });
    const other = generateOrganisation({ agents: 60, days: DAYS, seed: 8, start: START });
    expect(JSON.stringify(again)).toBe(JSON.stringify(org60));
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(org60));
  });

  it.each([1, 7, 20, 60, 301, 1000])(
    'creates exactly %i agents, one lead per group, one supervisor per department',
    (agents) => {
      const org =
        agents === 60
          ? org60
          : agents === 1000
            ? org1000
            : generateOrganisation({ agents, days: 30, seed: 1, start: START });
      expect(agentsOf(org)).toHaveLength(agents);
      for (const g of org.groups)
        expect(org.people.filter((p) => p.role === 'lead' && p.groupId === g.id)).toHaveLength(1);
      expect(org.people.filter((p) => p.role === 'lead')).toHaveLength(org.groups.length);
      for (const d of org.departments)
        expect(org.people.filter((p) => p.role === 'supervisor' && p.departmentId === d.id)).toHaveLength(1);
      for (const role of ['manager', 'hr', 'admin'] as const)
        expect(org.people.filter((p) => p.role === role)).toHaveLength(1);
    },
  );

  it('has the fixed demo logins, the agent being an established active member of the first group', () => {
    for (const login of Object.values(DEMO_LOGINS)) expect(byLogin(org60, login), login).toBeDefined();
    const [first] = org60.groups;
    const agent = byLogin(org60, 'agent');
    expect(byLogin(org60, 'lead')).toMatchObject({ role: 'lead', groupId: first.id });
    expect(agent).toMatchObject({
      role: 'agent',
      groupId: first.id,
      status: 'active',
      leadLogin: 'lead',
      mentorLogin: null,
    });
    expect(agent!.hireDate < addDays(START, -365)).toBe(true);
    expect(byLogin(org60, 'supervisor')).toMatchObject({ role: 'supervisor', departmentId: 'dep-1' });
    expect(org60.people.map((p) => p.login)).toContain('agent002');
    expect(byLogin(org1000, 'supervisor02')?.role).toBe('supervisor');
    expect(byLogin(org1000, 'lead02')?.role).toBe('lead');
  });

  it('gives every person a unique login and a unique Chinese name', () => {
    for (const org of [org60, org1000]) {
      expect(new Set(org.people.map((p) => p.login)).size).toBe(org.people.length);
      expect(new Set(org.people.map((p) => p.name)).size).toBe(org.people.length);
      for (const p of org.people) expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    }
  });

  it('mixes levels about 50 % junior, 35 % senior, 15 % star with star counts only for stars', () => {
    const agents = agentsOf(org1000);
    const share = (level: string) => agents.filter((a) => a.level === level).length / agents.length;
    expect(share('junior')).toBeCloseTo(0.5, 2);
    expect(share('senior')).toBeCloseTo(0.35, 2);
    expect(share('star')).toBeCloseTo(0.15, 2);
    for (const a of agents) expect(a.star === null).toBe(a.level !== 'star');
  });

  it('splits a large department into groups of 8–15 agents with names unique per department', () => {
    expect(org1000.departments.map((d) => d.name)).toEqual(['客服一部', '客服二部']);
    expect(new Set(org1000.groups.map((g) => g.kind))).toEqual(
      new Set(['presale', 'after_sales', 'complaints', 'basic']),
    );
    for (const org of [org60, org1000]) {
      for (const g of org.groups) {
        const size = agentsOf(org).filter((a) => a.groupId === g.id).length;
        expect(size).toBeGreaterThanOrEqual(8);
        expect(size).toBeLessThanOrEqual(15);
      }
      const keys = org.groups.map((g) => `${g.departmentId}/${g.name}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(org1000.groups.map((g) => g.name)).toContain('售前十七组');
  });

  it('has leavers and new hires inside the period, at the rate of 35 % annual attrition', () => {
    const agents = agentsOf(org60);
    const leavers = agents.filter((a) => a.status === 'left');
    expect(leavers.length / agents.length).toBeGreaterThanOrEqual(0.08);
    expect(leavers.length / agents.length).toBeLessThanOrEqual(0.1);
    for (const a of leavers) {
      expect(a.statusDate > START && a.statusDate <= END).toBe(true);
      expect(a.statusDate > a.hireDate).toBe(true);
    }
    const hiredDuring = agents.filter((a) => a.hireDate > START);
    expect(hiredDuring.length).toBeGreaterThan(0);
    for (const a of hiredDuring) expect(isActiveOn(a, START)).toBe(false);
  });

  it('gives new hires a senior or star mentor of their own group', () => {
    const mentees = agentsOf(org1000).filter((a) => a.mentorLogin !== null);
    const newHires = agentsOf(org1000).filter((a) => a.hireDate > addDays(START, -90));
    expect(mentees.length).toBeGreaterThan(0);
    expect(mentees.length).toBe(newHires.length);
    for (const m of mentees) {
      const mentor = byLogin(org1000, m.mentorLogin!);
      expect(mentor?.level).not.toBe('junior');
      expect(mentor?.groupId).toBe(m.groupId);
      expect(m.hireDate > addDays(START, -90)).toBe(true);
    }
  });

  it('runs 2–3 shops on different platforms and lets each agent serve 1–3 of them', () => {
    expect(org60.shops.map((s) => s.platform)).toEqual(['tmall', 'jd', 'douyin']);
    for (const a of agentsOf(org60)) {
      expect(a.shopIds.length).toBeGreaterThanOrEqual(1);
      expect(a.shopIds.length).toBeLessThanOrEqual(3);
      expect(new Set(a.shopIds).size).toBe(a.shopIds.length);
    }
    expect(org60.channels.map((c) => c.kind)).toEqual(['chat', 'phone', 'ticket', 'email', 'video']);
  });

  it('makes stars better than juniors on average (hidden profile)', () => {
    const mean = (level: string) => {
      const xs = agentsOf(org1000).filter((a) => a.level === level);
      return (
        xs.reduce((s, a) => s + a.profile.speed + a.profile.warmth + a.profile.sales + a.profile.accuracy, 0) /
        xs.length /
        4
      );
    };
    expect(mean('star')).toBeGreaterThan(mean('senior'));
    expect(mean('senior')).toBeGreaterThan(mean('junior'));
  });

  it('rejects nonsense options', () => {
    expect(() => generateOrganisation({ agents: 0, days: 1, seed: 1, start: START })).toThrow(/agents/);
    expect(() => generateOrganisation({ agents: 5, days: 1, seed: 1, start: '2026-13-01' })).toThrow(/date/);
  });
});

describe('chineseNumber', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [112, '一百一十二'],
  ])('writes %i as %s', (n, zh) => expect(chineseNumber(n)).toBe(zh));
});
