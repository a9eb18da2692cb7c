/**
 * Personal data in a message, found by a hand-written single-pass scanner (no regular
 * expressions, so no backtracking however long the text): mainland mobile and landline numbers,
 * 18-digit resident ID numbers (check digit verified), bank-card numbers (length, issuer prefix and
 * Luhn check, or a bank cue) and street addresses with a house number (address.ts). Numbers spelled
 * with full-width digits or Chinese numerals are read as digits (digits.ts).
 */
import { scanAddressAt, scanEnglishAddressAt } from './address.ts';
import { DETECTOR_CUES } from './cues.ts';
import { asciiView, luhn } from './digits.ts';

export type PrivacyKind = 'phone' | 'id_number' | 'address' | 'bank_card';

/** One piece of personal data and its span [start, end) in UTF-16 code units. */
export interface PrivacyMatch {
  kind: PrivacyKind;
  start: number;
  end: number;
}

const isDigit = (u: number) => u >= 0x30 && u <= 0x39;
const isAlnum = (u: number) => isDigit(u) || ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a);
/** separators allowed between digit groups (at most 3 in a row): space, hyphen, dot, slash, underscore, full-width space, a closing parenthesis ((021)54321098) */
const isSeparator = (u: number) =>
  u === 0x20 ||
  u === 0x2d ||
  u === 0x2e ||
  u === 0x2f ||
  u === 0x5f ||
  u === 0x3000 ||
  u === 0x2014 ||
  u === 0x29 ||
  u === 0xff09;
const MAX_SEPARATORS = 3;

/**
 * Every phone number, ID number, bank-card number and street address in `text`, in order of position:
 * - phone: 11 digits 1[3-9]xxxxxxxxx (optionally +86 / 86 in front), or a landline 0AA(A)-NNNNNNN(N)
 *   with its area code set off by a separator; digit groups may be separated by up to 3 spaces,
 *   hyphens, dots or slashes; masked numbers (138****5678) break the run and are not found;
 * - id_number: 17 digits plus a digit or X whose ISO 7064 MOD 11-2 check digit and birth date are valid;
 * - bank_card: 15–19 digits after a bank cue (卡号, 银行卡, 收款, 转账 …), or 16–19 digits with a
 *   card-issuer prefix (62, 4, 5, 3, 6, 9) and a valid Luhn check digit — unless an order or
 *   tracking cue (订单, 单号, 快递, 交易号 …) is nearer before it or right after it;
 * - address: see `scanAddressAt` (a street or estate word, a number and a unit: 建国路88号, 5栋2单元).
 * Full-width digits and Chinese-numeral runs of 7 or more (幺三九…) count as digits. A digit run
 * touching a Latin letter or another digit (SF1402…, order numbers) is never a phone, ID or card.
 */
export function scanPrivacy(text: string): PrivacyMatch[] {
  const view = asciiView(text);
  return view === null ? [] : scanPrivacyView(view);
}

/** `scanPrivacy` on a text already passed through `asciiView` (positions are the same). */
export function scanPrivacyView(text: string): PrivacyMatch[] {
  const out: PrivacyMatch[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const u = text.charCodeAt(i);
    if (!isDigit(u) && !(u === 0x2b && i + 1 < n && isDigit(text.charCodeAt(i + 1)))) continue;
    if (i > 0 && isAlnum(text.charCodeAt(i - 1))) {
      while (i + 1 < n && isAlnum(text.charCodeAt(i + 1))) i++;
      continue;
    }
    const end = numberToken(text, i, out);
    i = Math.max(i, end - 1);
  }
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  return out;
}

