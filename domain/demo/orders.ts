/**
 * Demo orders (SPEC KPI-14 inputs): amount from product, quantity and the serving agent's
 * sales skill (so AOV differs by agent), payment mostly within minutes (some within days,
 * some never) and refunds days after payment.
 */
import { PRODUCTS, PRODUCT_WEIGHTS } from './catalogue.ts';
import type { Product } from './catalogue.ts';
import { SECONDS_PER_DAY, isoLocal } from './calendar.ts';
import type { Rng } from './random.ts';
import type { OrderRecord } from './records.ts';

/** An order before it gets its id (ids are numbered per creation day, in time order). */
export interface PendingOrder {
  /** local seconds */
  created: number;
  shopId: string;
  customerId: string;
  cents: number;
  paid: number | null;
  refundCents: number;
  refunded: number | null;
}

/** `sales` is the 0–1 skill of the agent who sold it (silent sales use an average 0.4). */
export function pendingOrder(
  rng: Rng,
  created: number,
  shopId: string,
  customerId: string,
  product: Product,
  sales: number,
): PendingOrder {
  let cents = product.priceCents * (1 + rng.weighted([0.8, 0.15, 0.05])) * (0.85 + 0.15 * rng.next());
  // good sellers add a matching item (搭配) and steer to the better variant
  if (rng.chance(0.1 + 0.4 * sales)) cents += PRODUCTS[rng.weighted(PRODUCT_WEIGHTS)].priceCents * 0.9;
  cents = Math.round(cents * (0.92 + 0.16 * sales));
  const r = rng.next();
  const paid = r < 0.85 ? created + rng.int(20, 1800) : r < 0.93 ? created + rng.int(3600, 2 * SECONDS_PER_DAY) : null;
  let refundCents = 0;
  let refunded: number | null = null;
  if (paid !== null && rng.chance(0.12)) {
    refundCents = rng.chance(0.7) ? cents : Math.round(cents * (0.2 + 0.4 * rng.next()));
    refunded = paid + rng.int(2, 12) * SECONDS_PER_DAY + rng.int(0, 36_000);
  }
  return { created, shopId, customerId, cents, paid, refundCents, refunded };
}

/** The import record: money in yuan with two decimals, times as ISO with +08:00. */
export function orderRecord(id: string, o: PendingOrder): OrderRecord {
  return {
    order_id: id,
    shop_id: o.shopId,
    customer_id: o.customerId,
    created_at: isoLocal(o.created),
    paid_at: o.paid === null ? null : isoLocal(o.paid),
    amount: o.cents / 100,
    refund_amount: o.refundCents / 100,
    refunded_at: o.refunded === null ? null : isoLocal(o.refunded),
  };
}
