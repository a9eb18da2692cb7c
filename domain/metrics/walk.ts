/**
 * The state machine behind `conversationFacts`: one pass over a conversation's messages,
 * applying the rules stated in conversation.ts. Internal to the metric engine.
 */
import { dayNumberToString } from '../time.ts';
import type { RoundCloser, RoundFact, RoundOpener, RoundReason, TransferFact } from './facts.ts';
import type { MessageRecord } from './records.ts';
import { isServiceTime, offlineDeadline, type CompiledSettings } from './settings.ts';

interface OpenRound {
  openAt: number;
  openedBy: RoundOpener;
  openMessageId: string | null;
  dayNumber: number;
  inService: boolean;
  offline: boolean;
}

export interface RowAcc {
  agentId: string | null;
  dayNumber: number;
  consulted: boolean;
  wrote: boolean;
  replied: boolean;
  owned: boolean;
  awaiting: boolean;
  messagesSent: number;
  transfersOut: number;
  firstReplyAt: number | null;
  lastReplyAt: number | null;
}

export interface OfflineAcc {
  messageId: string;
  sentAt: number;
  dayNumber: number;
  deadline: number;
  ownerAtArrival: string | null;
  agentId: string | null;
  firstReplyAt: number | null;
}

/** Walks one conversation; each method applies one kind of record to the state. */
export class Walk {
  owner: string | null = null;
  botPhase: boolean;
  waiting = false;
  open: OpenRound | null = null;
  readonly rounds: RoundFact[] = [];
  readonly rows = new Map<string, RowAcc>();
  readonly rowList: RowAcc[] = [];
  unaddressedDays: number[] = [];
  readonly customerDays = new Set<number>();
  readonly offline: OfflineAcc[] = [];
  pendingOffline: OfflineAcc[] = [];
  readonly transfers: TransferFact[] = [];
  readonly owners: string[] = [];
  handoffAt: number | null = null;
  private lastRow: RowAcc | null = null;

  constructor(
    readonly c: CompiledSettings,
    readonly head: MessageRecord,
    readonly botFronted: boolean,
  ) {
    this.botPhase = botFronted;
  }

  row(agentId: string | null, dayNumber: number): RowAcc {
    const last = this.lastRow;
    if (last && last.agentId === agentId && last.dayNumber === dayNumber) return last;
    const key = `${agentId ?? ''}\u0000${dayNumber}`;
    let r = this.rows.get(key);
    if (!r) {
      r = {
        agentId,
        dayNumber,
        consulted: false,
        wrote: false,
        replied: false,
        owned: false,
        awaiting: false,
        messagesSent: 0,
        transfersOut: 0,
        firstReplyAt: null,
        lastReplyAt: null,
      };
      this.rows.set(key, r);
      this.rowList.push(r);
    }
    this.lastRow = r;
    return r;
  }

  /** The customer is now waiting on `agentId` (wrote to them, or was passed to them waiting). */
  waitOn(agentId: string, dayNumber: number, consulted: boolean): void {
    const r = this.row(agentId, dayNumber);
    if (consulted) r.consulted = true;
    r.wrote = true;
    r.awaiting = true;
  }

  setOwner(agentId: string | null): void {
    this.botPhase = false;
    this.owner = agentId;
    if (agentId === null) return;
    if (!this.owners.includes(agentId)) this.owners.push(agentId);
    if (this.unaddressedDays.length) {
      for (const d of this.unaddressedDays) this.waitOn(agentId, d, true);
      this.unaddressedDays = [];
    }
  }

  openRound(at: number, openedBy: RoundOpener, messageId: string | null, dayNumber: number, minute: number): void {
    const inService = isServiceTime(this.c, dayNumber, minute);
    const offline = openedBy === 'customer' && !inService;
    this.open = { openAt: at, openedBy, openMessageId: messageId, dayNumber, inService, offline };
    if (offline && messageId !== null) {
      const o: OfflineAcc = {
        messageId,
        sentAt: at,
        dayNumber,
        deadline: offlineDeadline(this.c, dayNumber, minute),
        ownerAtArrival: this.owner,
        agentId: null,
        firstReplyAt: null,
      };
      this.offline.push(o);
      this.pendingOffline.push(o);
    }
  }

