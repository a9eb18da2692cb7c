import { describe, expect, it } from 'vitest';
import { conversationFacts } from './conversation.ts';
import type { RoundFact } from './facts.ts';
import {
  agent,
  autoReply,
  bot,
  buildConversation,
  close,
  customer,
  handoff,
  sh,
  transfer,
  type Step,
} from './factories.ts';
import { explainRound } from './explain.ts';
import { DEFAULT_METRIC_SETTINGS, metricSettings } from './settings.ts';

interface RoundCase {
  name: string;
  steps: Step[];
  rounds: Partial<RoundFact>[];
}

// Every case is a hand-worked conversation in Asia/Shanghai time, default settings
// (service 08:00–23:00, cap 600 s, slow > 100 s, service level 180 s).
const ROUND_CASES: RoundCase[] = [
  {
    name: 'times a round from the customer message to the next valid reply',
    steps: [customer('10:00:00'), agent('a1', '10:00:30')],
    rounds: [
      {
        agentId: 'a1',
        openAt: sh('10:00:00'),
        closeAt: sh('10:00:30'),
        waitS: 30,
        durationS: 30,
        countsForResponse: true,
        isFirst: true,
        withinServiceLevel: true,
        slow: false,
        reason: 'answered',
      },
    ],
  },
  {
    name: 'does not let an auto-reply end a round',
    steps: [customer('10:00:00'), autoReply('a1', '10:00:02'), agent('a1', '10:00:45')],
    rounds: [{ agentId: 'a1', openAt: sh('10:00:00'), closeAt: sh('10:00:45'), durationS: 45, closeMessageId: 'm3' }],
  },
  {
    name: 'opens the round at the hand-off when the customer was waiting on the bot',
    steps: [
      customer('10:00:00'),
      bot('10:00:01'),
      customer('10:01:00'),
      handoff('a1', '10:02:00'),
      agent('a1', '10:02:20'),
    ],
    rounds: [
      { agentId: 'a1', openAt: sh('10:02:00'), openedBy: 'handoff', openMessageId: null, durationS: 20, isFirst: true },
    ],
  },
  {
    name: 'opens no round at a hand-off when nobody is waiting',
    steps: [bot('10:00:00'), handoff('a1', '10:00:10'), customer('10:01:00'), agent('a1', '10:01:40')],
    rounds: [{ agentId: 'a1', openAt: sh('10:01:00'), openedBy: 'customer', durationS: 40 }],
  },
  {
    name: 'treats an agent picking up from the bot with an auto-reply as the hand-off',
    steps: [customer('10:00:00'), bot('10:00:01'), autoReply('a1', '10:01:00'), agent('a1', '10:01:30')],
    rounds: [{ agentId: 'a1', openAt: sh('10:01:00'), openedBy: 'handoff', durationS: 30 }],
  },
  {
    name: 'charges a transfer without reply to the transferring agent and opens a round for the receiver',
    steps: [
      customer('10:00:00'),
      agent('a1', '10:00:10'),
      customer('10:05:00'),
      transfer('a1', 'a2', '10:06:00'),
      agent('a2', '10:06:30'),
    ],
    rounds: [
      { seq: 0, agentId: 'a1', durationS: 10, isFirst: true },
      {
        seq: 1,
        agentId: 'a1',
        openAt: sh('10:05:00'),
        closeAt: null,
        endAt: sh('10:06:00'),
        closedBy: 'transfer',
        unanswered: true,
        waitS: null,
        durationS: 600,
        countsForResponse: true,
        slow: true,
        withinServiceLevel: false,
        reason: 'unanswered',
      },
      { seq: 2, agentId: 'a2', openAt: sh('10:06:00'), openedBy: 'transfer', durationS: 30, isFirst: false },
    ],
  },
  {
    name: 'charges an unanswered round at the cap',
    steps: [customer('10:00:00'), agent('a1', '10:00:20'), customer('10:10:00')],
    rounds: [
      { agentId: 'a1', durationS: 20 },
      {
        agentId: 'a1',
        openAt: sh('10:10:00'),
        closedBy: 'end',
        unanswered: true,
        durationS: 600,
        countsForResponse: true,
      },
    ],
  },
  {
    name: 'ends an open round unanswered at a close event, charged to the owner',
    steps: [customer('10:00:00'), agent('a1', '10:00:10'), customer('10:01:00'), close('10:02:00')],
    rounds: [
      { durationS: 10 },
      { agentId: 'a1', closedBy: 'close', endAt: sh('10:02:00'), unanswered: true, durationS: 600 },
    ],
  },
  {
    name: 'caps a slow reply at the round cap',
    steps: [customer('10:00:00'), agent('a1', '10:15:00')],
    rounds: [{ waitS: 900, durationS: 600, reason: 'answered_capped', slow: true, withinServiceLevel: false }],
  },
  {
    name: 'counts a round that opens at 22:59 and is answered at 23:05',
    steps: [customer('22:59:00'), agent('a1', '23:05:00')],
    rounds: [
      { agentId: 'a1', durationS: 360, countsForResponse: true, slow: true, withinServiceLevel: false, offline: false },
    ],
  },
  {
    name: 'puts a round into the day it opens, across midnight',
    steps: [customer('22:58:00'), agent('a1', '00:02:00', '2025-03-04')],
    rounds: [{ day: '2025-03-03', waitS: 3840, durationS: 600, countsForResponse: true }],
  },
  {
    name: 'does not count a round opened outside service hours and marks it offline',
    steps: [customer('23:30:00'), agent('a1', '08:40:00', '2025-03-04')],
    rounds: [
      { agentId: 'a1', countsForResponse: false, offline: true, reason: 'outside_service_hours', day: '2025-03-03' },
    ],
  },
  {
    name: 'credits a round to the agent who replies, not to the owner',
    steps: [customer('10:00:00'), agent('a1', '10:00:05'), customer('10:01:00'), agent('a2', '10:01:20')],
    rounds: [
      { agentId: 'a1', durationS: 5 },
      { agentId: 'a2', durationS: 20 },
    ],
  },
  {
    name: 'keeps one round open over several customer messages',
    steps: [customer('10:00:00'), customer('10:00:10'), customer('10:00:20'), agent('a1', '10:01:00')],
    rounds: [{ openMessageId: 'm1', durationS: 60 }],
  },
  {
    name: 'opens no round for a bot-only conversation',
    steps: [customer('10:00:00'), bot('10:00:01'), customer('10:01:00'), bot('10:01:01')],
    rounds: [],
  },
  {
    name: 'credits nobody for a round no agent ever picked up',
    steps: [customer('10:00:00'), customer('10:05:00')],
    rounds: [{ agentId: null, unanswered: true, countsForResponse: false, reason: 'no_agent' }],
  },
];

