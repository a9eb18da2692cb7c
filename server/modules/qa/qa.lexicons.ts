/**
 * The rules automatic inspection runs with (SPEC QA-3): the shipped lexicons plus the words a
 * manager adds (per list, audited), and the inspection settings. Compiling the lexicons into
 * their automata is the costly part, so compiled lexicons are kept per rules fingerprint and
 * shared by every import, re-inspection and preview until the words change.
 */
import { createHash } from 'node:crypto';
import {
  BANNED_CATEGORIES,
  DEFAULT_INSPECTION_SETTINGS,
  SHIPPED_LEXICONS,
  compileLexicons,
  inspectionSettings,
  mergeLexicons,
  type BannedCategory,
  type CompiledLexicons,
  type InspectionSettings,
  type LexiconAdditions,
} from '../../../domain/qa/text/index.ts';
import type { Conn } from '../../db/types.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/dates.ts';
import { record, type AuditActor } from '../audit/audit.service.ts';
import * as settingsRepo from '../settings/settings.repository.ts';
import * as repo from './qa.lexicons.repository.ts';
import type { LexiconList, LexiconWordOut, LexiconWordsAdd } from './qa.lexicons.schema.ts';

/** Where the inspection settings are stored in the settings table. */
const SETTINGS_KEY = 'qa.inspection';

/** The lexicon additions and settings in force, and their fingerprint. */
export interface InspectionRules {
  additions: LexiconAdditions;
  settings: InspectionSettings;
  /** changes whenever a word or a setting changes: results under another version are out of date */
  version: string;
}

const isBanned = (list: string): list is BannedCategory => (BANNED_CATEGORIES as readonly string[]).includes(list);

/** The lexicon additions held by the added-word rows. */
export function additionsOf(words: readonly { list: string; word: string }[]): LexiconAdditions {
  const banned: Partial<Record<BannedCategory, string[]>> = {};
  const whitelist: string[] = [];
  const sentiment = { negative: [] as string[], positive: [] as string[], neutral: [] as string[] };
  for (const { list, word } of words) {
    if (isBanned(list)) (banned[list] ??= []).push(word);
    else if (list === 'whitelist') whitelist.push(word);
    else if (list === 'negative' || list === 'positive' || list === 'neutral') sentiment[list].push(word);
  }
  return { banned, whitelist, sentiment };
}

/** The stored inspection settings over the defaults. */
export async function getInspectionSettings(conn: Conn): Promise<InspectionSettings> {
  const stored = (await settingsRepo.readAll(conn))[SETTINGS_KEY] as Partial<InspectionSettings> | undefined;
  try {
    return inspectionSettings({ ...DEFAULT_INSPECTION_SETTINGS, ...(stored ?? {}) });
  } catch {
    return inspectionSettings(); // a stored value the domain no longer accepts: fall back to the defaults
  }
}

/** The rules in force: added words, settings and their fingerprint (two queries). */
export async function loadRules(conn: Conn): Promise<InspectionRules> {
  const words = await repo.listWords(conn);
  const settings = await getInspectionSettings(conn);
  const key = JSON.stringify([words.map((w) => [w.list, w.word]), settings]);
  return {
    additions: additionsOf(words),
    settings,
    version: createHash('sha256').update(key).digest('hex').slice(0, 16),
  };
}

const compiled = new Map<string, CompiledLexicons>();

/** The lexicons of these rules, compiled once per version (the few newest versions are kept). */
export function compiledFor(rules: InspectionRules): CompiledLexicons {
  let c = compiled.get(rules.version);
  if (!c) {
    c = compileLexicons(mergeLexicons(rules.additions));
    compiled.set(rules.version, c);
    if (compiled.size > 4) compiled.delete(compiled.keys().next().value!);
  }
  return c;
}

/** How many words each shipped list holds. */
export function shippedCounts(): Record<LexiconList, number> {
  const { banned, sentiment } = SHIPPED_LEXICONS;
  return {
    rude: banned.words.rude.length,
    promise: banned.words.promise.length,
    privacy: banned.words.privacy.length,
    off_platform: banned.words.off_platform.length,
    whitelist: banned.whitelist.length,
    negative: sentiment.negative.length,
    positive: sentiment.positive.length,
    neutral: sentiment.neutral.length,
  };
}

const present = (r: repo.LexiconWordRow): LexiconWordOut => ({
  id: r.id,
  list: r.list as LexiconList,
  word: r.word,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Every added word. */
export async function listWords(conn: Conn): Promise<LexiconWordOut[]> {
  return (await repo.listWords(conn)).map(present);
}

/** Adds words to one list, audited; blank words are ignored, words already in the list skipped. */
export async function addWords(
  trx: Conn,
  actor: AuditActor,
  body: LexiconWordsAdd,
): Promise<{ added: LexiconWordOut[]; skipped: string[] }> {
  const words = [...new Set(body.words.map((w) => w.trim()).filter(Boolean))];
  const at = nowIso();
  const rows = await repo.insertWords(
    trx,
    words.map((word) => ({ id: newId(), list: body.list, word, created_at: at, created_by: actor.id })),
  );
  const added = rows.map(present).sort((a, b) => a.word.localeCompare(b.word));
  const went = new Set(added.map((a) => a.word));
  const skipped = words.filter((w) => !went.has(w));
  if (added.length) {
    await record(trx, actor, 'qa.lexicon.add', 'qa_lexicon', body.list, null, {
      list: body.list,
      words: added.map((a) => a.word),
    });
  }
  return { added, skipped };
}

/** Removes one added word, audited (shipped words are switched off by whitelisting them). */
export async function removeWord(trx: Conn, actor: AuditActor, id: string): Promise<void> {
  const row = await repo.findWord(trx, id);
  if (!row) throw notFound('lexicon word');
  await repo.deleteWord(trx, id);
  await record(trx, actor, 'qa.lexicon.remove', 'qa_lexicon', row.list, { list: row.list, word: row.word }, null);
}

/** Changes inspection settings (validated by the domain), audited; the caller re-inspects. */
export async function updateInspectionSettings(
  trx: Conn,
  actor: AuditActor,
  patch: Partial<InspectionSettings>,
): Promise<InspectionSettings> {
  const before = await getInspectionSettings(trx);
  let after: InspectionSettings;
  try {
    after = inspectionSettings({ ...before, ...patch });
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  await settingsRepo.write(trx, SETTINGS_KEY, after);
  await record(trx, actor, 'qa.inspection.settings', 'settings', SETTINGS_KEY, before, after);
  return after;
}
