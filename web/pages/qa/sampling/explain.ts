/**
 * Why an agent's conversations were sampled the way they were (pure): one line per rate class —
 * new hire, complaint rate above the threshold, or the random share — and whether the
 * one-per-agent floor topped the sample up. Lines are message keys with their values, so the
 * page says them in either language.
 */
import type { SamplePreview, SamplingRulesOut } from '../../../../server/modules/qa/qa.schema.ts';
import type { MessageKey, Vars } from '../../../locales/index.tsx';
import { percentText } from '../../../components/qa/text.ts';

export type AgentSample = SamplePreview['agents'][number];
type Rules = Pick<SamplingRulesOut, 'complaintRateThreshold' | 'minPerAgent'>;

export interface Line {
  key: MessageKey;
  vars: Vars;
}

/** Round half up, as the domain rounds a quota. */
const quotaOf = (rate: number, n: number) => Math.floor(rate * n + 0.5);

/** The reasons behind an agent's sample, in the order the classes were drawn. */
export function whyLines(agent: AgentSample, rules: Rules): Line[] {
  const lines: Line[] = agent.byReason.map((r) => {
    const vars = { rate: percentText(r.rate), sampled: r.sampled, n: r.conversations };
    switch (r.reason) {
      case 'new_hire':
        return { key: 'qa.why.newHire', vars };
      case 'high_complaints':
        return {
          key: 'qa.why.highComplaints',
          vars: {
            ...vars,
            complaintRate: percentText(agent.complaintRate),
            threshold: percentText(rules.complaintRateThreshold),
          },
        };
      case 'random':
        return { key: 'qa.why.random', vars };
    }
  });
  const quota = agent.byReason.reduce((a, r) => a + quotaOf(r.rate, r.conversations), 0);
  if (agent.sampled > quota) lines.push({ key: 'qa.why.floor', vars: { min: rules.minPerAgent } });
  return lines;
}

/** The share of the agent's conversations sampled (0–1), null without conversations. */
export const sampledShare = (agent: AgentSample): number | null =>
  agent.conversations === 0 ? null : agent.sampled / agent.conversations;

/** How many sampled conversations each reviewer gets, most first. */
export function perReviewer(conversations: SamplePreview['conversations']): { reviewerId: string; n: number }[] {
  const counts = new Map<string, number>();
  for (const c of conversations) counts.set(c.reviewerId, (counts.get(c.reviewerId) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reviewerId, n]) => ({ reviewerId, n }))
    .sort((a, b) => b.n - a.n || a.reviewerId.localeCompare(b.reviewerId));
}
