/**
 * Banned and sensitive words in what the shop's side sends (SPEC QA-3, KPI-15 compliance):
 * one automaton over every banned word and whitelist phrase, the personal-data scanner, the
 * off-platform contact detector, and the scopes that excuse a word (a refusal, a quoted question).
 */
import { Automaton } from './automaton.ts';
import { scanContact } from './contact.ts';
import { asciiView } from './digits.ts';
import { HitList, ROLE_EXEMPT, ROLE_FILTERED, ROLE_WHITELIST, applyWhitelist } from './hits.ts';
import { DETECTOR_CUES } from './cues.ts';
import { BANNED_CATEGORIES, type BannedCategory, type BannedLexicon } from './lexicons.ts';
import { PATTERN_CLASSES, scanPatterns } from './patterns.ts';
import { scanPrivacyView, type PrivacyKind } from './privacy.ts';
import { isExcused } from './scope.ts';
import { replaceStandIns } from './stand-ins.ts';

/**
 * Units skipped inside banned words, so "微 信", "微.信", "保*证", "微❤信", words split by an emoji
 * (any surrogate code unit) and by invisible zero-width characters still match.
 */
export const BANNED_TRANSPARENT =
  ' \t\u3000*_·•.-/|~～^❤♥☆★\ufe0f\u200b\u200c\u200d\u2060\ufeff\u00ad' +
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
/** the trigger words of pattern class i (patterns.ts) have kind KIND_TRIGGER + i */
const KIND_TRIGGER = KIND_CONTEXT + 1;
/** words right before a privacy-context cue that make the details the customer's (您的公司地址) */
const CUSTOMER_OWNED = ['您的', '你的', '您', '客户', '买家', '收件人'];

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
  PATTERN_CLASSES.forEach((c, i) => add(c.triggers, KIND_TRIGGER + i));
  const roles = Uint8Array.from(kinds, (k) =>
    k === KIND_WHITELIST ? ROLE_WHITELIST : k >= KIND_CONTEXT ? ROLE_EXEMPT : ROLE_FILTERED,
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
  // 🐧 → 企鹅, 薇❤ → 薇信: the scanners read the stand-ins' words (same positions)
  const read = replaceStandIns(text);
  matcher.automaton.scan(read, hits);
  const view = asciiView(read);
  const privacy = view === null ? null : scanPrivacyView(view);
  const contact = view === null ? null : scanContact(view);
  const either = text.includes('爱') ? scanEitherWay(text) : null;
  const cold = text.length <= COLD_MAX ? coldReply(text) : null;
  if (hits.length === 0 && !privacy?.length && !contact?.length && !either?.length && !cold) return NO_HITS;
  const { kinds } = matcher;
  let firstCue = Infinity;
  let allowed: [number, number][] | null = null;
  let triggered = 0;
  for (let i = 0; i < hits.length; i++) {
    const k = kinds[hits.pattern[i]];
    if (k >= KIND_TRIGGER) triggered |= 1 << (k - KIND_TRIGGER);
    else if (k === KIND_CONTEXT) {
      // 您的公司地址, 客户电话: the customer's own details, no cue of the shop's
      if (!CUSTOMER_OWNED.some((c) => text.startsWith(c, hits.start[i] - c.length)))
        firstCue = Math.min(firstCue, hits.start[i]);
    } else if (k === KIND_WHITELIST) (allowed ??= []).push([hits.start[i], hits.end[i]]);
  }
  applyWhitelist(hits, matcher.roles);
  const found: BannedHit[] = [];
  let excused: BannedHit[] | null = null;
  for (let i = 0; i < hits.length; i++) {
    const k = kinds[hits.pattern[i]];
    if (k >= KIND_WHITELIST) continue;
    const category = BANNED_CATEGORIES[k];
    const h = hit(text, category, hits.start[i], hits.end[i], 'lexicon');
    if (isExcused(text, category, h.start, h.end)) (excused ??= []).push(h);
    else found.push(h);
  }
  // a word overlapping an excused word of its category goes with it (不是全网最低价: 全网最低 and 最低价)
  if (excused && found.length) {
    const ex = excused;
    for (let i = found.length - 1; i >= 0; i--) {
      const f = found[i];
      if (ex.some((e) => e.category === f.category && e.start < f.end && f.start < e.end)) found.splice(i, 1);
    }
  }
  if (cold) found.push(hit(text, 'rude', cold[0], cold[1], 'lexicon'));
  for (const [start, end] of either ?? []) {
    if (!isExcused(text, 'rude', start, end)) found.push(hit(text, 'rude', start, end, 'lexicon'));
  }
  for (const m of triggered === 0 ? [] : (scanPatterns(text, triggered) ?? [])) {
    if (!isExcused(text, m.category, m.start, m.end)) found.push(hit(text, m.category, m.start, m.end, 'lexicon'));
  }
  for (const m of privacy ?? []) {
    if (!exempt(m.start, m.end, firstCue, allowed)) found.push(hit(text, 'privacy', m.start, m.end, m.kind));
  }
  // a contact match touching a listed off-platform word adds nothing (and would put the id in the word's text)
  const listed = contact?.length ? found.filter((h) => h.category === 'off_platform') : [];
  for (const m of contact ?? []) {
    if (exempt(m.start, m.end, firstCue, allowed) || listed.some((h) => h.start <= m.end && m.start <= h.end)) continue;
    if (!isExcused(text, 'off_platform', m.start, m.end))
      found.push(hit(text, 'off_platform', m.start, m.end, 'contact'));
  }
  return found.length ? mergeOverlaps(text, found) : NO_HITS;
}

