/**
 * Street addresses with a house or flat number, read around a digit run the privacy scanner found
 * (see `scanAddressAt`). No lists of places: the evidence is the shape of a Chinese address —
 * administrative suffixes (省 市 区 县 镇 乡 村), a street or estate word, then numbers with units.
 */
import type { PrivacyMatch } from './privacy.ts';

/** Words a house number (N号) follows directly: streets, lanes, estates, villages. */
const STREET_WORDS = [
  '胡同',
  '大道',
  '大街',
  '小区',
  '花园',
  '公寓',
  '大厦',
  '家园',
  '广场',
  '新村',
  '社区',
  '路',
  '街',
  '巷',
  '弄',
  '苑',
  '村',
  '府',
  '屯',
  '庄',
  '坊',
  '湾',
];
/** Street words that are also common word endings (知道, 这里): only count after an administrative suffix. */
const WEAK_STREET_WORDS = ['道', '里', '园', '城', '组'];
/** Units of a number in an address; `号` alone is also a date or a size, the others are not. */
const UNITS = ['单元', '号楼', '号院', '号', '栋', '幢', '弄', '室', '座', '组'];
/** Units that make a number an address whenever a place word is near (3栋, 2单元, 501室). */
const STRONG_UNITS = ['单元', '号楼', '号院', '栋', '幢', '室'];
/** Last characters of place names (estates, buildings) a building or flat number follows. */
const PLACE_ENDINGS = '路街巷弄苑村府屯庄坊湾园城区里居阁轩邸墅庭寓厦场院楼期镇乡县市省';
const NUMBERING = '一二三四五六七八九十段期东西南北中';
/** Words that make a following number with a building unit a count, not a building (小区只有6栋楼, 一共3栋). */
const COUNT_WORDS = ['只有', '一共', '共有', '总共', '有', '共', '才', '就'];
const ADMIN = '省市区县州镇乡旗';
const BREAKS = '，。！？；：,.!?;:、~～ \n\t"“”（）()【】';
/** How far before the street word an administrative suffix may be for the span to start there. */
const ADMIN_REACH = 14;
/** How far before a building or flat number a place word may be. */
const PLACE_REACH = 12;

