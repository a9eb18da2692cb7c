/**
 * The customer survey (SPEC APR-3; seed 004: 随机抽取10%服务客户调研): for each agent a
 * reproducible random share of the distinct customers they served in the period (surveySample,
 * from the inquiry facts of the KPI store), listed for sending with the customer masked for roles
 * that may not see contact data (phone numbers and any other customer id alike); the answers,
 * entered or imported as CSV, fill the customer-survey indicator (satisfied ÷ answered).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { canSeeCustomerContact, inScope, readScope, type Actor } from '../../../domain/access.ts';
import { surveyRef, surveySample } from '../../../domain/appraisal/index.ts';
import { maskPhonesInText } from '../../../domain/mask.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { badRequest, forbidden, type ErrorDetail } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import { optionsOf } from './appraisal.cycles.ts';
import { cycleOrThrow, placementOf, writable } from './appraisal.guard.ts';
import * as repo from './appraisal.repository.ts';
import * as reviewsRepo from './appraisal.reviews.repository.ts';
import type { SurveyAnswerIn, SurveyImportResult, SurveyOut } from './appraisal.schema.ts';

type Agent = Awaited<ReturnType<typeof repo.agentsInScope>>[number];

/** Each agent's served count and sample (customer ids with their refs), in agent order. */
async function samples(conn: Conn, cycle: repo.CycleRow, agents: Agent[]) {
  const served = new Map<string, string[]>();
  for (const r of await reviewsRepo.servedCustomers(
    conn,
    agents.map((a) => a.id),
    cycle.period_from,
    cycle.period_to,
  )) {
    if (r.agent_id) served.set(r.agent_id, [...(served.get(r.agent_id) ?? []), r.customer_id]);
  }
  const rate = optionsOf(cycle).surveyRate;
  return agents.map((agent) => {
    const customers = served.get(agent.id) ?? [];
    const sample = surveySample(cycle.id, agent.id, customers, rate).map((customerId) => ({
      customerId,
      ref: surveyRef(cycle.id, agent.id, customerId),
    }));
    return { agent, served: new Set(customers).size, sample };
  });
}

/**
 * A customer as a reader without contact rights sees them: a phone number as 138****5678, any
 * other id (a buyer nick, a CRM number) with only its first and last two characters left.
 */
export function maskCustomer(id: string): string {
  const phone = maskPhonesInText(id);
  if (phone !== id) return phone;
  const chars = [...id];
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return `${chars.slice(0, 2).join('')}${'*'.repeat(Math.min(chars.length - 4, 6))}${chars.slice(-2).join('')}`;
}

async function agentsVisibleTo(conn: Conn, actor: Actor, cycle: repo.CycleRow): Promise<Agent[]> {
  const scope = readScope(actor);
  return (await repo.agentsInScope(conn, JSON.parse(cycle.scope), cycle.period_from)).filter((a) =>
    inScope(scope, placementOf(a)),
  );
}

/** The survey sample of every agent in the actor's scope with the answers so far. */
export async function getSurvey(conn: Conn, actor: Actor, cycleId: string): Promise<SurveyOut> {
  const c = await cycleOrThrow(conn, cycleId);
  const agents = await agentsVisibleTo(conn, actor, c);
  const answers = await reviewsRepo.surveyAnswersOf(conn, cycleId);
  const mask = !canSeeCustomerContact(actor);
  return {
    cycleId,
    rate: optionsOf(c).surveyRate,
    agents: (await samples(conn, c, agents)).map(({ agent, served, sample }) => {
      const mine = answers.filter((a) => a.person_id === agent.id);
      const satisfied = mine.filter((a) => Number(a.satisfied) === 1).length;
      return {
        personId: agent.id,
        personName: agent.name,
        served,
        sampleSize: sample.length,
        answered: mine.length,
        satisfied,
        value: mine.length ? satisfied / mine.length : null,
        customers: sample.map(({ customerId, ref }) => {
          const a = mine.find((x) => x.customer_id === customerId);
          return {
            ref,
            customerId: mask ? maskCustomer(customerId) : customerId,
            answer: a
              ? { satisfied: Number(a.satisfied) === 1, csat: a.csat, comment: a.comment, enteredAt: a.created_at }
              : null,
          };
        }),
      };
    }),
  };
}

