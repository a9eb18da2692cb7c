import { describe, expect, it } from 'vitest';
import { Automaton, HitList, ROLE_EXEMPT, ROLE_FILTERED, ROLE_WHITELIST, applyWhitelist } from './index.ts';

/** Hits as "pattern@start-end", sorted, for readable assertions. */
function spans(patterns: string[], text: string, options = {}): string[] {
  return Automaton.build(patterns, options)
    .match(text)
    .map((h) => `${patterns[h.pattern]}@${h.start}-${h.end}`)
    .sort();
}

/** Every occurrence by brute force: the reference the automaton must equal. */
function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, i) => {
    if (!p) return;
    for (let s = text.indexOf(p); s >= 0; s = text.indexOf(p, s + 1)) out.push(`${i}:${s}`);
  });
  return out.sort();
}

function rng(seed: number) {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

describe('Automaton', () => {
  it('finds overlapping patterns, including one inside another (he/she/his/hers)', () => {
    expect(spans(['he', 'she', 'his', 'hers'], 'ushers', { asciiWords: false })).toEqual([
      'he@2-4',
      'hers@2-6',
      'she@1-4',
    ]);
  });

  it('reports Chinese patterns that share prefixes and suffixes at every position', () => {
    expect(spans(['保证', '保证金', '证金', '金'], '我保证交保证金')).toEqual([
      '保证@1-3',
      '保证@4-6',
      '保证金@4-7',
      '证金@5-7',
      '金@6-7',
    ]);
  });

  it('reports every id of a pattern listed twice', () => {
    const a = Automaton.build(['微信', '微信']);
    expect(a.match('加微信').map((h) => h.pattern)).toEqual([0, 1]);
  });

  it('folds case and full-width forms, so ＶＸ and Vx match vx', () => {
    expect(spans(['vx'], 'ＶＸ Vx vx')).toEqual(['vx@0-2', 'vx@3-5', 'vx@6-8']);
  });

  it('matches an ASCII-letter pattern only as a whole word', () => {
    expect(spans(['vx', 'qq'], 'vxyz 加vx123 qqq QQ群')).toEqual(['qq@16-18', 'vx@6-8']);
  });

  it('skips transparent characters inside a match and reports the full span', () => {
    expect(spans(['微信'], '加微 信和微*信', { transparent: ' *' })).toEqual(['微信@1-4', '微信@5-8']);
  });

  it('never matches an empty pattern and still matches the others', () => {
    expect(spans(['', '好'], '好')).toEqual(['好@0-1']);
  });

  it('agrees with brute force on random pattern sets', () => {
    const r = rng(42);
    const alphabet = 'ab保证金一定';
    for (let round = 0; round < 300; round++) {
      const word = () =>
        Array.from({ length: 1 + Math.floor(r() * 4) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
      const patterns = Array.from({ length: 1 + Math.floor(r() * 40) }, word);
      const text = Array.from({ length: 120 }, () => `${alphabet}xy`[Math.floor(r() * (alphabet.length + 2))]).join('');
      const got = Automaton.build(patterns, { asciiWords: false })
        .match(text)
        .map((h) => `${h.pattern}:${h.start}`)
        .sort();
      expect(got).toEqual(naive(patterns, text));
    }
  });

  it('builds 20,000 patterns and still finds each of them', () => {
    const r = rng(7);
    const cjk = () => String.fromCharCode(0x4e00 + Math.floor(r() * 3000));
    const patterns = Array.from({ length: 20_000 }, (_, i) => `${cjk()}${cjk()}${i % 3 ? cjk() : ''}`);
    const a = Automaton.build(patterns);
    expect(a.patternCount).toBe(20_000);
    for (const i of [0, 1, 9_999, 19_999]) {
      expect(a.match(`前${patterns[i]}后`).some((h) => h.pattern === i && h.start === 1)).toBe(true);
    }
  });

  it('appends to a reusable hit list in order of end position', () => {
    const a = Automaton.build(['一定', '定程度', '一定程度']);
    const hits = new HitList();
    a.scan('一定程度', hits);
    expect(Array.from(hits.end.subarray(0, hits.length))).toEqual([2, 4, 4]);
    hits.clear();
    a.scan('无', hits);
    expect(hits.length).toBe(0);
  });
});

describe('applyWhitelist', () => {
  const patterns = ['保证', '一定', '保证金', '一定程度', '退货地址'];
  const roles = Uint8Array.from([ROLE_FILTERED, ROLE_FILTERED, ROLE_WHITELIST, ROLE_WHITELIST, ROLE_EXEMPT]);
  const kept = (text: string) => {
    const hits = new HitList();
    Automaton.build(patterns).scan(text, hits);
    applyWhitelist(hits, roles);
    return hits.toArray().map((h) => `${patterns[h.pattern]}@${h.start}`);
  };

  it.each([
    ['drops banned 保证 inside whitelisted 保证金', '缴纳了保证金', []],
    ['drops 一定 inside 一定程度', '会有一定程度的缩水', []],
    ['keeps 保证 when 保证金 is elsewhere', '我保证，保证金已交', ['保证@1']],
    ['keeps 一定 next to, not inside, 一定程度', '一定一定程度', ['一定@0']],
    ['never filters an exempt pattern', '退货地址：保证金', ['退货地址@0']],
  ])('%s', (_, text, expected) => {
    expect(kept(text)).toEqual(expected);
  });
});