  closeRound(agentId: string | null, closedBy: RoundCloser, endAt: number, replyMessageId: string | null): void {
    const o = this.open;
    if (!o) return;
    const { s, capS } = this.c;
    const answered = closedBy === 'reply';
    const waitS = answered ? (endAt - o.openAt) / 1000 : null;
    const durationS = waitS === null ? capS : Math.min(waitS, capS);
    let reason: RoundReason;
    if (!o.inService) reason = this.c.closedDayNumbers.has(o.dayNumber) ? 'closed_day' : 'outside_service_hours';
    else if (agentId === null) reason = 'no_agent';
    else if (waitS === null) reason = 'unanswered';
    else reason = waitS > capS ? 'answered_capped' : 'answered';
    this.rounds.push({
      conversationId: this.head.conversationId,
      seq: this.rounds.length,
      shopId: this.head.shopId,
      channel: this.head.channel,
      customerId: this.head.customerId,
      agentId,
      day: dayNumberToString(o.dayNumber),
      openAt: o.openAt,
      openedBy: o.openedBy,
      openMessageId: o.openMessageId,
      closeAt: answered ? endAt : null,
      closeMessageId: replyMessageId,
      closedBy,
      endAt,
      waitS,
      durationS,
      countsForResponse: o.inService && agentId !== null,
      isFirst: this.rounds.length === 0,
      unanswered: !answered,
      offline: o.offline,
      withinServiceLevel: waitS !== null && waitS <= s.serviceLevelThresholdS,
      slow: durationS > s.slowThresholdS,
      reason,
    });
    this.open = null;
  }

  /** A hand-off or transfer passes the customer from `from` to `to`. */
  passOn(m: MessageRecord, from: string | null, to: string | null, dayNumber: number, minute: number): void {
    const isTransfer = m.event === 'transfer';
    const withOpenRound = this.open !== null;
    if (isTransfer && from !== null && this.owner === null) this.setOwner(from); // evidently had it
    if (this.open) this.closeRound(from, isTransfer ? 'transfer' : 'handoff', m.sentAt, null);
    if (isTransfer) {
      if (from !== null) this.row(from, dayNumber).transfersOut++;
      this.transfers.push({
        conversationId: m.conversationId,
        messageId: m.messageId,
        shopId: m.shopId,
        channel: m.channel,
        fromAgentId: from,
        toAgentId: to,
        at: m.sentAt,
        day: dayNumberToString(dayNumber),
        withOpenRound,
      });
    } else if (this.handoffAt === null) {
      this.handoffAt = m.sentAt;
    }
    if (this.owner !== null) this.row(this.owner, dayNumber).owned = true; // owned it until now
    this.setOwner(to);
    if (this.waiting && to !== null) {
      this.waitOn(to, dayNumber, false);
      this.openRound(m.sentAt, isTransfer ? 'transfer' : 'handoff', null, dayNumber, minute);
    }
  }

  customer(m: MessageRecord, dayNumber: number, minute: number): void {
    this.customerDays.add(dayNumber);
    if (this.owner !== null) this.waitOn(this.owner, dayNumber, true);
    else if (this.unaddressedDays[this.unaddressedDays.length - 1] !== dayNumber) this.unaddressedDays.push(dayNumber);
    if (!this.botPhase && !this.open) this.openRound(m.sentAt, 'customer', m.messageId, dayNumber, minute);
    this.waiting = true;
  }

  agent(m: MessageRecord, agentId: string, dayNumber: number, minute: number): void {
    if (this.botPhase) {
      this.setOwner(agentId);
      if (this.waiting && m.autoReply) this.openRound(m.sentAt, 'handoff', null, dayNumber, minute);
    } else if (this.owner !== agentId) {
      this.setOwner(agentId);
    }
    if (m.autoReply) return;
    if (this.open) this.closeRound(agentId, 'reply', m.sentAt, m.messageId);
    this.waiting = false;
    const r = this.row(agentId, dayNumber);
    r.messagesSent++;
    if (r.firstReplyAt === null) r.firstReplyAt = m.sentAt;
    r.lastReplyAt = m.sentAt;
    for (const x of this.rowList) {
      if (x.awaiting && x.agentId === agentId) {
        x.replied = true;
        x.awaiting = false;
      }
    }
    if (this.pendingOffline.length) {
      for (const o of this.pendingOffline) {
        o.firstReplyAt = m.sentAt;
        o.agentId = agentId;
      }
      this.pendingOffline = [];
    }
  }
}