const CSV_COLUMNS = ['login', 'name', 'ref', 'customer_id', 'satisfied', 'csat', 'comment'] as const;

/** The sending list as CSV: one row per surveyed customer; fill `satisfied` or `csat` and import it back. */
export async function surveyCsv(conn: Conn, actor: Actor, cycleId: string): Promise<string> {
  const survey = await getSurvey(conn, actor, cycleId);
  const logins = new Map(
    (
      await reviewsRepo.findPeople(
        conn,
        survey.agents.map((a) => a.personId),
      )
    ).map((p) => [p.id, p.login]),
  );
  const rows = survey.agents.flatMap((a) =>
    a.customers.map((c) => [
      logins.get(a.personId) ?? a.personId,
      a.personName,
      c.ref,
      c.customerId,
      c.answer ? (c.answer.satisfied ? 'yes' : 'no') : '',
      c.answer?.csat ?? '',
      c.answer?.comment ?? '',
    ]),
  );
  return stringify([[...CSV_COLUMNS], ...rows]);
}

/**
 * Records survey answers, all or none: each names an agent of the cycle in the actor's scope and a
 * customer of that agent's sample (by `ref` or raw id); answering again replaces the answer.
 * `field(i, name)` names a bad field in errors (`answers.3.ref`, or a CSV line).
 */
export async function enterSurveyAnswers(
  conn: Conn,
  actor: Actor,
  cycleId: string,
  answers: SurveyAnswerIn[],
  field: (i: number, name: string) => string = (i, name) => `answers.${i}.${name}`,
): Promise<number> {
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'reviews');
  const agents = await repo.agentsInScope(conn, JSON.parse(c.scope), c.period_from);
  const scope = readScope(actor);
  const problems: ErrorDetail[] = [];
  const wanted = agents.filter((a) => answers.some((x) => x.personId === a.id));
  for (const a of wanted) {
    if (!inScope(scope, placementOf(a)) || a.id === actor.id) throw forbidden(`${a.name} is outside your scope`);
  }
  const byAgent = new Map((await samples(conn, c, wanted)).map((s) => [s.agent.id, s.sample]));
  const resolved = answers.map((x, i) => {
    const sample = byAgent.get(x.personId);
    if (!sample) {
      problems.push({ field: field(i, 'personId'), message: 'not appraised in this cycle' });
      return null;
    }
    const hit = sample.find((s) => (x.ref ? s.ref === x.ref : s.customerId === x.customerId));
    if (!hit) {
      problems.push({
        field: field(i, x.ref ? 'ref' : 'customerId'),
        message: 'not in the survey sample of this agent',
      });
      return null;
    }
    return { ...x, ...hit, satisfied: x.satisfied ?? (x.csat ?? 0) >= 4 };
  });
  if (problems.length) throw badRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  const now = nowIso();
  for (const a of resolved) {
    if (!a) continue;
    await reviewsRepo.deleteSurveyAnswer(conn, cycleId, a.personId, a.customerId);
    await reviewsRepo.insertSurveyAnswer(conn, {
      id: newId(),
      cycle_id: cycleId,
      person_id: a.personId,
      customer_id: a.customerId,
      satisfied: a.satisfied ? 1 : 0,
      csat: a.csat ?? null,
      comment: a.comment ?? null,
      entered_by: actor.id,
      created_at: now,
    });
  }
  const after = resolved.map(
    (a) => a && { personId: a.personId, ref: a.ref, satisfied: a.satisfied, csat: a.csat ?? null },
  );
  await record(conn, actor, 'appraisal.survey_answers', 'appraisal_cycle', cycleId, null, { answers: after });
  return resolved.length;
}

