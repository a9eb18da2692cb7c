/**
 * Construction of the automaton's arrays: a first-child/next-sibling trie of the patterns, then
 * its double-array (base/check) layout with failure links.
 */
const NONE = -1;

export interface Trie {
  count: number;
  label: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** trie node of each pattern, 0 for an empty one */
  patternNode: Int32Array;
}

/** A first-child/next-sibling trie built from the patterns in sorted order (children come sorted). */
export function buildTrie(texts: readonly string[], classOf: Uint16Array): Trie {
  const order = texts.map((_, i) => i).sort((a, b) => (texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : a - b));
  let cap = 1024;
  let label = new Int32Array(cap);
  let firstChild = new Int32Array(cap).fill(NONE);
  let nextSibling = new Int32Array(cap).fill(NONE);
  let lastChild = new Int32Array(cap).fill(NONE);
  const patternNode = new Int32Array(texts.length);
  const path: number[] = [0];
  let count = 1;
  let prev = '';
  for (const p of order) {
    const t = texts[p];
    let lcp = 0;
    while (lcp < t.length && lcp < prev.length && t.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    for (let d = lcp; d < t.length; d++) {
      if (count === cap) {
        cap *= 2;
        label = grow(label, cap, 0);
        firstChild = grow(firstChild, cap, NONE);
        nextSibling = grow(nextSibling, cap, NONE);
        lastChild = grow(lastChild, cap, NONE);
      }
      const parent = path[d];
      const node = count++;
      label[node] = classOf[t.charCodeAt(d)];
      if (lastChild[parent] === NONE) firstChild[parent] = node;
      else nextSibling[lastChild[parent]] = node;
      lastChild[parent] = node;
      path[d + 1] = node;
    }
    patternNode[p] = path[t.length];
    prev = t;
  }
  return { count, label, firstChild, nextSibling, patternNode };
}

export interface DoubleArray {
  base: Int32Array;
  check: Int32Array;
  fail: Int32Array;
  cellOf: Int32Array;
  bfsCells: number[];
}

/**
 * Places the trie in a double array breadth first (cell of child = base[parent] + label,
 * check[child] = parent cell), computing failure links on the way. Free cells are found with a
 * path-compressed "next free cell" forest, so placement stays near-linear in the trie size.
 */
export function placeDoubleArray(trie: Trie, classes: number): DoubleArray {
  let cap = Math.max(1024, trie.count * 2 + classes);
  let base = new Int32Array(cap);
  let check = new Int32Array(cap).fill(NONE);
  let fail = new Int32Array(cap);
  let nextFree = Int32Array.from({ length: cap }, (_, i) => i + 1);
  const ensure = (need: number) => {
    if (need < cap) return;
    const old = cap;
    while (cap <= need) cap *= 2;
    base = grow(base, cap, 0);
    check = grow(check, cap, NONE);
    fail = grow(fail, cap, 0);
    nextFree = grow(nextFree, cap, 0);
    for (let i = old; i < cap; i++) nextFree[i] = i + 1;
  };
  const freeFrom = (i: number): number => {
    let r = i;
    for (ensure(r); check[r] !== NONE; ensure(r)) r = nextFree[r];
    while (i !== r) {
      const n = nextFree[i];
      nextFree[i] = r;
      i = n;
    }
    return r;
  };
  const cellOf = new Int32Array(trie.count);
  check[0] = -2; // the root's cell: never a transition target
  const bfsCells: number[] = [];
  const labels: number[] = [];
  const queue = new Int32Array(trie.count);
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const node = queue[head++];
    const cell = cellOf[node];
    labels.length = 0;
    for (let ch = trie.firstChild[node]; ch !== NONE; ch = trie.nextSibling[ch]) labels.push(trie.label[ch]);
    if (labels.length === 0) continue;
    let b = 0;
    for (let pos = freeFrom(labels[0]); ; pos = freeFrom(pos + 1)) {
      b = pos - labels[0];
      let fits = true;
      for (let k = 1; k < labels.length && fits; k++) {
        ensure(b + labels[k]);
        fits = check[b + labels[k]] === NONE;
      }
      if (fits) break;
    }
    ensure(b + classes);
    base[cell] = b;
    for (let ch = trie.firstChild[node]; ch !== NONE; ch = trie.nextSibling[ch]) {
      const c = trie.label[ch];
      const child = b + c;
      check[child] = cell;
      cellOf[ch] = child;
      queue[tail++] = ch;
      bfsCells.push(child);
      // failure link: longest proper suffix that is a trie path (all shallower states are placed)
      let f = cell;
      let target = 0;
      while (f !== 0) {
        f = fail[f];
        if (check[base[f] + c] === f) {
          target = base[f] + c;
          break;
        }
      }
      fail[child] = target;
    }
  }
  // Pad so base[s] + any class stays inside the arrays (no out-of-range reads in the hot loop).
  let maxBase = 0;
  for (let i = 0; i < cap; i++) if (check[i] !== NONE && base[i] > maxBase) maxBase = base[i];
  const size = Math.max(cap, maxBase + classes + 1);
  return { base: grow(base, size, 0), check: grow(check, size, NONE), fail: grow(fail, size, 0), cellOf, bfsCells };
}

function grow(a: Int32Array<ArrayBuffer>, size: number, fill: number): Int32Array<ArrayBuffer> {
  if (a.length === size) return a;
  const b = new Int32Array(size).fill(fill);
  b.set(a.subarray(0, Math.min(a.length, size)));
  return b;
}
