/**
 * Symbols agents put in place of a channel's name to get round inspection — 🐧 for 企鹅 (QQ), 💚 / 🟢 for
 * 绿 and 💬 for 泡泡 (绿泡泡, WeChat), 🛰️ for 卫星 (微信), 🐟 for 鱼 (闲鱼), ✌ for v, ✖ for x, enclosed
 * letters (🆅, Ⓥ) for the letter, a heart after 微/薇/v for 信 (薇❤) —
 * rewritten to the words they stand for, in the same number of UTF-16 code units (a zero-width space,
 * which the banned-word automaton skips, pads a one-character word on the side away from the word), so positions in the rewritten text are positions in the message.
 * A message without any of these symbols costs one table look-up per code unit.
 */

const TRIGGER = new Uint8Array(0x10000);
/** low surrogate (after U+D83D) → replacement of the pair */
const EMOJI = new Map<number, string>([
  [0xdc27, '企鹅'], // 🐧
  [0xdc9a, '绿\u200b'], // 💚 (starts a word: 💚泡泡)
  [0xdef0, '卫星'], // 🛰
  [0xdc1f, '\u200b鱼'], // 🐟 (ends a word: 闲🐟)
  [0xdc20, '\u200b鱼'], // 🐠
  [0xdfe2, '绿\u200b'], // 🟢 (starts a word: 🟢💬, 🟢泡泡)
  [0xdcac, '泡泡'], // 💬 (a speech bubble: 🟢💬 is 绿泡泡)
]);
/** Enclosed Latin letters after U+D83C (🄰 🅐 🅰, squared and circled), read as the plain letter: ✖️🆅 is xv. */
const ENCLOSED = [0xdd30, 0xdd50, 0xdd70];
/** BMP symbols standing for a letter: ✖ ✕ for x, circled Ⓐ–ⓩ for the letter. */
function bmpLetter(u: number): string | undefined {
  if (u === 0x2716 || u === 0x2715) return 'x';
  if (u >= 0x24b6 && u <= 0x24cf) return String.fromCharCode(0x61 + u - 0x24b6);
  if (u >= 0x24d0 && u <= 0x24e9) return String.fromCharCode(0x61 + u - 0x24d0);
  return undefined;
}
const HEARTS = '❤♥';
/** what a heart stands for 信 after (薇❤, V❤) */
const HEART_HOSTS = '微威薇维徽卫vVwWｖＶｗＷ';
TRIGGER[0xd83d] = 1;
TRIGGER[0xd83c] = 1;
TRIGGER[0x270c] = 1; // ✌
TRIGGER[0x2716] = 1;
TRIGGER[0x2715] = 1;
for (let u = 0x24b6; u <= 0x24e9; u++) TRIGGER[u] = 1;
for (const h of HEARTS) TRIGGER[h.charCodeAt(0)] = 1;

function enclosedLetter(low: number): string | undefined {
  for (const base of ENCLOSED) {
    if (low >= base && low < base + 26) return '\u200b' + String.fromCharCode(0x61 + low - base);
  }
  return undefined;
}

/** `text` with stand-in symbols rewritten (see above), or `text` itself when it holds none. */
export function replaceStandIns(text: string): string {
  let out: string[] | null = null;
  for (let i = 0, n = text.length; i < n; i++) {
    const u = text.charCodeAt(i);
    if (TRIGGER[u] === 0) continue;
    let rep: string | undefined;
    if (u === 0xd83d) rep = EMOJI.get(text.charCodeAt(i + 1));
    else if (u === 0xd83c) rep = enclosedLetter(text.charCodeAt(i + 1));
    else if (u === 0x270c) rep = 'v';
    else if ((rep = bmpLetter(u)) !== undefined) {
      // a letter already
    } else {
      let p = i - 1;
      while (p >= 0 && text[p] === ' ') p--;
      // a heart between 微 and 信 (微❤信) is a separator: the automaton skips it
      if (p >= 0 && HEART_HOSTS.includes(text[p]) && text[i + 1] !== '信' && text[i + 1] !== '心') rep = '信';
    }
    if (rep === undefined) continue;
    out ??= [...text.split('')];
    for (let k = 0; k < rep.length; k++) out[i + k] = rep[k];
    i += rep.length - 1;
  }
  return out ? out.join('') : text;
}