describe('conversationFacts rounds', () => {
  for (const c of ROUND_CASES) {
    it(c.name, () => {
      const { rounds } = conversationFacts(buildConversation(c.steps));
      expect(rounds).toHaveLength(c.rounds.length);
      expect(rounds).toMatchObject(c.rounds);
    });
  }

  it('has no first response when the first round opens outside service hours', () => {
    const { rounds } = conversationFacts(
      buildConversation([customer('07:30'), agent('a1', '08:10'), customer('08:20:00'), agent('a1', '08:20:40')]),
    );
    expect(rounds.map((r) => [r.isFirst, r.countsForResponse, r.durationS])).toEqual([
      [true, false, 600],
      [false, true, 40],
    ]);
  });

  it('does not count a round opening on a closed day', () => {
    const settings = metricSettings({ closedDays: ['2025-03-03'] });
    const { rounds } = conversationFacts(buildConversation([customer('10:00'), agent('a1', '10:00:30')]), settings);
    expect(rounds[0]).toMatchObject({ countsForResponse: false, reason: 'closed_day', offline: true });
  });

  it('sorts messages given out of order', () => {
    const msgs = buildConversation([customer('10:00:00'), agent('a1', '10:00:30')]).reverse();
    expect(conversationFacts(msgs).rounds[0].durationS).toBe(30);
  });

  it('explains a round in Chinese and English', () => {
    const { rounds } = conversationFacts(buildConversation([customer('10:00:00'), agent('a1', '10:15:00')]));
    expect(explainRound(rounds[0], DEFAULT_METRIC_SETTINGS, 'en-US')).toBe(
      'Opened 2025-03-03 10:00:00 by a customer message; answered 2025-03-03 10:15:00 by a1 after 900 s, counted as the 600 s cap. Counted: opened inside service hours 08:00–23:00 (first response).',
    );
    expect(explainRound(rounds[0], DEFAULT_METRIC_SETTINGS)).toContain('按封顶 600 秒计');
  });
});

