/**
 * The text as the number and contact scanners read it: full-width letters and digits (１３９, ＶＸ)
 * folded to ASCII, and digits spelled with Chinese numerals to dodge a filter (幺三九一二三四五六七八) read as
 * ASCII digits. Every character maps to exactly one UTF-16 code unit, so positions in the view are
 * positions in the text. Plus the Luhn check of bank-card numbers.
 */

const OTHER = 0;
const DIGIT = 1;
const LETTER = 2;
/** a full-width letter, digit, ＠, ＿ or －, folded to ASCII (not lower-cased); other full-width punctuation is kept */
const WIDE = 3;
const NUMERAL = 4;
/** a separator that may sit inside a spelled-out number (space, hyphen) */
const SEP = 5;

const cls = new Uint8Array(65536);
const numeralValue = new Uint8Array(65536);
for (let u = 0x30; u <= 0x39; u++) cls[u] = DIGIT;
for (let u = 0x41; u <= 0x5a; u++) cls[u] = cls[u + 0x20] = LETTER;
for (let u = 0xff10; u <= 0xff19; u++) cls[u] = WIDE;
for (let u = 0xff21; u <= 0xff3a; u++) cls[u] = cls[u + 0x20] = WIDE;
cls[0xff20] = cls[0xff3f] = cls[0xff0d] = WIDE; // ＠ ＿ －
for (const [chars, value] of [
  ['〇零', 0],
  ['一壹幺', 1],
  ['二贰貳两', 2],
  ['三叁參', 3],
  ['四肆', 4],
  ['五伍', 5],
  ['六陆陸', 6],
  ['七柒', 7],
  ['八捌', 8],
  ['九玖', 9],
] as const) {
  for (const ch of chars) {
    cls[ch.charCodeAt(0)] = NUMERAL;
    numeralValue[ch.charCodeAt(0)] = value;
  }
}
cls[0x20] = cls[0x2d] = cls[0x3000] = SEP;

/** Spelled-out digit runs shorter than this are ordinary words (一一, 三三两两), not numbers. */
const MIN_NUMERAL_RUN = 7;
/** …and a run must hold at least 3 numerals: a name before a number (张三 139…) is not a spelled digit. */
const MIN_NUMERALS = 3;

/**
 * `text` with full-width letters and digits folded and every run of at least 7 digit-like characters (ASCII digits
 * and Chinese numerals, spaces or hyphens between them) that holds 3 numerals or more rewritten in
 * ASCII digits; the text itself when nothing needs rewriting; `null` when the text has no ASCII or
 * full-width letter or digit and no spelled-out number at all (nothing for the scanners to find).
 */
export function asciiView(text: string): string | null {
  const n = text.length;
  let any = false;
  let out: Uint16Array | null = null;
  let runStart = -1;
  let runDigits = 0;
  let runNumerals = 0;
  for (let i = 0; i <= n; i++) {
    const u = i < n ? text.charCodeAt(i) : 0;
    let c = i < n ? cls[u] : OTHER;
    if (c === WIDE) {
      out ??= copy(text);
      out[i] = u - 0xfee0;
      any = true;
      c = u <= 0xff19 ? DIGIT : OTHER;
    }
    if (c === DIGIT || c === NUMERAL || (c === SEP && runStart >= 0)) {
      if (runStart < 0) runStart = i;
      if (c === DIGIT) {
        runDigits++;
        any = true;
      } else if (c === NUMERAL) runNumerals++;
      continue;
    }
    if (runStart >= 0) {
      if (runNumerals >= MIN_NUMERALS && runDigits + runNumerals >= MIN_NUMERAL_RUN) {
        out ??= copy(text);
        for (let k = runStart; k < i; k++) {
          if (cls[text.charCodeAt(k)] === NUMERAL) out[k] = 0x30 + numeralValue[text.charCodeAt(k)];
        }
        any = true;
      }
      runStart = -1;
      runDigits = runNumerals = 0;
    }
    if (c === LETTER) any = true;
  }
  if (!any) return null;
  return out ? fromUnits(out) : text;
}

function copy(text: string): Uint16Array {
  const a = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) a[i] = text.charCodeAt(i);
  return a;
}

function fromUnits(a: Uint16Array): string {
  let s = '';
  for (let i = 0; i < a.length; i += 4096) s += String.fromCharCode(...a.subarray(i, i + 4096));
  return s;
}

/** The Luhn (mod 10) check that payment-card numbers carry in their last digit. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return false;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}
