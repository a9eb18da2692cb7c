/** An inspection's findings and per-message flags keyed by message id, as the chat timeline takes them. */
import type { InspectionOut, MessageFindingOut } from '../../../../server/modules/qa/qa.inspection.schema.ts';
import type { MessageKey } from '../../../locales/index.tsx';

/** Findings by message id, and the flag labels (repeated question, unanswered, long wait) of each message. */
export function inspectionMaps(i: InspectionOut | undefined): {
  findings: Map<string, MessageFindingOut>;
  flags: Map<string, MessageKey[]>;
} {
  const findings = new Map((i?.findings ?? []).map((f) => [f.messageId, f]));
  const flags = new Map<string, MessageKey[]>();
  const flag = (messageId: string, key: MessageKey) => flags.set(messageId, [...(flags.get(messageId) ?? []), key]);
  for (const q of i?.repeatedQuestions ?? []) flag(q.messageId, 'qaInspection.message.repeated');
  for (const w of i?.longWaits ?? []) flag(w.messageId, 'qaInspection.message.longWait');
  if (i?.unanswered) flag(i.unanswered.messageId, 'qaInspection.message.unanswered');
  return { findings, flags };
}
