/**
 * The complaints behind the weekly report (SPEC QA-6): every complaint conversation of a range
 * of days classified by domain/qa/complaints.ts, from the cache when its fingerprint still
 * matches, and the scopes an improvement action tracks.
 */
import type { Placement, Scope } from '../../../domain/access.ts';
import {
  classifyComplaint,
  compileComplaintLexicon,
  COMPLAINT_CATEGORIES,
  type CompiledComplaintLexicon,
  type ComplaintCategory,
  type ComplaintClass,
  type ComplaintSource,
} from '../../../domain/qa/complaints.ts';
import { isoWeekKey } from '../../../domain/time.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import * as repo from './qa.weekly.repository.ts';
import type { ActionScope } from './qa.weekly.schema.ts';

/** A complaint conversation with its category and where it sits. */
export interface ClassifiedComplaint {
  conversationId: string;
  day: string;
  week: string;
  agentId: string | null;
  groupId: string | null;
  departmentId: string | null;
  category: ComplaintCategory;
  source: ComplaintSource;
}

let compiled: CompiledComplaintLexicon | null = null;
const lexicon = () => (compiled ??= compileComplaintLexicon());

const isCategory = (c: string | null): c is ComplaintCategory =>
  c !== null && (COMPLAINT_CATEGORIES as readonly string[]).includes(c);
const SOURCES: readonly string[] = ['attribute', 'lexicon', 'none'];

/**
 * Where classifications are kept for the next reader: a writable connection, and whether the
 * report waits for the save. On SQLite it does not: the writer may be held by a long import,
 * and a report should not wait behind it (the save lands when the writer is free).
 */
export interface ClassCache {
  conn: Conn;
  wait: boolean;
}

/**
 * Every complaint conversation dated in [from, to], classified. Those without a cached category
 * or whose fingerprint (lexicon version, customer-message count, issue key) changed are
 * classified from their customer messages and, when `cache` is given, saved; saving is an
 * optimisation only, so a failed save (a busy or closed database) leaves the answer unchanged.
 */
export async function classifiedComplaints(
  read: Conn,
  cache: ClassCache | null,
  from: string,
  to: string,
): Promise<ClassifiedComplaint[]> {
  const lex = lexicon();
  const rows = await repo.complaintsOfDays(read, from, to);
  const fingerprint = (r: (typeof rows)[number]) =>
    `${lex.version}|${Number(r.customer_messages ?? 0)}|${r.issue_key ?? ''}`;
  const stale = rows.filter(
    (r) =>
      r.fingerprint !== fingerprint(r) || !isCategory(r.cached_category) || !SOURCES.includes(r.cached_source ?? ''),
  );
  const fresh = new Map<string, ComplaintClass>();
  for (let i = 0; i < stale.length; i += 500) {
    const chunk = stale.slice(i, i + 500);
    const texts = new Map<string, string[]>();
    const messages = await repo.customerTexts(
      read,
      chunk.map((r) => r.conversation_id),
    );
    for (const m of messages) {
      const list = texts.get(m.conversation_id);
      if (list) list.push(m.text);
      else texts.set(m.conversation_id, [m.text]);
    }
    for (const r of chunk) {
      const customerTexts = texts.get(r.conversation_id) ?? [];
      fresh.set(r.conversation_id, classifyComplaint({ explicit: [r.issue_key], customerTexts }, lex));
    }
  }
  if (cache && stale.length > 0) {
    const at = nowIso();
    const saves = stale.map((r) => {
      const c = fresh.get(r.conversation_id)!;
      return {
        conversation_id: r.conversation_id,
        day: r.day,
        category: c.category,
        source: c.source,
        terms: JSON.stringify(c.terms),
        fingerprint: fingerprint(r),
        classified_at: at,
      };
    });
    const saving = cache.conn
      .transaction()
      .execute(async (trx) => {
        for (let i = 0; i < saves.length; i += 200) await repo.upsertComplaintClasses(trx, saves.slice(i, i + 200));
      })
      .catch(() => undefined); // the cache only saves work: the classifications in hand are still right
    if (cache.wait) await saving;
  }
  return rows.map((r) => {
    const c = fresh.get(r.conversation_id);
    return {
      conversationId: r.conversation_id,
      day: r.day,
      week: isoWeekKey(r.day),
      agentId: r.agent_id,
      groupId: r.group_id,
      departmentId: r.department_id,
      category: c ? c.category : (r.cached_category as ComplaintCategory),
      source: c ? c.source : (r.cached_source as ComplaintSource),
    };
  });
}

/** A complaint as the access policy places it (by its credited agent's current placement). */
export const placementOfComplaint = (c: ClassifiedComplaint): Placement => ({
  personId: c.agentId,
  groupId: c.groupId,
  departmentId: c.departmentId,
});

/**
 * The scope an action tracks: its creator's read scope (managers everything,
 * supervisors their department, leads their groups); null when it would cover nothing.
 */
export function actionScopeOf(scope: Scope): ActionScope | null {
  switch (scope.kind) {
    case 'all':
      return { departmentIds: [], groupIds: [] };
    case 'department':
      return scope.departmentId ? { departmentIds: [scope.departmentId], groupIds: [] } : null;
    case 'groups':
      return scope.groupIds.length ? { departmentIds: [], groupIds: [...scope.groupIds] } : null;
    case 'self':
      return null;
  }
}

/** Whether a complaint falls inside an action's scope (both lists empty = everything). */
export function inActionScope(scope: ActionScope, p: Placement): boolean {
  if (scope.departmentIds.length === 0 && scope.groupIds.length === 0) return true;
  return (
    (p.departmentId !== null && scope.departmentIds.includes(p.departmentId)) ||
    (p.groupId !== null && scope.groupIds.includes(p.groupId))
  );
}

/**
 * Whether a reader's scope covers all of an action's scope: managers every action; a
 * supervisor those of their department or of groups in it; a lead those of their groups.
 */
export function coversAction(
  reader: Scope,
  action: ActionScope,
  departmentOfGroup: ReadonlyMap<string, string>,
): boolean {
  const everything = action.departmentIds.length === 0 && action.groupIds.length === 0;
  switch (reader.kind) {
    case 'all':
      return true;
    case 'department':
      return (
        !everything &&
        reader.departmentId !== null &&
        action.departmentIds.every((d) => d === reader.departmentId) &&
        action.groupIds.every((g) => departmentOfGroup.get(g) === reader.departmentId)
      );
    case 'groups':
      return (
        !everything && action.departmentIds.length === 0 && action.groupIds.every((g) => reader.groupIds.includes(g))
      );
    case 'self':
      return false;
  }
}
