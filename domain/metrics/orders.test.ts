import { describe, expect, it } from 'vitest';
import { aggregateKpis } from './aggregate.ts';
import { buildOrder, buildServed, sh } from './factories.ts';
import { creditOrders, inquiryPaidStatus, paymentStatus } from './orders.ts';
import { DEFAULT_METRIC_SETTINGS as S, metricSettings } from './settings.ts';

const LATER = sh('00:00', '2025-04-01');

describe('creditOrders conversion windows', () => {
  // a1 served cust1 on 3 March at 10:00.
  const served = [buildServed({ agentId: 'a1', firstReplyAt: sh('10:00') })];
  const cases = [
    {
      name: 'converts an inquiry when the order comes the same day',
      order: sh('15:00'),
      ordered: true,
      credited: 'a1',
    },
    {
      name: 'converts an inquiry when the order comes the next day',
      order: sh('20:00', '2025-03-04'),
      ordered: true,
      credited: 'a1',
    },
    {
      name: 'does not convert when the order comes two days later',
      order: sh('08:00', '2025-03-05'),
      ordered: false,
      credited: null,
    },
    {
      name: 'does not convert an order placed before the agent served',
      order: sh('09:00'),
      ordered: false,
      credited: null,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = creditOrders([buildOrder({ createdAt: c.order, paidAt: c.order + 60_000 })], served, S, LATER);
      expect(r.inquiries[0]).toMatchObject({ ordered: c.ordered, paid: c.ordered });
      expect(r.orders[0].agentId).toBe(c.credited);
    });
  }

  it('widens the order window with the setting', () => {
    const settings = metricSettings({ orderWindowDays: 2 });
    const r = creditOrders([buildOrder({ createdAt: sh('08:00', '2025-03-05') })], served, settings, LATER);
    expect(r.inquiries[0].ordered).toBe(true);
    expect(r.orders[0].agentId).toBe('a1');
  });
});

describe('creditOrders payment window', () => {
  const served = [buildServed({ agentId: 'a1', firstReplyAt: sh('10:00') })];
  const order = buildOrder({ createdAt: sh('10:00', '2025-03-04') });

  it('shows paid conversion as pending while the payment window is open', () => {
    const asOf = sh('12:00', '2025-03-06');
    const r = creditOrders([order], served, S, asOf);
    // settles at the later of the order window end (5 Mar 00:00) and the payment deadline (11 Mar 10:00)
    expect(r.inquiries[0]).toMatchObject({ ordered: true, paid: false, settlesAt: sh('10:00', '2025-03-11') });
    expect(inquiryPaidStatus(r.inquiries[0], asOf)).toBe('pending');
    expect(paymentStatus(r.orders[0], asOf)).toBe('pending');
    const [a1] = aggregateKpis(r, { by: 'agent', period: 'day', asOf });
    expect(a1).toMatchObject({ inquiry_customers: 1, conversion_rate_order: 1, conversion_rate_paid: 'pending' });
  });

  it('settles as not paid once the payment window has closed', () => {
    const asOf = sh('12:00', '2025-03-12');
    const r = creditOrders([order], served, S, asOf);
    expect(inquiryPaidStatus(r.inquiries[0], asOf)).toBe('unpaid');
    expect(aggregateKpis(r, { by: 'agent', period: 'day', asOf })[0].conversion_rate_paid).toBe(0);
  });

  it('does not count a payment made after the payment window', () => {
    const late = { ...order, paidAt: sh('11:00', '2025-03-11') };
    const r = creditOrders([late], served, S, LATER);
    expect(r.orders[0]).toMatchObject({ paid: false });
    expect(aggregateKpis(r, { by: 'agent', period: 'day', asOf: LATER })[0]).toMatchObject({
      conversion_rate_paid: 0,
      sales_amount: 0,
    });
  });

  it('ignores payments after asOf', () => {
    const paid = { ...order, paidAt: sh('11:00', '2025-03-05') };
    const r = creditOrders([paid], served, S, sh('12:00', '2025-03-04'));
    expect(r.orders[0]).toMatchObject({ paid: false, paidAt: null });
  });
});