describe('conversationFacts offline messages', () => {
  const cases = [
    { name: 'handles an overnight message answered by 09:00 next day', reply: '08:40:00', handled: true },
    { name: 'does not handle an overnight message answered after 09:00 next day', reply: '09:10:00', handled: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { offline } = conversationFacts(buildConversation([customer('23:30'), agent('a1', c.reply, '2025-03-04')]));
      expect(offline).toEqual([
        expect.objectContaining({
          messageId: 'm1',
          agentId: 'a1',
          day: '2025-03-03',
          deadline: sh('09:00', '2025-03-04'),
          firstReplyAt: sh(c.reply, '2025-03-04'),
          handled: c.handled,
        }),
      ]);
    });
  }

  it('gives an early-morning message until 09:00 the same day', () => {
    const { offline } = conversationFacts(buildConversation([customer('07:00'), agent('a1', '08:59')]));
    expect(offline[0]).toMatchObject({ deadline: sh('09:00'), handled: true });
  });

  it('skips closed days when setting the deadline', () => {
    const settings = metricSettings({ closedDays: ['2025-03-04'] });
    const { offline } = conversationFacts(buildConversation([customer('23:30')]), settings);
    expect(offline[0]).toMatchObject({ deadline: sh('09:00', '2025-03-05'), handled: false, agentId: null });
  });
});

describe('conversationFacts agent-days', () => {
  it('leaves a bot-only conversation out of agent facts but keeps the customer for the shop', () => {
    const facts = conversationFacts(buildConversation([customer('10:00'), bot('10:00:01')]));
    expect(facts.conversation).toMatchObject({ botOnly: true, botFronted: true, agentId: null });
    expect(facts.agentDays).toEqual([
      expect.objectContaining({ agentId: null, consulted: true, wrote: false, served: false, owned: false }),
    ]);
  });

  it('marks a transferring agent who never replied as not replying, and the receiver as serving', () => {
    const facts = conversationFacts(
      buildConversation([
        customer('10:00'),
        autoReply('a1', '10:00:01'),
        transfer('a1', 'a2', '10:01'),
        agent('a2', '10:01:30'),
      ]),
    );
    const byAgent = Object.fromEntries(facts.agentDays.map((r) => [r.agentId, r]));
    expect(byAgent.a1).toMatchObject({
      wrote: true,
      replied: false,
      served: false,
      owned: true,
      transfersOut: 1,
      messagesSent: 0,
    });
    expect(byAgent.a2).toMatchObject({
      consulted: false,
      wrote: true,
      replied: true,
      served: true,
      owned: true,
      messagesSent: 1,
    });
    expect(facts.transfers).toEqual([
      expect.objectContaining({ fromAgentId: 'a1', toAgentId: 'a2', withOpenRound: true, day: '2025-03-03' }),
    ]);
    expect(facts.conversation).toMatchObject({ agentId: 'a2', firstAgentId: 'a1', ownerIds: 'a1,a2', transfers: 1 });
  });

  it('serves a customer only on days both sides wrote', () => {
    const facts = conversationFacts(
      buildConversation([customer('22:00'), agent('a1', '22:00:30'), agent('a1', '09:00', '2025-03-04')]),
    );
    expect(facts.agentDays.map((r) => [r.day, r.served, r.messagesSent, r.owned])).toEqual([
      ['2025-03-03', true, 1, true],
      ['2025-03-04', false, 1, true],
    ]);
  });

  it('fills resolution fields from the attributes', () => {
    const msgs = buildConversation([customer('10:00'), agent('a1', '10:01')]);
    const attrs = {
      conversationId: 'c1',
      category: 'complaint' as const,
      resolved: true,
      resolvedAt: sh('18:00'),
      issueKey: 'o9',
    };
    expect(conversationFacts(msgs, DEFAULT_METRIC_SETTINGS, attrs).conversation).toMatchObject({
      category: 'complaint',
      resolved: true,
      immediateResolved: false,
      issueKey: 'o9',
    });
  });
});
