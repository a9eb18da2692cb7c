/**
 * Precision and recall of the automatic text inspection on the labelled sets that may be tuned on:
 * the first set (domain/qa/testset/*.jsonl) and the development sets (domain/qa/testset/dev/ and
 * dev2/, dev3/). Never reads the held-out set. Prints the errors of the sets named with --errors.
 *
 *   npx tsx scripts/eval-qa-dev.ts [--errors dev] [--errors dev2] [--errors dev3] [--errors first]
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  accuracy,
  compileLexicons,
  evaluateBanned,
  evaluateSentiment,
  precision,
  recall,
  type BannedCase,
  type Confusion,
  type SentimentCase,
} from '../domain/qa/text/index.ts';

const { values } = parseArgs({ options: { errors: { type: 'string', multiple: true, default: [] } } });
const read = <T>(name: string): T[] =>
  fs
    .readFileSync(new URL(`../domain/qa/testset/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const line = (c: Confusion) => `tp ${c.tp}, fp ${c.fp}, fn ${c.fn}, tn ${c.tn}`;
const shipped = compileLexicons();
for (const [name, dir] of [
  ['first', ''],
  ['dev', 'dev/'],
  ['dev2', 'dev2/'],
  ['dev3', 'dev3/'],
] as const) {
  if (!fs.existsSync(new URL(`../domain/qa/testset/${dir}banned.jsonl`, import.meta.url))) continue;
  const b = evaluateBanned(read<BannedCase>(`${dir}banned.jsonl`), shipped.banned);
  const s = evaluateSentiment(read<SentimentCase>(`${dir}sentiment.jsonl`), shipped.sentiment);
  console.log(
    `${name}: banned recall ${pct(recall(b.spans))} precision ${pct(precision(b.spans))} (${line(b.spans)}); ` +
      `messages recall ${pct(recall(b.messages))} precision ${pct(precision(b.messages))}; ` +
      `sentiment accuracy ${pct(accuracy(s.confusion))} precision ${pct(precision(s.confusion))} recall ${pct(recall(s.confusion))} (${line(s.confusion)})`,
  );
  if (values.errors?.includes(name)) {
    for (const e of b.errors)
      console.log(`  B ${e.id} ${e.text}  missed [${e.missed.join(', ')}] wrong [${e.wrong.join(', ')}]`);
    for (const e of s.errors) console.log(`  S ${e.id} ${e.expected ? 'NEG' : 'ok '} ${e.score.toFixed(2)} ${e.text}`);
  }
}