const isDigit = (u: number) => u >= 0x30 && u <= 0x39;
const isCjk = (u: number) => (u >= 0x3400 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff);
const isLetter = (u: number) => (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a;

/**
 * Records the address whose number is the digit run [digitStart, digitEnd), if the text around it
 * is one, merging with the address just before it (建国路88号3栋 is one address):
 * - a street word (路, 街, 小区, 村, … — 道, 里, 园, 城, 组 only after 省/市/区/县) right before the
 *   number, or before at most 3 numbering characters (四段, 二期), and a unit after it (号, 栋, 单元, 室);
 * - or a building or flat unit (栋, 幢, 单元, 号楼, 室) after the number and a place word ending
 *   (苑, 城, 区, 期, 楼, …) at most 12 characters before it in the same clause (翠苑一区5幢302室).
 * The span starts two characters before the first 省/市/区/县 of the clause (or three before the
 * street word) and runs over the following numbers and units (100弄5号楼302室, 3栋2单元501).
 */
export function scanAddressAt(text: string, digitStart: number, digitEnd: number, out: PrivacyMatch[]): void {
  const last = out.length ? out[out.length - 1] : null;
  if (last?.kind === 'address' && last.end >= digitEnd) return;
  // one space is allowed around the number (中山北路 200 号)
  if (text[digitEnd] === ' ' && unitAt(text, digitEnd + 1) > 0) digitEnd++;
  const unit = unitAt(text, digitEnd);
  if (unit === 0) return;
  let clauseStart = text[digitStart - 1] === ' ' ? digitStart - 1 : digitStart;
  while (clauseStart > 0 && !isBreak(text, clauseStart - 1)) clauseStart--;
  const admin = firstAdmin(text, Math.max(clauseStart, digitStart - ADMIN_REACH - 4), digitStart);
  let j = text[digitStart - 1] === ' ' ? digitStart - 1 : digitStart;
  for (let k = 0; k < 3 && j > 0 && NUMBERING.includes(text[j - 1]); k++) j--;
  let street = STREET_WORDS.find((w) => text.startsWith(w, j - w.length));
  if (!street && admin >= 0) street = WEAK_STREET_WORDS.find((w) => text.startsWith(w, j - w.length));
  let markerStart = street ? j - street.length : -1;
  if (markerStart < 1 || !isCjk(text.charCodeAt(markerStart - 1))) {
    // 小区只有6栋楼: a count of buildings, not a building number
    if (COUNT_WORDS.some((w) => text.startsWith(w, digitStart - w.length))) return;
    const strong = STRONG_UNITS.some((w) => w.length === unit && text.startsWith(w, digitEnd));
    const place = strong ? placeBefore(text, Math.max(clauseStart, digitStart - PLACE_REACH), digitStart) : -1;
    if (place < 1 || !isCjk(text.charCodeAt(place - 1))) return;
    markerStart = place;
  }
  let start = Math.max(clauseStart, markerStart - 3);
  if (admin >= 0 && admin < markerStart && admin >= markerStart - ADMIN_REACH) start = Math.max(clauseStart, admin - 2);
  const end = extendUnits(text, digitEnd + unit);
  if (last?.kind === 'address' && start < last.end) last.end = Math.max(last.end, end);
  else out.push({ kind: 'address', start, end });
}

/**
 * Whether the character at `k` ends the clause of an address: punctuation, or a space that does not
 * sit alone between two letters or CJK characters (家具城二期 B 区 12 栋 is one address).
 */
function isBreak(text: string, k: number): boolean {
  if (text[k] !== ' ') return BREAKS.includes(text[k]);
  const prev = k > 0 ? text.charCodeAt(k - 1) : 0;
  const next = k + 1 < text.length ? text.charCodeAt(k + 1) : 0;
  return !((isCjk(prev) || isLetter(prev)) && (isCjk(next) || isLetter(next) || isDigit(next)));
}

/** Position of the first administrative suffix in [from, to), or -1. */
function firstAdmin(text: string, from: number, to: number): number {
  for (let k = Math.max(0, from); k < to; k++) if (ADMIN.includes(text[k])) return k;
  return -1;
}

/** Position of the last place-word ending in [from, to) that ends a CJK word, or -1. */
function placeBefore(text: string, from: number, to: number): number {
  for (let k = to - 1; k >= Math.max(1, from); k--) {
    if (PLACE_ENDINGS.includes(text[k]) && isCjk(text.charCodeAt(k - 1)) && !'这那哪'.includes(text[k - 1])) return k;
  }
  return -1;
}

/** Extends an address over further numbers and units (5号楼302室, 3号楼B座1205). */
function extendUnits(text: string, from: number): number {
  let end = from;
  for (;;) {
    let k = end;
    // one space before a further number (699 号 4 号楼)
    if (text[k] === ' ' && isDigit(text.charCodeAt(k + 1))) k++;
    const digitsFrom = k;
    while (k < text.length && isDigit(text.charCodeAt(k))) k++;
    if (k === digitsFrom && k < text.length && isLetter(text.charCodeAt(k))) k++;
    if (k > digitsFrom && text[k] === ' ' && unitAt(text, k + 1) > 0) k++;
    const more = unitAt(text, k);
    if (more > 0) end = k + more;
    else {
      if (k > digitsFrom && digitsFrom === end && isDigit(text.charCodeAt(end))) end = k;
      return end;
    }
  }
}

function unitAt(text: string, at: number): number {
  const unit = UNITS.find((w) => text.startsWith(w, at));
  return unit ? unit.length : 0;
}

/** Markers right before the number of an address written in English (Room 1502, No. 8). */
const EN_MARKERS = /(?:room|rm|no|unit|flat|apt|building|bldg|floor|suite)\.? ?$/i;
/** A street word after it (Guanghua Road, Xinhua St). */
const EN_STREET = /\b(?:road|rd|street|st|avenue|ave|lane|ln|lu|jie|dadao|hutong|alley)\b\.?/i;
/** How far before the number the marker, and after it the street word, may be. */
const EN_MARKER_REACH = 8;
const EN_STREET_REACH = 40;

/**
 * An address in English around the digit run [digitStart, digitEnd): a marker right before it
 * (Room, No., Unit, Building) and a street word (Road, Street, Lu) within 40 characters after it, in
 * the same sentence — Room 1502, No. 8 Guanghua Road. Merges with the address just before it.
 */
export function scanEnglishAddressAt(text: string, digitStart: number, digitEnd: number, out: PrivacyMatch[]): void {
  const head = text.slice(Math.max(0, digitStart - EN_MARKER_REACH), digitStart);
  const marker = EN_MARKERS.exec(head);
  if (!marker) return;
  const tail = text.slice(digitEnd, digitEnd + EN_STREET_REACH);
  const cut = tail.search(/[。！？!?;；\n]/);
  const street = EN_STREET.exec(cut >= 0 ? tail.slice(0, cut) : tail);
  if (!street) return;
  const start = digitStart - head.length + marker.index;
  const end = digitEnd + street.index + street[0].length;
  const last = out.length ? out[out.length - 1] : null;
  if (last?.kind === 'address' && start <= last.end) last.end = Math.max(last.end, end);
  else out.push({ kind: 'address', start, end });
}
