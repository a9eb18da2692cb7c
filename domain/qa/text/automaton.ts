/**
 * Aho–Corasick multi-pattern matcher over UTF-16 code units, stored as a double-array trie
 * (base/check) with failure links in flat typed arrays: one pass over the text finds every
 * occurrence of every pattern, in time linear in the text whatever the number of patterns.
 *
 * Code units are first mapped to a dense alphabet (one class per code unit used by a pattern),
 * so a character no pattern contains resets the automaton without touching the trie.
 */
import { HitList, type Hit } from './hits.ts';
import { buildTrie, placeDoubleArray } from './trie.ts';

export { HitList, type Hit } from './hits.ts';

export interface AutomatonOptions {
  /**
   * Code units skipped wherever they occur, inside a match too (spaces used to dodge a filter:
   * "微 信" matches 微信). They are removed from the patterns. Default: none.
   */
  transparent?: string;
  /** Fold ASCII to lower case and full-width ASCII (ＱＱ, ｖｘ) to half-width. Default true. */
  fold?: boolean;
  /** A pattern made only of ASCII letters matches only as a whole word (vx, not in "vxyz"). Default true. */
  asciiWords?: boolean;
}

const NONE = -1;
const CLASS_RESET = 0;
const CLASS_SKIP = 1;

/** The folded code unit: A–Z to a–z, full-width U+FF01–FF5E to ASCII, U+3000 to a space. */
export function foldUnit(u: number): number {
  if (u >= 0xff01 && u <= 0xff5e) u -= 0xfee0;
  else if (u === 0x3000) u = 0x20;
  return u >= 0x41 && u <= 0x5a ? u + 0x20 : u;
}

const isAsciiLetter = (u: number) => (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a;

/** An immutable multi-pattern matcher: build once from a word list, then `scan` any number of texts. */
export class Automaton {
  /** Number of patterns the automaton was built from (hit pattern ids are indexes into them). */
  readonly patternCount: number;
  /** Number of trie states. */
  readonly stateCount: number;
  private readonly cls: Uint16Array;
  private readonly base: Int32Array;
  private readonly check: Int32Array;
  private readonly fail: Int32Array;
  /** nearest state on the failure chain (self included) that ends a pattern, or NONE */
  private readonly out: Int32Array;
  /** first pattern ending at a state; more patterns with the same folded text via `samePattern` */
  private readonly term: Int32Array;
  private readonly samePattern: Int32Array;
  private readonly length: Int32Array;
  private readonly asciiWord: Uint8Array;
  private readonly hasSkip: boolean;

  private constructor(b: Built) {
    this.patternCount = b.length.length;
    this.stateCount = b.states;
    this.cls = b.cls;
    this.base = b.base;
    this.check = b.check;
    this.fail = b.fail;
    this.out = b.out;
    this.term = b.term;
    this.samePattern = b.samePattern;
    this.length = b.length;
    this.asciiWord = b.asciiWord;
    this.hasSkip = b.hasSkip;
  }

  /** Builds the automaton of `patterns`; empty patterns (after folding) never match. */
  static build(patterns: readonly string[], options: AutomatonOptions = {}): Automaton {
    return new Automaton(buildArrays(patterns, options));
  }

  /**
   * Appends to `hits` every occurrence of every pattern in `text` as (pattern id, start, end),
   * end exclusive, in order of end position (ties: longer pattern first, i.e. failure order).
   */
  scan(text: string, hits: HitList): void {
    const { cls, base, check, fail, out } = this;
    let s = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = cls[text.charCodeAt(i)];
      if (c <= CLASS_SKIP) {
        if (c === CLASS_RESET) s = 0;
        continue;
      }
      let t = base[s] + c;
      while (check[t] !== s) {
        if (s === 0) {
          t = 0;
          break;
        }
        s = fail[s];
        t = base[s] + c;
      }
      s = t;
      if (out[s] !== NONE) this.emit(s, text, i + 1, hits);
    }
  }

  /** Every occurrence of every pattern in `text`, as objects (see `scan`). */
  match(text: string): Hit[] {
    const hits = new HitList();
    this.scan(text, hits);
    return hits.toArray();
  }

  private emit(state: number, text: string, end: number, hits: HitList): void {
    for (let x = this.out[state]; x !== NONE; x = this.out[this.fail[x]]) {
      for (let p = this.term[x]; p !== NONE; p = this.samePattern[p]) {
        const start = this.startOf(text, end, this.length[p]);
        if (this.asciiWord[p] && !wholeWord(text, start, end)) continue;
        hits.push(p, start, end);
      }
    }
  }

  /** Start of a match of `units` pattern code units ending at `end`, skipping transparent units. */
  private startOf(text: string, end: number, units: number): number {
    if (!this.hasSkip) return end - units;
    let i = end;
    while (units > 0) if (this.cls[text.charCodeAt(--i)] !== CLASS_SKIP) units--;
    return i;
  }
}

