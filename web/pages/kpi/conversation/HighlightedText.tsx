/**
 * A message's text with what automatic inspection found marked in place: banned expressions on
 * a red ground (their category on hover), the customer's negative words underlined in orange and
 * positive ones in green. Positions are UTF-16 spans of the text as stored; masking keeps every
 * character in place, so they fit the masked text too.
 */
import type { CSSProperties, ReactNode } from 'react';
import { Tooltip } from 'antd';
import type { MessageFindingOut } from '../../../../server/modules/qa/qa.inspection.schema.ts';
import { useT, type MessageKey } from '../../../locales/index.tsx';

type Finding = Pick<MessageFindingOut, 'banned' | 'sentiment'>;

/** A span to mark: [start, end) and how. */
export interface Mark {
  start: number;
  end: number;
  kind: 'banned' | 'negative' | 'positive';
  /** i18n key of the tooltip */
  label: MessageKey;
}

const CATEGORY: Record<string, MessageKey> = {
  rude: 'qaInspection.category.rude',
  promise: 'qaInspection.category.promise',
  privacy: 'qaInspection.category.privacy',
  off_platform: 'qaInspection.category.off_platform',
};

/** The marks of one finding, by position; overlapping marks keep the first (banned words win). */
export function marksOf(f: Finding | undefined): Mark[] {
  if (!f) return [];
  const all: Mark[] = [
    ...f.banned.map((h) => ({ start: h.start, end: h.end, kind: 'banned' as const, label: CATEGORY[h.category] })),
    ...(f.sentiment?.terms ?? [])
      .filter((term) => term.value !== 0)
      .map((term) => ({
        start: term.start,
        end: term.end,
        kind: term.value < 0 ? ('negative' as const) : ('positive' as const),
        label: (term.value < 0 ? 'qaInspection.legend.negative' : 'qaInspection.legend.positive') as MessageKey,
      })),
  ].sort((a, b) => a.start - b.start || (a.kind === 'banned' ? -1 : 1));
  const out: Mark[] = [];
  for (const m of all) if (m.end > m.start && (out.length === 0 || m.start >= out[out.length - 1].end)) out.push(m);
  return out;
}

const STYLE: Record<Mark['kind'], CSSProperties> = {
  banned: { background: '#ffccc7', color: '#a8071a', borderRadius: 2, padding: '0 1px' },
  negative: { textDecoration: 'underline wavy #fa8c16', textUnderlineOffset: 3 },
  positive: { textDecoration: 'underline #52c41a', textUnderlineOffset: 3 },
};

/** The text with its marks (the plain text when there are none). */
export function HighlightedText({ text, finding }: { text: string; finding?: Finding }) {
  const { t } = useT();
  const marks = marksOf(finding);
  if (marks.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start >= text.length) break;
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <Tooltip key={m.start} title={t(m.label)}>
        <mark style={{ background: 'none', ...STYLE[m.kind] }} data-testid={`mark-${m.kind}`}>
          {text.slice(m.start, Math.min(m.end, text.length))}
        </mark>
      </Tooltip>,
    );
    at = Math.min(m.end, text.length);
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
