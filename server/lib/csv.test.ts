import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readCsv } from './csv.ts';

async function all(text: string, chunk = 3) {
  async function* chunks() {
    for (let i = 0; i < text.length; i += chunk) yield Buffer.from(text.slice(i, i + chunk));
  }
  const out = [];
  for await (const r of readCsv(chunks())) out.push(r);
  return out;
}

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, keeping line numbers', async () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""",3\n2,"multi\nline",\n\n3,,"end"';
    const recs = await all(text);
    expect(recs).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, "y"', '3'] },
      { line: 3, fields: ['2', 'multi\nline', ''] },
      { line: 6, fields: ['3', '', 'end'] },
    ]);
  });

  it('agrees with csv-parse on every chunk size', async () => {
    const text = 'id,text\n1,"你好，""亲""\n在的"\n2,plain\n3,"a,b"\n4,\n';
    const expected = (parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]).map((f) => f);
    for (const size of [1, 2, 5, 7, 64]) {
      expect((await all(text, size)).map((r) => r.fields)).toEqual(expected);
    }
  });

  it('reports an unclosed quote with its line', async () => {
    await expect(all('a,b\n1,"open\n')).rejects.toMatchObject({ line: 2, message: 'a quoted field is not closed' });
  });
});
