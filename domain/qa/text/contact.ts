/**
 * Off-platform contact intent that no word list can hold: an id-like token (a WeChat or QQ id, a
 * phone number, an e-mail address) written right after a contact cue — a channel (微信, qq, 卫星,
 * 企鹅) or a platform account (抖音号, 支付宝), a one-character stand-in for 微/v followed by a colon (薇：, 威 , v:), or "find me at" /
 * "call this" phrasing (加我, 找我, 打这个, 我的号) — with no order, tracking or product word between.
 * Token-driven: only the rare ASCII runs of a message are examined, so the cost is a single pass.
 */
import { DETECTOR_CUES } from './cues.ts';

/** One contact invitation: from its cue to the end of the id or number, [start, end). */
export interface ContactMatch {
  start: number;
  end: number;
}

type TokenKind = 'id' | 'number' | 'word';
interface Token {
  start: number;
  end: number;
  letters: number;
  digits: number;
  email: boolean;
}

const isDigit = (u: number) => u >= 0x30 && u <= 0x39;
const isLetter = (u: number) => (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a;
const isAlnum = (u: number) => isDigit(u) || isLetter(u);
/** joiners allowed inside an id between letters or digits (zhang_san-88, a.b@qq.com) */
const isJoiner = (u: number) => u === 0x5f || u === 0x2d || u === 0x2e || u === 0x40;
const isSpace = (u: number) => u === 0x20 || u === 0x3000;
const CONNECTORS = ':：=＝';
const PLUS = '+＋➕';
const SENTENCE_BREAKS = '。！？!?；;\n';
/** How far before a token (same sentence) a channel or action cue may end. */
const CUE_REACH = 12;
/** most characters between a platform name (or any channel, for a bare word) and an id after it */
const PLATFORM_GAP = 3;
/** most characters between a "find me at" cue and an id after it (我手机上看到的是iPhone15 is no invitation) */
const ACTION_ID_GAP = 4;
/** how far before a cue an order or product word still blocks it */
const BLOCKER_REACH = 4;
/** a prefix that makes the token its own cue: v13912345678, wx_123456, qq12345678 */
const SELF_CUED = /^(?:v|vx|wx|qq|weixin|wechat)[-_]?\d{6,}$/i;

/** Every contact invitation in `view` (a text passed through `asciiView`), in order of position. */
export function scanContact(view: string): ContactMatch[] {
  const out: ContactMatch[] = [];
  const n = view.length;
  for (let i = 0; i < n; i++) {
    if (!isAlnum(view.charCodeAt(i))) continue;
    const t = readToken(view, i);
    i = t.end - 1;
    if (t.end - t.start === 1 && (view[t.start] === 'v' || view[t.start] === 'V')) {
      const add = addBefore(view, t.start);
      if (add >= 0) out.push({ start: add, end: t.end });
      continue;
    }
    const kind = tokenKind(view, t);
    if (!kind) continue;
    const cue = SELF_CUED.test(view.slice(t.start, t.end)) ? t.start : cueBefore(view, t, kind);
    if (cue >= 0) out.push({ start: cue, end: t.end });
  }
  return out;
}

/** The ASCII run at `i`: letters, digits and inner joiners; digit groups of 3+ joined by one space (139 1234 5678). */
function readToken(view: string, i: number): Token {
  const n = view.length;
  const t: Token = { start: i, end: i, letters: 0, digits: 0, email: false };
  let j = i;
  let group = 0;
  while (j < n) {
    const u = view.charCodeAt(j);
    if (isDigit(u)) {
      t.digits++;
      group++;
    } else if (isLetter(u)) {
      t.letters++;
      group = 0;
    } else if (isJoiner(u) && j + 1 < n && isAlnum(view.charCodeAt(j + 1)) && j > i) {
      if (u === 0x40) t.email = true;
      group = 0;
    } else if (isSpace(u) && t.letters === 0 && group >= 3 && digitRun(view, j + 1) >= 3) {
      group = 0;
    } else break;
    j++;
  }
  t.end = j;
  return t;
}

function digitRun(view: string, at: number): number {
  let k = at;
  while (k < view.length && isDigit(view.charCodeAt(k))) k++;
  return k - at;
}

/** What a token could be as contact data: an id (letters and digits, e-mail), a number, a bare word, or nothing. */
function tokenKind(view: string, t: Token): TokenKind | null {
  const len = t.end - t.start;
  if (t.email) return t.letters + t.digits >= 5 && view.lastIndexOf('.', t.end) > t.start ? 'id' : null;
  if (t.letters > 0) {
    if (t.digits > 0) return len >= 5 && len <= 30 ? 'id' : null;
    return len >= 6 && len <= 20 ? 'word' : null;
  }
  if (t.digits < 5 || t.digits > 12) return null;
  const first = view.slice(t.start, t.start + 3);
  if (first === '400' || first === '800') return null; // service hotlines
  if (t.digits <= 6 && (first[0] === '1' || first.startsWith('95') || first.startsWith('96'))) return null; // 12315, 95588
  const prev = t.start > 0 ? view[t.start - 1] : '';
  if (prev === '¥' || prev === '￥' || prev === '$') return null;
  let k = t.end;
  while (k < view.length && isSpace(view.charCodeAt(k))) k++;
  return k < view.length && DETECTOR_CUES.numberUnits.includes(view[k]) ? null : 'number';
}

/** Start of the contact cue the token follows, or -1. */
function cueBefore(view: string, t: Token, kind: TokenKind): number {
  const homophone = homophoneBefore(view, t.start, kind === 'word');
  if (homophone >= 0) return homophone;
  let from = t.start;
  while (from > 0 && t.start - from < CUE_REACH && !SENTENCE_BREAKS.includes(view[from - 1])) from--;
  const window = view.slice(from, t.start).toLowerCase();
  let best = -1;
  let bestEnd = -1;
  const consider = (cues: readonly string[], maxGap: number, bare: boolean) => {
    for (const c of cues) {
      const at = window.lastIndexOf(c);
      const end = at + c.length;
      if (at < 0 || end < bestEnd || (end === bestEnd && at >= best) || window.length - end > maxGap) continue;
      if (!wholeAscii(window, at, c.length) || (bare && !onlyConnectors(window.slice(at + c.length)))) continue;
      best = at;
      bestEnd = end;
    }
  };
  // a bare word (an English word or a name) only right after a channel, with nothing but 号 / 是 / 搜 / a colon between
  consider(DETECTOR_CUES.contactChannels, kind === 'word' ? PLATFORM_GAP : CUE_REACH, kind === 'word');
  // a platform name (抖音, 小红书) is also followed by product names and models: the id must come right after it
  consider(DETECTOR_CUES.contactPlatforms, PLATFORM_GAP, true);
  // "find me at" phrasing: a phone-length number a little after it, an id (which may be a product code) right after it
  if (kind === 'id') consider(DETECTOR_CUES.contactActions, ACTION_ID_GAP, false);
  else if (kind === 'number' && t.digits >= 7) consider(DETECTOR_CUES.contactActions, CUE_REACH, false);
  if (best < 0) return -1;
  // an order, tracking or product word between cue and token, or just before the cue (发票邮箱, 快递员电话)
  const around = window.slice(Math.max(0, best - BLOCKER_REACH), best) + ' ' + window.slice(bestEnd);
  if (DETECTOR_CUES.contactBlockers.some((b) => around.includes(b))) return -1;
  return from + best;
}

const CONNECTOR_WORDS = /[\s:：=＝号是搜索名为]|id|账号/gi;
const onlyConnectors = (s: string) => s.replace(CONNECTOR_WORDS, '') === '';

/**
 * Start of a one-character stand-in for 微/v (薇, 威, 卫, v, q) right before the token, with at
 * most two suffixes (信, 心, 号) and a colon or a space between; a bare word token needs the colon.
 */
function homophoneBefore(view: string, start: number, needColon: boolean): number {
  let p = start;
  while (p > 0 && isSpace(view.charCodeAt(p - 1))) p--;
  let separated = p < start;
  if (p > 0 && CONNECTORS.includes(view[p - 1])) {
    p--;
    separated = true;
    while (p > 0 && isSpace(view.charCodeAt(p - 1))) p--;
  } else if (needColon) return -1;
  for (let k = 0; k < 2 && p > 0 && DETECTOR_CUES.homophoneSuffixes.includes(view[p - 1].toLowerCase()); k++) {
    p--;
    separated = true;
  }
  if (!separated || p === 0) return -1;
  if (!isLetter(view.charCodeAt(p - 1))) return DETECTOR_CUES.contactHomophones.includes(view[p - 1]) ? p - 1 : -1;
  let w = p;
  while (w > 0 && isLetter(view.charCodeAt(w - 1))) w--;
  return DETECTOR_CUES.contactHomophones.includes(view.slice(w, p).toLowerCase()) ? w : -1;
}

/** Start of 加 / 加个 / 加我 / + right before a lone "v" (加v, +V, 加个v: add me on WeChat), or -1. */
function addBefore(view: string, at: number): number {
  let p = at;
  while (p > 0 && isSpace(view.charCodeAt(p - 1))) p--;
  if (p > 0 && PLUS.includes(view[p - 1])) return p - 1;
  if (p > 1 && (view[p - 1] === '个' || view[p - 1] === '我' || view[p - 1] === '下') && view[p - 2] === '加')
    return p - 2;
  return p > 0 && view[p - 1] === '加' ? p - 1 : -1;
}

/** An ASCII cue must stand as a whole word in the window (qq, not the qq of "qqq"; wx, not "wxyz"). */
function wholeAscii(window: string, at: number, len: number): boolean {
  if (!isLetter(window.charCodeAt(at))) return true;
  return !isLetter(window.charCodeAt(at - 1)) && !isLetter(window.charCodeAt(at + len));
}
