/**
 * Live delivery of alerts (SPEC SVC-7): the console's server-sent-event streams subscribe here,
 * and whoever raises or changes alerts publishes here once their transaction has committed.
 * Each subscriber receives only the alerts of agents in its read scope, with phone numbers
 * masked for roles that may not see customer contact. One hub per database handle, in this
 * process: several server instances would need PostgreSQL LISTEN/NOTIFY in front of it.
 */
import { canSeeCustomerContact, inScope, readScope, type Actor } from '../../../domain/access.ts';
import { maskPhonesInText } from '../../../domain/mask.ts';
import type { Db } from '../../db/database.ts';
import { can } from './qa.guard.ts';
import type { AlertOut } from './qa.alerts.schema.ts';

/** A connected console: who is watching, and how to send them an event. */
export interface AlertSubscriber {
  actor: Actor;
  send(event: string, data: unknown): void;
}

/** More alerts than this for one subscriber at once (a bulk import) arrive as one `alerts` count event. */
export const BURST = 20;

/** How many alerts were raised about one placement (agent, group, department). */
export interface PlacedCount extends Pick<AlertOut, 'agentId' | 'groupId' | 'departmentId'> {
  count: number;
}

/** Whether the actor handles this alert: a QA reviewer whose read scope holds the alert's agent. */
export function alertVisibleTo(actor: Actor, a: Pick<AlertOut, 'agentId' | 'groupId' | 'departmentId'>): boolean {
  return (
    can(actor, 'qa.review') &&
    inScope(readScope(actor), { personId: a.agentId, groupId: a.groupId, departmentId: a.departmentId })
  );
}

/** The alert as this actor may see it (phone numbers in the excerpt masked unless they may see contact data). */
export function alertForActor(actor: Actor, a: AlertOut): AlertOut {
  if (canSeeCustomerContact(actor)) return a;
  return { ...a, detail: { ...a.detail, excerpt: maskPhonesInText(a.detail.excerpt) } };
}

/** The subscribers of one database's alerts. */
export class AlertHub {
  private readonly subscribers = new Set<AlertSubscriber>();
  /** how often streams send a keep-alive comment and re-check the session */
  heartbeatMs = 15_000;

  /** Adds a subscriber; returns its unsubscribe. */
  subscribe(s: AlertSubscriber): () => void {
    this.subscribers.add(s);
    return () => this.subscribers.delete(s);
  }

  /** How many consoles are connected. */
  get size(): number {
    return this.subscribers.size;
  }

  /**
   * New alerts: `alert` events per subscriber for those in its scope, or one `alerts` {count} for
   * a burst. `more` counts further alerts held only by placement (a bulk import keeps a bounded
   * number of whole alerts); any of them in a subscriber's scope makes its delivery a burst.
   */
  publish(alerts: readonly AlertOut[], more: ReadonlyMap<string, PlacedCount> = new Map()): void {
    if (alerts.length === 0 && more.size === 0) return;
    for (const s of this.subscribers) {
      const mine = alerts.filter((a) => alertVisibleTo(s.actor, a));
      let extra = 0;
      for (const m of more.values()) if (alertVisibleTo(s.actor, m)) extra += m.count;
      if (mine.length + extra > BURST || extra > 0) s.send('alerts', { count: mine.length + extra });
      else for (const a of mine) s.send('alert', alertForActor(s.actor, a));
    }
  }

  /** A changed alert (acknowledged, resolved) as an `alert-updated` event to those in scope. */
  publishUpdate(alert: AlertOut): void {
    for (const s of this.subscribers) {
      if (alertVisibleTo(s.actor, alert)) s.send('alert-updated', alertForActor(s.actor, alert));
    }
  }
}

const hubs = new WeakMap<Db, AlertHub>();

/** The hub of a database handle (created on first use). */
export function alertHub(db: Db): AlertHub {
  let hub = hubs.get(db);
  if (!hub) hubs.set(db, (hub = new AlertHub()));
  return hub;
}
