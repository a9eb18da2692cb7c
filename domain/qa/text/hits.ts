/** Matches of the automaton, kept in flat typed arrays so scanning allocates nothing per hit. */

/** One occurrence of a pattern: its id and its span [start, end) in UTF-16 code units. */
export interface Hit {
  pattern: number;
  start: number;
  end: number;
}

/** A growable list of hits in three parallel Int32Arrays; reuse one list across texts with `clear`. */
export class HitList {
  pattern = new Int32Array(16);
  start = new Int32Array(16);
  end = new Int32Array(16);
  length = 0;

  /** Empties the list, keeping its storage. */
  clear(): void {
    this.length = 0;
  }

  /** Appends one hit. */
  push(pattern: number, start: number, end: number): void {
    if (this.length === this.pattern.length) {
      const n = this.length * 2;
      this.pattern = widen(this.pattern, n);
      this.start = widen(this.start, n);
      this.end = widen(this.end, n);
    }
    this.pattern[this.length] = pattern;
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.length++;
  }

  /** The hits as objects, in list order. */
  toArray(): Hit[] {
    const out: Hit[] = [];
    for (let i = 0; i < this.length; i++)
      out.push({ pattern: this.pattern[i], start: this.start[i], end: this.end[i] });
    return out;
  }
}

function widen(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** Role of a pattern for `applyWhitelist`: an ordinary pattern, whose hits a whitelist phrase can drop. */
export const ROLE_FILTERED = 0;
/** Role of a whitelist phrase: drops the filtered hits inside it, and is itself never reported. */
export const ROLE_WHITELIST = 1;
/** Role of a pattern the whitelist never touches. */
export const ROLE_EXEMPT = 2;

/**
 * Whitelisting in place: removes every hit of a ROLE_FILTERED pattern whose span lies inside
 * the span of a ROLE_WHITELIST hit (banned 保证 inside whitelisted 保证金 at the same place), then
 * removes the whitelist hits themselves; ROLE_EXEMPT hits are kept untouched. Order is kept.
 */
export function applyWhitelist(hits: HitList, roles: Uint8Array): void {
  const n = hits.length;
  let any = false;
  for (let i = 0; i < n && !any; i++) any = roles[hits.pattern[i]] === ROLE_WHITELIST;
  if (!any) return;
  let w = 0;
  for (let i = 0; i < n; i++) {
    const role = roles[hits.pattern[i]];
    if (role === ROLE_WHITELIST) continue;
    if (role === ROLE_FILTERED && coveredByWhitelist(hits, roles, hits.start[i], hits.end[i])) continue;
    hits.pattern[w] = hits.pattern[i];
    hits.start[w] = hits.start[i];
    hits.end[w] = hits.end[i];
    w++;
  }
  hits.length = w;
}

function coveredByWhitelist(hits: HitList, roles: Uint8Array, start: number, end: number): boolean {
  for (let j = 0; j < hits.length; j++) {
    if (roles[hits.pattern[j]] === ROLE_WHITELIST && hits.start[j] <= start && end <= hits.end[j]) return true;
  }
  return false;
}
