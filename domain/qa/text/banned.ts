/**
 * Banned and sensitive words in what the shop's side sends (SPEC QA-3, KPI-15 compliance):
 * one automaton over every banned word and whitelist phrase, plus the personal-data scanner.
 */
import { Automaton } from './automaton.ts';
import { HitList, ROLE_EXEMPT, ROLE_FILTERED, ROLE_WHITELIST, applyWhitelist } from './hits.ts';
import { BANNED_CATEGORIES, type BannedCategory, type BannedLexicon } from './lexicons.ts';
import { scanPrivacy, type PrivacyKind } from './privacy.ts';

/** Units skipped inside banned words, so "微 信" and "保*证" still match. */
export const BANNED_TRANSPARENT = ' \t\u3000*_·•';

/** One banned expression in a message: category, span [start, end) and the text it covers. */
export interface BannedHit {
  category: BannedCategory;
  start: number;
  end: number;
  text: string;
  /** `lexicon` for a listed word, else the kind of personal data the scanner found */
  source: 'lexicon' | PrivacyKind;
}

const KIND_WHITELIST = BANNED_CATEGORIES.length;
/** shared result of a clean message (frozen: callers must not push into it) */
const NO_HITS: readonly BannedHit[] = Object.freeze([]);
const KIND_CONTEXT = KIND_WHITELIST + 1;

/** The compiled banned-word lexicon: one automaton and what each of its patterns stands for. */
export interface BannedMatcher {
  readonly automaton: Automaton;
  /** per pattern: index into BANNED_CATEGORIES, or whitelist / privacy-context */
  readonly kinds: Uint8Array;
  readonly roles: Uint8Array;
  /** reused between calls (the matcher is not re-entrant) */
  readonly scratch: HitList;
}

/** Compiles a banned lexicon into one automaton (banned words of every category, whitelist, privacy cues). */
export function compileBanned(lexicon: BannedLexicon): BannedMatcher {
  const patterns: string[] = [];
  const kinds: number[] = [];
  const add = (words: readonly string[], kind: number) => {
    for (const w of words) {
      patterns.push(w);
      kinds.push(kind);
    }
  };
  BANNED_CATEGORIES.forEach((c, k) => add(lexicon.words[c], k));
  add(lexicon.whitelist, KIND_WHITELIST);
  add(lexicon.privacyContext, KIND_CONTEXT);
  const roles = Uint8Array.from(kinds, (k) =>
    k === KIND_WHITELIST ? ROLE_WHITELIST : k === KIND_CONTEXT ? ROLE_EXEMPT : ROLE_FILTERED,
  );
  return {
    automaton: Automaton.build(patterns, { transparent: BANNED_TRANSPARENT }),
    kinds: Uint8Array.from(kinds),
    roles,
    scratch: new HitList(),
  };
}

/**
 * The banned expressions in one message, by position. A listed word counts unless it lies inside
 * a whitelisted phrase at the same place; overlapping or touching words of one category merge into
 * one hit (全网最低 + 最低价 → 全网最低价, 加我 + V信 → 加我V信). Phone numbers, ID numbers and addresses count as `privacy` unless a
 * privacy-context cue (退货地址, 客服热线) comes before them in the message or a whitelisted phrase covers them.
 */
export function findBanned(text: string, matcher: BannedMatcher): readonly BannedHit[] {
  const hits = matcher.scratch;
  hits.clear();
  matcher.automaton.scan(text, hits);
  const privacy = hasDigit(text) ? scanPrivacy(text) : null;
  if (hits.length === 0 && !privacy?.length) return NO_HITS;
  const { kinds } = matcher;
  let firstCue = Infinity;
  let allowed: [number, number][] | null = null;
  for (let i = 0; i < hits.length; i++) {
    const k = kinds[hits.pattern[i]];
    if (k === KIND_CONTEXT) firstCue = Math.min(firstCue, hits.start[i]);
    else if (k === KIND_WHITELIST) (allowed ??= []).push([hits.start[i], hits.end[i]]);
  }
  applyWhitelist(hits, matcher.roles);
  const found: BannedHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const k = kinds[hits.pattern[i]];
    if (k < KIND_WHITELIST) found.push(hit(text, BANNED_CATEGORIES[k], hits.start[i], hits.end[i], 'lexicon'));
  }
  for (const m of privacy ?? []) {
    if (m.start > firstCue || allowed?.some(([s, e]) => s <= m.start && m.end <= e)) continue;
    found.push(hit(text, 'privacy', m.start, m.end, m.kind));
  }
  return mergeOverlaps(text, found);
}

/** Hits per category of a list of hits (every category present, 0 when none). */
export function countByCategory(hits: readonly BannedHit[]): Record<BannedCategory, number> {
  const counts = { rude: 0, promise: 0, privacy: 0, off_platform: 0 };
  for (const h of hits) counts[h.category]++;
  return counts;
}

function hit(
  text: string,
  category: BannedCategory,
  start: number,
  end: number,
  source: BannedHit['source'],
): BannedHit {
  return { category, start, end, text: text.slice(start, end), source };
}

/** Sorts by start and merges overlapping or touching hits of the same category (加我 + V信) into their union. */
function mergeOverlaps(text: string, found: BannedHit[]): BannedHit[] {
  if (found.length < 2) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: BannedHit[] = [];
  for (const h of found) {
    const same = out.findLast((o) => o.category === h.category);
    if (same && h.start <= same.end) {
      if (h.end > same.end) {
        same.end = h.end;
        same.text = text.slice(same.start, same.end);
      }
      continue;
    }
    out.push(h);
  }
  return out;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0x30 && u <= 0x39) return true;
  }
  return false;
}
