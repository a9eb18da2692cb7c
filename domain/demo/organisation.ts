/**
 * The demo organisation (SPEC ORG-1, ORG-2, ORG-4): a Chinese apparel brand's customer-service
 * department with pre-sales, after-sales, complaints and basic-inquiry groups, its shops on
 * Tmall/JD/Douyin, channels, and a roster with levels, tenure, mentors, leavers and new hires.
 * Pure and deterministic: the same options give the same organisation.
 */
import { DEFAULT_NEW_HIRE_DAYS } from '../org.ts';
import type { ChannelKind, GroupKind, Level, Platform, Role, Status } from '../org.ts';
import { addDays, epochDay } from './calendar.ts';
import { uniqueChineseName } from './names.ts';
import { CHANNELS, SHOPS, buildStructure } from './structure.ts';
import { Rng, clamp, hashInts } from './random.ts';

export interface DemoDepartment {
  id: string;
  name: string;
  nameEn: string;
}

export interface DemoGroup {
  id: string;
  departmentId: string;
  /** unique within its department, e.g. 售前二组 */
  name: string;
  nameEn: string;
  kind: GroupKind;
}

export interface DemoShop {
  id: string;
  name: string;
  platform: Platform;
}

export interface DemoChannel {
  id: string;
  name: string;
  kind: ChannelKind;
}

/** Hidden traits (0–1) that make agents really differ in the generated service data. */
export interface AgentProfile {
  /** fast (1) or slow (0) replies */
  speed: number;
  /** kind wording and good ratings (1) or curt wording (0) */
  warmth: number;
  /** inquiry conversion and order value */
  sales: number;
  /** chance of resolving the customer's problem */
  accuracy: number;
}

export interface DemoPerson {
  login: string;
  /** unique within the organisation */
  name: string;
  role: Role;
  level: Level;
  /** 1–5 for level star, null otherwise */
  star: number | null;
  departmentId: string | null;
  groupId: string | null;
  /** login of the person this one reports to */
  leadLogin: string | null;
  /** login of the senior/star agent mentoring a new hire */
  mentorLogin: string | null;
  shopIds: string[];
  hireDate: string;
  status: Status;
  /** the day the current status took effect (the hire date for people who are simply active) */
  statusDate: string;
  email: string;
  phone: string;
  profile: AgentProfile;
}

export interface OrganisationOptions {
  agents: number;
  days: number;
  seed: number;
  /** first day of the period, YYYY-MM-DD */
  start: string;
}

export interface DemoOrganisation {
  seed: number;
  start: string;
  days: number;
  departments: DemoDepartment[];
  groups: DemoGroup[];
  shops: DemoShop[];
  channels: DemoChannel[];
  people: DemoPerson[];
}

/** Fixed demo logins (SPEC demo): the first of each role, plus an ordinary agent of the first group. */
export const DEMO_LOGINS = {
  admin: 'admin',
  manager: 'manager',
  hr: 'hr',
  supervisor: 'supervisor',
  lead: 'lead',
  agent: 'agent',
} as const;

/** Works on `date`: hired by then and not yet left or on leave. */
export function isActiveOn(person: Pick<DemoPerson, 'hireDate' | 'status' | 'statusDate'>, date: string): boolean {
  return person.hireDate <= date && (person.status === 'active' || date < person.statusDate);
}

/** Share of agents at each level (SPEC ORG-2 demo mix). */
const LEVEL_MIX = { junior: 0.5, senior: 0.35, star: 0.15 } as const;
/** Annual attrition the industry fights (SPEC ORG-4). */
const ANNUAL_ATTRITION = 0.35;

/** Numbered login: agent, agent002 …; lead, lead02 … */
function numberedLogin(base: string, n: number, width: number): string {
  return n === 1 ? base : `${base}${String(n).padStart(width, '0')}`;
}