describe('creditOrders crediting', () => {
  // a1 served 10:00–10:05, a2 served 14:00–14:10, the order is placed at 15:00.
  const served = [
    buildServed({ agentId: 'a1', firstReplyAt: sh('10:00'), lastReplyAt: sh('10:05') }),
    buildServed({ agentId: 'a2', firstReplyAt: sh('14:00'), lastReplyAt: sh('14:10'), channel: 'phone' }),
  ];
  const order = buildOrder({ createdAt: sh('15:00'), paidAt: sh('15:05') });

  it('credits the order to the last agent who served before it and gives the others assist credit', () => {
    const r = creditOrders([order], served, S, LATER);
    expect(r.orders[0]).toMatchObject({
      agentId: 'a2',
      channel: 'phone',
      conversationId: 'conv-a2',
      inquiryDay: '2025-03-03',
    });
    expect(r.assists).toEqual([{ orderId: 'o1', agentId: 'a1', shopId: 'shop1', channel: 'chat', day: '2025-03-03' }]);
    const rows = aggregateKpis(r, { by: 'agent', period: 'all', asOf: LATER });
    expect(rows.map((x) => [x.key, x.credited_orders, x.assisted_orders, x.sales_amount])).toEqual([
      ['a1', 0, 1, 0],
      ['a2', 1, 0, 10_000],
    ]);
    // both inquiries converted: each customer-day served by the agent was followed by an order
    expect(rows.map((x) => x.conversion_rate_order)).toEqual([1, 1]);
  });

  it('credits the first agent of the day under first_served_that_day', () => {
    const r = creditOrders([order], served, metricSettings({ orderCrediting: 'first_served_that_day' }), LATER);
    expect(r.orders[0].agentId).toBe('a1');
    expect(r.assists.map((a) => a.agentId)).toEqual(['a2']);
  });

  it('credits an agent still serving when the order is placed over one who finished earlier', () => {
    const straddling = [
      buildServed({ agentId: 'a1', firstReplyAt: sh('10:00'), lastReplyAt: sh('16:00') }),
      buildServed({ agentId: 'a2', firstReplyAt: sh('14:00'), lastReplyAt: sh('14:10') }),
    ];
    expect(creditOrders([order], straddling, S, LATER).orders[0].agentId).toBe('a1');
  });

  it('prefers the inquiry day nearest the order', () => {
    const twoDays = [
      buildServed({ agentId: 'a1', firstReplyAt: sh('10:00', '2025-03-04'), day: '2025-03-04' }),
      buildServed({ agentId: 'a2', firstReplyAt: sh('20:00') }),
    ];
    const next = buildOrder({ createdAt: sh('12:00', '2025-03-04') });
    const r = creditOrders([next], twoDays, metricSettings({ orderCrediting: 'first_served_that_day' }), LATER);
    expect(r.orders[0]).toMatchObject({ agentId: 'a1', inquiryDay: '2025-03-04' });
    expect(r.assists).toEqual([]);
  });
});

describe('sales KPIs', () => {
  const served = [buildServed({ agentId: 'a1', firstReplyAt: sh('10:00') })];
  const orders = [
    buildOrder({ orderId: 'o1', createdAt: sh('11:00'), paidAt: sh('11:01'), amountCents: 10_000 }),
    buildOrder({
      orderId: 'o2',
      createdAt: sh('12:00'),
      paidAt: sh('12:01'),
      amountCents: 20_000,
      refundAmountCents: 20_000,
      refundedAt: sh('09:00', '2025-03-06'),
    }),
    buildOrder({ orderId: 'o3', customerId: 'cust2', createdAt: sh('13:00'), paidAt: sh('13:01'), amountCents: 5_000 }),
  ];
  const credits = creditOrders(orders, served, S, LATER);

  it('sums credited paid orders per agent with their average value and refund rate', () => {
    const [a1] = aggregateKpis(credits, { by: 'agent', period: 'all', asOf: LATER });
    expect(a1).toMatchObject({
      credited_orders: 2,
      sales_amount: 30_000,
      avg_order_value: 15_000,
      refund_rate: 0.5,
      silent_sales: null,
    });
  });

  it('reports shop sales nobody was credited with as silent sales', () => {
    const [shop] = aggregateKpis(credits, { by: 'shop', period: 'all', asOf: LATER });
    expect(shop).toMatchObject({
      sales_amount: 30_000,
      silent_sales: 5_000,
      inquiry_customers: 1,
      conversion_rate_paid: 1,
    });
  });
});