/** Personal data after a privacy-context cue (the shop's own 退货地址) or inside a whitelisted phrase. */
function exempt(start: number, end: number, firstCue: number, allowed: readonly [number, number][] | null): boolean {
  if (start > firstCue) return true;
  if (allowed) for (const [s, e] of allowed) if (s <= start && end <= e) return true;
  return false;
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
  // never split a surrogate pair (a stand-in letter 🆅 is read at its second code unit)
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  return { category, start, end, text: text.slice(start, end), source };
}

const isCjk = (u: number) => u >= 0x3400 && u <= 0x9fff;
const isHighSurrogate = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLowSurrogate = (u: number) => u >= 0xdc00 && u <= 0xdfff;
/** longest message read as a possible cold reply */
const COLD_MAX = 12;
/** what may surround a cold reply: punctuation, spaces, ellipses, tildes */
const COLD_FILLER = ' \t\n\u3000，,。.！!？?~～…、';

/**
 * A whole message that is only a cold reply — 不清楚。, 不晓得, 嗯，然后呢 — after an optional
 * interjection (嗯, 哦) and punctuation: [start, end) of the reply word. The bare interjection alone
 * (哦) is not read as one: it is as often a plain acknowledgement.
 */
function coldReply(text: string): [number, number] | null {
  // (no closures here: this runs for every short message, and each closure costs a helper call under tsx)
  let i = skipFiller(text, 0);
  if (!COLD_FIRST.has(text[i])) return null;
  const opener = startingWith(DETECTOR_CUES.coldOpeners, text, i);
  if (opener !== undefined) i = skipFiller(text, i + opener.length);
  const reply = startingWith(DETECTOR_CUES.coldReplies, text, i);
  if (reply === undefined) return null;
  const start = i;
  return skipFiller(text, i + reply.length) === text.length ? [start, start + reply.length] : null;
}

/** the first characters of the cold openers and replies: most short messages start otherwise */
const COLD_FIRST = new Set([...DETECTOR_CUES.coldOpeners, ...DETECTOR_CUES.coldReplies].map((w) => w[0]));

function skipFiller(text: string, i: number): number {
  while (i < text.length && COLD_FILLER.includes(text[i])) i++;
  return i;
}

function startingWith(words: readonly string[], text: string, at: number): string | undefined {
  for (const w of words) if (text.startsWith(w, at)) return w;
  return undefined;
}

/** what may stand between 爱A and A in 爱A不A (爱买不买, 爱买8买, 爱退就退, 爱咋样咋样) */
const EITHER_JOINS = ['不', '8', '八', '就', ''];

/**
 * 爱买不买, 爱买8买, 爱退就退, 爱咋样咋样, 爱咋咋: "take it or leave it", whatever the verb — [start, end)
 * of each. A is one or two CJK characters (not 不); with nothing between the two A's, A must be two
 * characters or 咋/怎 (爱妈妈 is no such phrase).
 */
function scanEitherWay(text: string): [number, number][] | null {
  let out: [number, number][] | null = null;
  for (let at = text.indexOf('爱'); at >= 0; at = text.indexOf('爱', at + 1)) {
    for (let len = 2; len >= 1; len--) {
      const a = text.slice(at + 1, at + 1 + len);
      if (a.length < len || a.includes('不') || ![...a].every((ch) => isCjk(ch.charCodeAt(0)))) continue;
      const join = EITHER_JOINS.find(
        (j) =>
          text.startsWith(j, at + 1 + len) &&
          text.startsWith(a, at + 1 + len + j.length) &&
          (j !== '' || len === 2 || a === '咋' || a === '怎'),
      );
      if (join === undefined) continue;
      (out ??= []).push([at, at + 1 + 2 * len + join.length]);
      break;
    }
  }
  return out;
}

/**
 * At most this many characters, none of them punctuation, between two off-platform hits merged
 * into one invitation (加我 + 的 + V信). Other categories merge only when they overlap or touch:
 * 保证明天一定 is two promises, each counted.
 */
const MERGE_GAP = 2;
const GAP_BREAKS = '，,。.！!？?；;：:、\n …~～"“”\'‘’()（）[]【】';
/**
 * Off-platform hits of one sentence (no 。！？； between them) at most this far apart are one invitation
 * too (我的wechat：echo_lin，加我; 关注我们的公众号，在公众号里下单): the channel and the call to use it are
 * not counted twice.
 */
const SENTENCE_GAP = 12;
const SENTENCE_BREAKS = '。！!？?；;\n';

/**
 * Sorts by start and merges overlapping or touching hits of the same category (加我 + V信), or
 * off-platform hits at most two characters apart with no punctuation between (加我 + 的 + V信), into
 * their union.
 */
function mergeOverlaps(text: string, found: BannedHit[]): BannedHit[] {
  if (found.length < 2) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: BannedHit[] = [];
  for (const h of found) {
    const same = out.findLast((o) => o.category === h.category);
    const gap = h.category === 'off_platform' ? MERGE_GAP : 0;
    const joined =
      same !== undefined &&
      ((h.start <= same.end + gap && !hasGapBreak(text, same.end, h.start, GAP_BREAKS)) ||
        (h.category === 'off_platform' &&
          h.start <= same.end + SENTENCE_GAP &&
          !hasGapBreak(text, same.end, h.start, SENTENCE_BREAKS)));
    if (same && joined) {
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

function hasGapBreak(text: string, from: number, to: number, breaks: string): boolean {
  for (let i = from; i < to; i++) if (breaks.includes(text[i])) return true;
  return false;
}