function wholeWord(text: string, start: number, end: number): boolean {
  return (
    !(start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) &&
    !(end < text.length && isAsciiLetter(text.charCodeAt(end)))
  );
}

interface Built {
  cls: Uint16Array;
  base: Int32Array;
  check: Int32Array;
  fail: Int32Array;
  out: Int32Array;
  term: Int32Array;
  samePattern: Int32Array;
  length: Int32Array;
  asciiWord: Uint8Array;
  hasSkip: boolean;
  states: number;
}

function buildArrays(patterns: readonly string[], options: AutomatonOptions): Built {
  const fold = options.fold ?? true;
  const norm = (u: number) => (fold ? foldUnit(u) : u);
  const skip = new Set([...(options.transparent ?? '')].map((ch) => norm(ch.charCodeAt(0))));
  // Normalised pattern texts, then the alphabet in code-unit order (so sorted texts give sorted labels).
  const texts = patterns.map((p) => {
    let t = '';
    for (let i = 0; i < p.length; i++) {
      const u = norm(p.charCodeAt(i));
      if (!skip.has(u)) t += String.fromCharCode(u);
    }
    return t;
  });
  const used = new Uint8Array(65536);
  for (const t of texts) for (let i = 0; i < t.length; i++) used[t.charCodeAt(i)] = 1;
  const classOf = new Uint16Array(65536);
  let classes = 2;
  for (let u = 0; u < 65536; u++) if (used[u]) classOf[u] = classes++;
  if (classes > 65535) throw new RangeError('automaton alphabet too large');
  const cls = new Uint16Array(65536);
  for (let u = 0; u < 65536; u++) {
    const f = norm(u);
    cls[u] = skip.has(f) ? CLASS_SKIP : classOf[f];
  }
  const trie = buildTrie(texts, classOf);
  const da = placeDoubleArray(trie, classes);
  const length = Int32Array.from(texts, (t) => t.length);
  const asciiWord = Uint8Array.from(texts, (t) =>
    (options.asciiWords ?? true) && t.length > 0 && [...t].every((ch) => isAsciiLetter(ch.charCodeAt(0))) ? 1 : 0,
  );
  const samePattern = new Int32Array(patterns.length).fill(NONE);
  const term = new Int32Array(da.check.length).fill(NONE);
  for (let p = patterns.length - 1; p >= 0; p--) {
    const node = trie.patternNode[p];
    if (node <= 0) continue; // empty pattern
    const cell = da.cellOf[node];
    samePattern[p] = term[cell];
    term[cell] = p;
  }
  const out = new Int32Array(da.check.length).fill(NONE);
  for (const cell of da.bfsCells) out[cell] = term[cell] !== NONE ? cell : out[da.fail[cell]];
  out[0] = NONE;
  return {
    cls,
    base: da.base,
    check: da.check,
    fail: da.fail,
    out,
    term,
    samePattern,
    length,
    asciiWord,
    hasSkip: skip.size > 0,
    states: trie.count,
  };
}
