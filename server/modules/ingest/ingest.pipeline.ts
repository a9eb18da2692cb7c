/**
 * The parse half of an import: source rows become validated table rows with agents and shops
 * resolved, or rejects with their problems, in chunks.
 *
 * (Parsing in a worker thread was tried: on two cores the worker's start-up, the hand-over of
 * rows and the extra memory ate the overlap, so parsing stays in the importing thread.)
 */
import { PARSERS, type FieldProblem, type RecordType } from './ingest.formats.ts';
import type { SourceRow } from './ingest.readers.ts';
import type { References } from './ingest.references.ts';

/** One source row after parsing: a table row, or the problems that reject it. */
export type Parsed = { line: number; row: unknown[] } | { line: number; values: Record<string, unknown>; problems: FieldProblem[] };

const CHUNK = 2000;

function agentRef(refs: References, field: string, v: unknown, problems: FieldProblem[]): string | null {
  if (v === null || v === undefined || v === '') return null;
  const id = refs.agent(String(v));
  if (!id) problems.push({ field, message: `unknown agent "${String(v)}"` });
  return id;
}

function shopRef(refs: References, v: unknown, problems: FieldProblem[]): string | null {
  const id = refs.shop(String(v));
  if (!id) problems.push({ field: 'shop_id', message: `unknown shop "${String(v)}"` });
  return id;
}

/** Turns a parsed record into a table row, resolving agent logins and shops; problems by field. */
export function toRow(type: RecordType, rec: Record<string, unknown>, refs: References, problems: FieldProblem[]): unknown[] {
  switch (type) {
    case 'messages':
      return [
        rec.messageId,
        rec.conversationId,
        shopRef(refs, rec.shopId, problems),
        rec.channel,
        rec.customerId,
        rec.sender,
        agentRef(refs, 'agent_id', rec.agentId, problems),
        rec.sentAt,
        rec.text,
        rec.autoReply ? 1 : 0,
        rec.event,
        agentRef(refs, 'to_agent_id', rec.toAgentId, problems),
      ];
    case 'conversations':
      return [rec.conversationId, rec.category, rec.resolved ? 1 : 0, rec.resolvedAt ?? null, rec.issueKey];
    case 'ratings':
      return [rec.conversationId, rec.customerId, rec.ratedAt, agentRef(refs, 'agent_id', rec.agentId, problems), rec.csat, rec.nps ?? null, rec.comment];
    case 'orders':
      return [rec.orderId, shopRef(refs, rec.shopId, problems), rec.customerId, rec.createdAt, rec.paidAt ?? null, rec.amountCents, rec.refundAmountCents, rec.refundedAt ?? null];
  }
}

/** Parses and resolves source rows, yielding them in chunks. */
export async function* parseChunks(rows: AsyncIterable<SourceRow>, type: RecordType, refs: References, tz: string | undefined): AsyncGenerator<Parsed[]> {
  const parse = PARSERS[type];
  let chunk: Parsed[] = [];
  for await (const { line, values } of rows) {
    const parsed = parse(values, { tz });
    if (!parsed.ok) chunk.push({ line, values, problems: parsed.problems });
    else {
      const problems: FieldProblem[] = [];
      const row = toRow(type, parsed.record as unknown as Record<string, unknown>, refs, problems);
      chunk.push(problems.length ? { line, values, problems } : { line, row });
    }
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}