function contact(rng: Rng, login: string): { email: string; phone: string } {
  const prefix = rng.pick(['135', '136', '138', '139', '150', '152', '158', '177', '186', '188', '199']);
  return {
    email: `${login}@yunshang.example.com`,
    phone: `${prefix}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
  };
}

function traits(rng: Rng, mean: number): AgentProfile {
  const t = () => Math.round(clamp(mean + 0.17 * rng.normal(), 0.02, 0.98) * 1000) / 1000;
  return { speed: t(), warmth: t(), sales: t(), accuracy: t() };
}

/** `count` distinct indices drawn with probability ∝ weight (weight 0 = never). */
function drawWeighted(rng: Rng, weights: number[], count: number): Set<number> {
  const chosen = new Set<number>();
  const w = [...weights];
  while (chosen.size < count && w.some((x) => x > 0)) {
    const i = rng.weighted(w);
    chosen.add(i);
    w[i] = 0;
  }
  return chosen;
}

/** Builds the whole demo organisation for `opts.agents` agents over the period. */
export function generateOrganisation(opts: OrganisationOptions): DemoOrganisation {
  const { agents, days, seed, start } = opts;
  if (!Number.isInteger(agents) || agents < 1) throw new Error(`agents must be a positive integer, got ${agents}`);
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a positive integer, got ${days}`);
  const startDay = epochDay(start);
  const rng = new Rng(hashInts(seed, 0x0a9));
  const { departments, groups } = buildStructure(agents);
  const shops = SHOPS.slice(0, agents < 20 ? 2 : 3);
  const names = new Set<string>();
  const person = (
    p: Omit<DemoPerson, 'name' | 'email' | 'phone' | 'statusDate' | 'status'> & Partial<DemoPerson>,
  ): DemoPerson => ({
    name: uniqueChineseName(rng, names),
    ...contact(rng, p.login),
    status: 'active',
    statusDate: p.hireDate,
    ...p,
  });
  const yearsAgo = (min: number, max: number) => addDays(start, -Math.round((min + rng.next() * (max - min)) * 365));

  const people: DemoPerson[] = [];
  const staff = (login: string, role: Role, extra: Partial<DemoPerson> = {}) =>
    people.push(
      person({
        login,
        role,
        level: 'senior',
        star: null,
        departmentId: null,
        groupId: null,
        leadLogin: null,
        mentorLogin: null,
        shopIds: [],
        hireDate: yearsAgo(3, 8),
        profile: traits(rng, 0.7),
        ...extra,
      }),
    );
  staff('admin', 'admin');
  staff('manager', 'manager', { level: 'star', star: 5 });
  staff('hr', 'hr');
  const supervisorOf = new Map<string, string>();
  departments.forEach((d, i) => {
    const login = numberedLogin('supervisor', i + 1, 2);
    supervisorOf.set(d.id, login);
    staff(login, 'supervisor', {
      level: 'star',
      star: rng.int(4, 5),
      departmentId: d.id,
      leadLogin: 'manager',
      hireDate: yearsAgo(3, 7),
    });
  });
  const leadOf = new Map<string, DemoPerson>();
  groups.forEach((g, i) => {
    const isStar = rng.chance(0.6);
    staff(numberedLogin('lead', i + 1, 2), 'lead', {
      level: isStar ? 'star' : 'senior',
      star: isStar ? rng.int(3, 5) : null,
      departmentId: g.departmentId,
      groupId: g.id,
      leadLogin: supervisorOf.get(g.departmentId) ?? null,
      hireDate: yearsAgo(2, 7),
    });
    leadOf.set(g.id, people[people.length - 1]);
  });

  // Agents: exact level mix, contiguous blocks per group; agent #1 is the fixed demo agent.
  const juniors = Math.round(agents * LEVEL_MIX.junior);
  const seniors = Math.round(agents * LEVEL_MIX.senior);
  const levels = rng.shuffle(
    Array.from({ length: agents }, (_, i): Level =>
      i < juniors ? 'junior' : i < juniors + seniors ? 'senior' : 'star',
    ),
  );
  const firstSenior = levels.indexOf('senior');
  if (firstSenior > 0) [levels[0], levels[firstSenior]] = [levels[firstSenior], levels[0]];
  const periodShare = clamp((ANNUAL_ATTRITION * days) / 365, 0.02, 0.1);
  const newHires =
    days >= 3
      ? drawWeighted(
          rng,
          levels.map((l, i) => (i > 0 && l === 'junior' ? 1 : 0)),
          Math.round(agents * periodShare),
        )
      : new Set<number>();
  const leaverWeight = { junior: 1.5, senior: 0.8, star: 0.4 };
  const leavers = drawWeighted(
    rng,
    levels.map((l, i) => (i > 0 && !newHires.has(i) ? leaverWeight[l] : 0)),
    Math.round(agents * periodShare),
  );
  const onLeave = drawWeighted(
    rng,
    levels.map((_, i) => (i > 0 && !newHires.has(i) && !leavers.has(i) ? 1 : 0)),
    Math.round(agents * 0.02),
  );
  // each group looks after one main shop; its agents may serve one or two more
  const mainShop = groups.map(() => shops[rng.weighted(shops.map((s) => s.weight))]);

  const agentPeople: DemoPerson[] = [];
  const mentees = new Set<DemoPerson>();
  for (let i = 0; i < agents; i++) {
    const g = Math.floor((i * groups.length) / agents);
    const group = groups[g];
    const level = levels[i];
    let hireDate: string;
    if (i === 0) hireDate = addDays(start, -rng.int(400, 900));
    else if (newHires.has(i)) hireDate = addDays(start, rng.int(1, days - 2));
    else if (level === 'junior') hireDate = addDays(start, -Math.round(14 + Math.min(880, rng.exponential(200))));
    else if (level === 'senior') hireDate = addDays(start, -Math.round(365 + Math.min(2000, rng.exponential(500))));
    else hireDate = addDays(start, -Math.round(730 + Math.min(2500, rng.exponential(700))));
    // a new hire at some point of the period (SPEC ORG-2) gets a mentor and starts weaker
    const mentored = epochDay(hireDate) > startDay - DEFAULT_NEW_HIRE_DAYS;
    let status: Status = 'active';
    let statusDate = hireDate;
    if (leavers.has(i) || onLeave.has(i)) {
      status = leavers.has(i) ? 'left' : 'on_leave';
      const from = Math.max(1, epochDay(hireDate) - startDay + 1);
      statusDate = addDays(start, rng.int(Math.min(from, days - 1), days - 1));
    }
    const shopIds = [mainShop[g].id];
    const shopCount = Math.min(shops.length, 1 + rng.weighted([0.45, 0.35, 0.2]));
    while (shopIds.length < shopCount)
      shopIds.push(shops[rng.weighted(shops.map((s) => (shopIds.includes(s.id) ? 0 : s.weight)))].id);
    const p = person({
      login: numberedLogin('agent', i + 1, 3),
      role: 'agent',
      level,
      star: level === 'star' ? 1 + rng.weighted([0.3, 0.28, 0.2, 0.14, 0.08]) : null,
      departmentId: group.departmentId,
      groupId: group.id,
      leadLogin: leadOf.get(group.id)?.login ?? null,
      mentorLogin: null,
      shopIds,
      hireDate,
      status,
      statusDate,
      profile: traits(rng, { junior: 0.42, senior: 0.58, star: 0.72 }[level] - (mentored ? 0.08 : 0)),
    });
    if (mentored) mentees.add(p);
    agentPeople.push(p);
  }
  assignMentors(rng, agentPeople, mentees);
  for (const lead of leadOf.values()) {
    lead.shopIds = shops
      .filter((s) => agentPeople.some((a) => a.groupId === lead.groupId && a.shopIds.includes(s.id)))
      .map((s) => s.id);
  }
  people.push(...agentPeople);
  return {
    seed,
    start,
    days,
    departments,
    groups,
    shops: shops.map(({ id, name, platform }) => ({ id, name, platform })),
    channels: CHANNELS.map((c) => ({ ...c })),
    people,
  };
}

/** New hires get a senior/star mentor of their group (else of their department) who stays active. */
function assignMentors(rng: Rng, agents: DemoPerson[], mentees: Set<DemoPerson>): void {
  for (const a of mentees) {
    const eligible = (p: DemoPerson) =>
      p.level !== 'junior' && p.status === 'active' && !mentees.has(p) && p.hireDate < a.hireDate;
    const inGroup = agents.filter((p) => p.groupId === a.groupId && eligible(p));
    const pool = inGroup.length > 0 ? inGroup : agents.filter((p) => p.departmentId === a.departmentId && eligible(p));
    a.mentorLogin = pool.length > 0 ? rng.pick(pool).login : null;
  }
}
