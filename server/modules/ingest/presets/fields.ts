/**
 * Small helpers the presets share: reading source fields by any spelling of their name,
 * source times in the shapes exports use, pseudonymous customer ids, agent look-up and the
 * category keywords. Pure functions; no I/O.
 */
import { createHash } from 'node:crypto';
import type { ConversationCategory } from '../../../../domain/metrics/records.ts';
import { parseTime } from '../ingest.formats.ts';
import type { AgentMap } from './preset.ts';

/** A field name as compared: case, spaces and underscores do not matter ("Created at" = created_at). */
export function fieldKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

/** One source row, read by field name whatever the export's spelling. */
export class SourceFields {
  private readonly byKey = new Map<string, unknown>();

  constructor(values: Record<string, unknown>) {
    for (const [k, v] of Object.entries(values)) this.byKey.set(fieldKey(k), v);
  }

  /** Whether any of `names` is a field of the row (even empty). */
  has(...names: string[]): boolean {
    return names.some((n) => this.byKey.has(fieldKey(n)));
  }

  /** The first non-empty value among `names`, as found. */
  raw(...names: string[]): unknown {
    for (const n of names) {
      const v = this.byKey.get(fieldKey(n));
      if (v !== undefined && v !== null && v !== '') return v;
    }
    return undefined;
  }

  /** The first non-empty value among `names` as trimmed text ('' when none). */
  text(...names: string[]): string {
    return asText(this.raw(...names)).trim();
  }
}

/** Any JSON or cell value as text: objects as JSON, nothing as ''. */
export function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

const LOOSE_TIME =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

/**
 * A source time as epoch ms, or the reason it is not one. Reads epoch milliseconds (13 digits)
 * or seconds (10 digits), and dates/times written `2026-11-11 20:15:03 +0800`, `2026/11/11
 * 20:15`, ISO 8601, with or without an offset (`Z`, `UTC`, `±HH:MM`, `±HHMM`); a time without
 * one is read in `tz` and is an error without it, as in the canonical format.
 */
export function sourceTime(value: unknown, tz?: string): number | string {
  if (typeof value === 'number') return epoch(value) ?? `${value} is not an epoch time in ms or s`;
  const s = asText(value).trim();
  if (/^\d{13}$/.test(s) || /^\d{10}$/.test(s)) return epoch(Number(s))!;
  const m = LOOSE_TIME.exec(s);
  if (!m) return `"${s}" is not a time (e.g. 2026-11-11 20:15:03 +0800)`;
  const [, y, mo, d, h = '0', mi = '00', sec = '00', frac = '', off] = m;
  const pad = (x: string) => x.padStart(2, '0');
  let offset = '';
  if (off) offset = /^(z|utc|gmt)$/i.test(off) ? 'Z' : off;
  const iso = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${mi}:${sec}${frac.slice(0, 4)}${offset}`;
  const t = parseTime(iso, tz);
  return typeof t === 'number' ? t : t.replace(`"${iso}"`, `"${s}"`);
}

function epoch(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  return n >= 1e11 ? Math.round(n) : Math.round(n * 1000);
}

/** Epoch ms → the canonical ISO 8601 form (UTC, `Z`). */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A pseudonymous customer id: the first 12 hex digits of SHA-256 of the trimmed, lower-cased value. */
export function hashId(value: string): string {
  return createHash('sha256').update(value.trim().toLowerCase()).digest('hex').slice(0, 12);
}

/** The login for the first candidate the agent map knows, else the first non-empty candidate as written. */
export function agentLogin(map: AgentMap | undefined, ...candidates: string[]): string {
  const present = candidates.map((c) => c.trim()).filter(Boolean);
  if (map) {
    for (const c of present) {
      const login = map.get(c.toLowerCase());
      if (login) return login;
    }
  }
  return present[0] ?? '';
}

/**
 * Keywords that decide a conversation's category, first match wins (a complaint about a refund
 * is a complaint). Matched case-insensitively inside tags, ticket types and 七鱼 categories;
 * nothing matching means `consult`. Edit here to suit a team's tags.
 */
export const CATEGORY_KEYWORDS: readonly (readonly [ConversationCategory, readonly string[]])[] = [
  ['complaint', ['complaint', 'complain', '投诉', '差评', '举报']],
  [
    'after_sales',
    [
      'after_sales',
      'after-sales',
      'aftersales',
      'after sales',
      'refund',
      'return',
      'exchange',
      'warranty',
      'repair',
      'shipping',
      'delivery',
      '售后',
      '退款',
      '退货',
      '换货',
      '维修',
      '保修',
      '物流',
      '快递',
    ],
  ],
  ['presale', ['presale', 'pre-sale', 'pre_sale', 'pre sale', 'presales', '售前', '尺码', '库存', '优惠', '咨询商品']],
];

/** The category the keywords give for any of `texts`, else `consult`. */
export function categoryOf(...texts: string[]): ConversationCategory {
  const hay = texts.join(' ').toLowerCase();
  for (const [category, words] of CATEGORY_KEYWORDS) if (words.some((w) => hay.includes(w))) return category;
  return 'consult';
}

const BIG_INT = /\d{16,}/;

/** JSON.parse that keeps integers beyond 2^53 (七鱼 ids can be long) as exact strings; other values as usual. */
export function parseJsonLine(text: string): unknown {
  if (!BIG_INT.test(text)) return JSON.parse(text);
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c >= '0' && c <= '9') {
      let j = i;
      while (j < text.length && /[0-9.eE+-]/.test(text[j])) j++;
      const num = text.slice(i, j);
      out += /^\d{16,}$/.test(num) && text[i - 1] !== '-' ? `"${num}"` : num;
      i = j - 1;
    } else out += c;
  }
  return JSON.parse(out);
}
