/**
 * Banned and sensitive words in what the shop's side sends (SPEC QA-3, KPI-15 compliance):
 * one automaton over every banned word and whitelist phrase, the personal-data scanner, the
 * off-platform contact detector, and the scopes that excuse a word (a refusal, a quoted question).
 */
import { Automaton } from './automaton.ts';
import { scanContact } from './contact.ts';
import { asciiView } from './digits.ts';
import { HitList, ROLE_EXEMPT, ROLE_FILTERED, ROLE_WHITELIST, applyWhitelist } from './hits.ts';
import { BANNED_CATEGORIES, type BannedCategory, type BannedLexicon } from './lexicons.ts';
import { scanPrivacyView, type PrivacyKind } from './privacy.ts';
import { isExcused } from './scope.ts';

/**
 * Units skipped inside banned words, so "微 信", "微.信", "保*证", "微❤信", words split by an emoji
 * (any surrogate code unit) and by invisible zero-width characters still match.
 */
export const BANNED_TRANSPARENT =
  ' \t\u3000*_·•.-/|~～^❤♥☆★\u200b\u200c\u200d\u2060\ufeff\u00ad' +
  String.fromCharCode(...Array.from({ length: 0x800 }, (_, k) => 0xd800 + k));

/** One banned expression in a message: category, span [start, end) and the text it covers. */
export interface BannedHit {
  category: BannedCategory;
  start: number;
  end: number;
  text: string;
  /**
   * `lexicon` for a listed word, `contact` for an id or number after a contact cue (contact.ts),
   * else the kind of personal data the scanner found
   */
  source: 'lexicon' | 'contact' | PrivacyKind;
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
 * one hit (全网最低 + 最低价 → 全网最低价, 加我 + V信 → 加我V信). Phone numbers, ID numbers, bank cards
 * and addresses count as `privacy`, and an id or number after a contact cue (薇：abc123, 打这个号…)
 * as `off_platform`, unless a privacy-context cue (退货地址, 客服热线) comes before them in the message
 * or a whitelisted phrase covers them. A word is dropped in an excusing scope (scope.ts): the
 * customer's question quoted back, an off-platform word under a refusal or warning, a negated promise.
 */
export function findBanned(text: string, matcher: BannedMatcher): readonly BannedHit[] {
  const hits = matcher.scratch;
  hits.clear();
  matcher.automaton.scan(text, hits);
  const view = asciiView(text);
  const privacy = view === null ? null : scanPrivacyView(view);
  const contact = view === null ? null : scanContact(view);
  if (hits.length === 0 && !privacy?.length && !contact?.length) return NO_HITS;
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
    if (k >= KIND_WHITELIST) continue;
    const category = BANNED_CATEGORIES[k];
    if (!isExcused(text, category, hits.start[i], hits.end[i]))
      found.push(hit(text, category, hits.start[i], hits.end[i], 'lexicon'));
  }
  const exempt = (start: number, end: number) =>
    start > firstCue || (allowed?.some(([s, e]) => s <= start && end <= e) ?? false);
  for (const m of privacy ?? []) {
    if (!exempt(m.start, m.end)) found.push(hit(text, 'privacy', m.start, m.end, m.kind));
  }
  // a contact match touching a listed off-platform word adds nothing (and would put the id in the word's text)
  const listed = contact?.length ? found.filter((h) => h.category === 'off_platform') : [];
  for (const m of contact ?? []) {
    if (exempt(m.start, m.end) || listed.some((h) => h.start <= m.end && m.start <= h.end)) continue;
    if (!isExcused(text, 'off_platform', m.start, m.end))
      found.push(hit(text, 'off_platform', m.start, m.end, 'contact'));
  }
  return found.length ? mergeOverlaps(text, found) : NO_HITS;
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
