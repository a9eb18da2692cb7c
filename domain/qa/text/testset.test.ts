import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BANNED_CATEGORIES,
  SHIPPED_LEXICONS,
  accuracy,
  compileBanned,
  compileSentiment,
  evaluateBanned,
  evaluateSentiment,
  precision,
  recall,
  type BannedCase,
  type SentimentCase,
} from './index.ts';

const read = <T>(name: string): T[] =>
  fs
    .readFileSync(new URL(`../testset/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);

const banned = read<BannedCase>('banned.jsonl');
const sentiment = read<SentimentCase>('sentiment.jsonl');

describe('labelled test sets', () => {
  it('hold the sizes their README states, with unique ids and texts', () => {
    expect(banned).toHaveLength(619);
    expect(banned.filter((c) => c.hits.length > 0)).toHaveLength(332);
    expect(banned.reduce((n, c) => n + c.hits.length, 0)).toBe(371);
    expect(sentiment).toHaveLength(425);
    expect(sentiment.filter((c) => c.negative)).toHaveLength(203);
    const all = [...banned, ...sentiment];
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.text)).size).toBe(all.length);
  });

  it('label only known categories, with spans found in their texts', () => {
    for (const c of banned) {
      for (const h of c.hits) {
        expect(BANNED_CATEGORIES).toContain(h.category);
        expect(c.text).toContain(h.span);
      }
    }
  });

  // Regression floors a little under the figures measured when the lexicons were written
  // (npm run bench:qa prints the figures and the targets).
  it('keep banned-word detection above its floor', () => {
    const e = evaluateBanned(banned, compileBanned(SHIPPED_LEXICONS.banned));
    expect(recall(e.spans)).toBeGreaterThanOrEqual(0.985);
    expect(precision(e.spans)).toBeGreaterThanOrEqual(0.975);
  });

  it('keep negative-sentiment detection above its floor', () => {
    const e = evaluateSentiment(sentiment, compileSentiment(SHIPPED_LEXICONS.sentiment));
    expect(accuracy(e.confusion)).toBeGreaterThanOrEqual(0.89);
  });
});