/** Reads the digit token starting at `start`, records it if it is personal data, returns its end. */
function numberToken(text: string, start: number, out: PrivacyMatch[]): number {
  const n = text.length;
  let i = start;
  const plus = text.charCodeAt(i) === 0x2b;
  if (plus) i++;
  let digits = '';
  /** digit count and text end at each separator, so "13912345678 2件" still yields the phone */
  const groups: number[] = [];
  let end = i;
  while (i < n && digits.length <= 20) {
    const u = text.charCodeAt(i);
    if (isDigit(u)) {
      digits += String.fromCharCode(u);
      end = ++i;
    } else if (isSeparator(u) && digits.length > 0) {
      let k = i + 1;
      while (k < n && k - i < MAX_SEPARATORS && isSeparator(text.charCodeAt(k))) k++;
      if (k >= n || !isDigit(text.charCodeAt(k))) break;
      groups.push(digits.length, end);
      i = k;
    } else if ((u | 0x20) === 0x78 && digits.length === 17) {
      digits += 'X';
      end = ++i;
      break;
    } else break;
  }
  if (digits.length > 20 || (end < n && isAlnum(text.charCodeAt(end)))) {
    while (end < n && isAlnum(text.charCodeAt(end))) end++;
    return end;
  }
  groups.push(digits.length, end);
  for (let g = groups.length - 2; g >= 0; g -= 2) {
    const kind = classify(digits.slice(0, groups[g]), plus, groups[0]);
    if (kind) {
      out.push({ kind, start, end: groups[g + 1] });
      return groups[g + 1];
    }
  }
  if (!plus && isBankCard(text, start, end, digits)) {
    out.push({ kind: 'bank_card', start, end });
    return end;
  }
  const before = out.length;
  scanAddressAt(text, start, end, out);
  if (out.length === before) scanEnglishAddressAt(text, start, end, out);
  return end;
}

/** What a digit string is: a phone, an ID number, or nothing. `firstGroup` = digits before the first separator. */
function classify(d: string, plus: boolean, firstGroup: number): PrivacyKind | null {
  if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
  else if (d.length === 15 && d.startsWith('0086')) d = d.slice(4);
  else if (plus) return null;
  if (isMobile(d) || (!plus && isLandline(d, firstGroup))) return 'phone';
  return !plus && isIdNumber(d) ? 'id_number' : null;
}

function isMobile(d: string): boolean {
  return d.length === 11 && d.charCodeAt(0) === 0x31 && d.charCodeAt(1) >= 0x33 && d.charCodeAt(1) <= 0x39;
}

function isLandline(d: string, areaCode: number): boolean {
  if (d.charCodeAt(0) !== 0x30 || d.charCodeAt(1) === 0x30) return false;
  return (areaCode === 3 || areaCode === 4) && d.length - areaCode >= 7 && d.length - areaCode <= 8;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-character resident ID number: region 1–8, a real birth date 1900–2099, valid check digit. */
export function isIdNumber(d: string): boolean {
  if (d.length !== 18 || d.charCodeAt(0) < 0x31 || d.charCodeAt(0) > 0x38) return false;
  const year = Number(d.slice(6, 10));
  const month = Number(d.slice(10, 12));
  const day = Number(d.slice(12, 14));
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (d.charCodeAt(k) - 0x30) * ID_WEIGHTS[k];
  return ID_CHECK[sum % 11] === d[17];
}

/** First digits of payment cards issued in China: UnionPay 62, Visa 4, Mastercard 5/2, Amex/JCB 3, 60/65, old debit 9. */
const CARD_PREFIX = '345692';
/** How far before a number (same sentence) a bank or order cue is looked for, and after it an order cue. */
const CUE_BEFORE = 14;
const CUE_AFTER = 8;
const SENTENCE_BREAKS = '。！？!?；;\n';

/**
 * Whether the digit run [start, end) of `digits` is a bank-card number: 15–19 digits whose nearest
 * cue before it is a bank cue, or 16–19 digits with a card prefix and a valid Luhn check digit and
 * no order or tracking cue nearer before it or right after it (order numbers are long digit runs too).
 */
function isBankCard(text: string, start: number, end: number, digits: string): boolean {
  if (digits.length < 15 || digits.length > 19 || digits.endsWith('X')) return false;
  let from = start;
  while (from > 0 && start - from < CUE_BEFORE && !SENTENCE_BREAKS.includes(text[from - 1])) from--;
  const before = text.slice(from, start).toLowerCase();
  const bank = lastCue(before, DETECTOR_CUES.bankCues);
  const order = lastCue(before, DETECTOR_CUES.orderCues);
  if (bank > order) return true;
  if (order >= 0 || digits.length < 16) return false;
  let to = end;
  while (to < text.length && to - end < CUE_AFTER && !SENTENCE_BREAKS.includes(text[to])) to++;
  const after = text.slice(end, to);
  if (DETECTOR_CUES.orderCues.some((c) => after.includes(c))) return false;
  return CARD_PREFIX.includes(digits[0]) && luhn(digits);
}

/** End position of the last occurrence of any cue in `s`, or -1. */
function lastCue(s: string, cues: readonly string[]): number {
  let best = -1;
  for (const c of cues) {
    const at = s.lastIndexOf(c);
    if (at >= 0) best = Math.max(best, at + c.length);
  }
  return best;
}
