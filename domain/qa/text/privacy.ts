/**
 * Personal data in a message, found by a hand-written single-pass scanner (no regular
 * expressions, so no backtracking however long the text): mainland mobile and landline numbers,
 * 18-digit resident ID numbers (check digit verified) and street addresses with a house number.
 */

export type PrivacyKind = 'phone' | 'id_number' | 'address';

/** One piece of personal data and its span [start, end) in UTF-16 code units. */
export interface PrivacyMatch {
  kind: PrivacyKind;
  start: number;
  end: number;
}

const isDigit = (u: number) => u >= 0x30 && u <= 0x39;
const isAlnum = (u: number) => isDigit(u) || ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a);
/** a single separator allowed between digit groups: space, hyphen, full-width space */
const isSeparator = (u: number) => u === 0x20 || u === 0x2d || u === 0x3000;
const isCjk = (u: number) => (u >= 0x3400 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff);

/**
 * Every phone number, ID number and street address in `text`, in order of position:
 * - phone: 11 digits 1[3-9]xxxxxxxxx (optionally +86 / 86 in front), or a landline 0AA(A)-NNNNNNN(N)
 *   with its area code set off by a separator; digit groups may be separated by single spaces or
 *   hyphens; masked numbers (138****5678) break the run and are not found;
 * - id_number: 17 digits plus a digit or X whose ISO 7064 MOD 11-2 check digit and birth date are valid;
 * - address: a street or estate word (路, 街, 巷, 弄, 胡同, 大道, 小区, 花园, …) directly followed, after at
 *   most 3 numbering characters (四段, 二期), by a number and a unit (号, 栋, 幢, 弄, 单元, 室); the span
 *   starts two characters before the first 省/市/区/县 of the clause (or three before the street word).
 * A digit run touching a Latin letter or another digit (SF1402…, order numbers) is never a phone or ID.
 */
export function scanPrivacy(text: string): PrivacyMatch[] {
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

/** Reads the digit token starting at `start`, records it if it is a phone or ID, returns its end. */
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
    } else if (isSeparator(u) && i + 1 < n && isDigit(text.charCodeAt(i + 1)) && digits.length > 0) {
      groups.push(digits.length, end);
      i++;
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
  scanAddressAt(text, start, end, out);
  return end;
}

/** What a digit string is: a phone, an ID number, or nothing. `firstGroup` = digits before the first separator. */
function classify(d: string, plus: boolean, firstGroup: number): PrivacyKind | null {
  if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
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

const STREET_WORDS = [
  '胡同',
  '大道',
  '小区',
  '花园',
  '公寓',
  '大厦',
  '家园',
  '广场',
  '路',
  '街',
  '巷',
  '弄',
  '苑',
  '村',
  '府',
];
const UNITS = ['单元', '号楼', '号', '栋', '幢', '弄', '室', '座'];
const NUMBERING = '一二三四五六七八九十段期东西南北中';
const ADMIN = '省市区县州镇';
const BREAKS = '，。！？；：,.!?;:、~～ \n\t"“”（）()【】';

/** An address whose house number is the digit run [digitStart, digitEnd), if the text around it is one. */
function scanAddressAt(text: string, digitStart: number, digitEnd: number, out: PrivacyMatch[]): void {
  const last = out.length ? out[out.length - 1] : null;
  if (last?.kind === 'address' && last.end >= digitEnd) return;
  const unit = unitAt(text, digitEnd);
  if (unit === 0) return;
  // the street word: right before the number, or before up to 3 numbering characters
  let j = digitStart;
  for (let k = 0; k < 3 && j > 0 && NUMBERING.includes(text[j - 1]); k++) j--;
  const street = STREET_WORDS.find((w) => text.startsWith(w, j - w.length));
  const markerStart = street ? j - street.length : -1;
  if (markerStart < 1 || !isCjk(text.charCodeAt(markerStart - 1))) return;
  let clauseStart = markerStart;
  while (clauseStart > 0 && !BREAKS.includes(text[clauseStart - 1])) clauseStart--;
  let start = Math.max(clauseStart, markerStart - 3);
  for (let k = Math.max(clauseStart, markerStart - 14); k < markerStart; k++) {
    if (ADMIN.includes(text[k])) {
      start = Math.max(clauseStart, k - 2);
      break;
    }
  }
  // extend over further numbers and units: 100弄5号楼302室, 3栋2单元501
  let end = digitEnd + unit;
  for (;;) {
    let k = end;
    while (k < text.length && isDigit(text.charCodeAt(k))) k++;
    const more = unitAt(text, k);
    if (more > 0) end = k + more;
    else {
      if (k > end) end = k;
      break;
    }
  }
  if (last?.kind === 'address' && start < last.end) last.end = end;
  else out.push({ kind: 'address', start, end });
}

function unitAt(text: string, at: number): number {
  const unit = UNITS.find((w) => text.startsWith(w, at));
  return unit ? unit.length : 0;
}