const YES = new Set(['yes', 'y', 'true', '1', '是', '满意']);
const NO = new Set(['no', 'n', 'false', '0', '否', '不满意']);

/**
 * Imports answers from the sending list (surveyCsv) with `satisfied` and/or `csat` filled in:
 * rows with neither are skipped as not answered; any bad row rejects the file, naming its line.
 */
export async function importSurveyCsv(
  conn: Conn,
  actor: Actor,
  cycleId: string,
  data: Buffer,
): Promise<SurveyImportResult> {
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'reviews');
  let rows: Record<string, string | undefined>[];
  try {
    rows = parseCsv(data.toString('utf8'), { bom: true, columns: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const message = (e as Error).message;
    throw badRequest(`the file is not readable CSV: ${message}`, [{ field: 'file', message }]);
  }
  const header = rows.length ? Object.keys(rows[0]) : [];
  const missing = [
    ...(!header.includes('login') && !header.includes('person_id') ? ['login'] : []),
    ...(!header.includes('ref') && !header.includes('customer_id') ? ['ref'] : []),
    ...(!header.includes('satisfied') && !header.includes('csat') ? ['satisfied'] : []),
  ];
  if (missing.length) {
    throw badRequest(
      `the file needs the columns ${missing.join(', ')} (download the sending list for the template)`,
      missing.map((f) => ({ field: f, message: 'column missing' })),
    );
  }
  const agents = await repo.agentsInScope(conn, JSON.parse(c.scope), c.period_from);
  const byLogin = new Map(
    (
      await reviewsRepo.findPeople(
        conn,
        agents.map((a) => a.id),
      )
    ).map((p) => [p.login, p.id]),
  );
  const problems: ErrorDetail[] = [];
  const answers: SurveyAnswerIn[] = [];
  const lines: number[] = [];
  rows.forEach((r, i) => {
    const line = i + 2;
    const sat = (r.satisfied ?? '').toLowerCase();
    const csatText = r.csat ?? '';
    if (!sat && !csatText) return;
    const personId = r.person_id || byLogin.get(r.login ?? '');
    if (!personId) problems.push({ field: `line ${line}.login`, message: `no agent ${r.login ?? ''} in this cycle` });
    let satisfied: boolean | undefined;
    if (sat) {
      if (YES.has(sat)) satisfied = true;
      else if (NO.has(sat)) satisfied = false;
      else problems.push({ field: `line ${line}.satisfied`, message: `"${r.satisfied}" is not yes/no (是/否)` });
    }
    const csat = csatText ? Number(csatText) : undefined;
    if (csat !== undefined && !(Number.isInteger(csat) && csat >= 1 && csat <= 5))
      problems.push({ field: `line ${line}.csat`, message: `"${csatText}" is not a rating 1–5` });
    else if (csat !== undefined && satisfied !== undefined && satisfied !== csat >= 4)
      problems.push({ field: `line ${line}.csat`, message: 'a rating of 4–5 is satisfied, 1–3 is not' });
    if (!personId) return;
    answers.push({
      personId,
      ...(r.ref ? { ref: r.ref } : { customerId: r.customer_id }),
      ...(satisfied !== undefined ? { satisfied } : {}),
      ...(csat !== undefined ? { csat } : {}),
      ...(r.comment ? { comment: r.comment } : {}),
    });
    lines.push(line);
  });
  if (problems.length) throw badRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  if (answers.length === 0) return { answered: 0, skipped: rows.length };
  const n = await enterSurveyAnswers(
    conn,
    actor,
    cycleId,
    answers,
    (i, name) => `line ${lines[i]}.${name === 'personId' ? 'login' : name}`,
  );
  return { answered: n, skipped: rows.length - n };
}
