import { describe, expect, it } from 'vitest';
import { generateOrganisation } from './organisation.ts';
import type { OrderRecord } from './records.ts';
import {
  ORDER_COLUMNS,
  ROSTER_CSV_HEADER,
  csvField,
  csvLine,
  recordCsvLine,
  rosterCsv,
  rosterCsvRow,
} from './records.ts';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['亲，在的哦~', '亲，在的哦~'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ])('writes %j as %j', (value, csv) => expect(csvField(value)).toBe(csv));

  it('writes booleans as true/false, numbers as digits and null as empty', () => {
    expect(csvLine([true, false, 3, null, 'x'])).toBe('true,false,3,,x\n');
  });
});

describe('recordCsvLine', () => {
  it('keeps two decimals on money columns and leaves missing times empty', () => {
    const order: OrderRecord = {
      order_id: 'o-20261111-000001',
      shop_id: 'shop-1',
      customer_id: 'c000001',
      created_at: '2026-11-11T20:15:03+08:00',
      paid_at: null,
      amount: 199,
      refund_amount: 0,
      refunded_at: null,
    };
    expect(recordCsvLine(order, ORDER_COLUMNS)).toBe(
      'o-20261111-000001,shop-1,c000001,2026-11-11T20:15:03+08:00,,199.00,0.00,\n',
    );
  });
});

describe('roster CSV', () => {
  const org = generateOrganisation({ agents: 30, days: 30, seed: 3, start: '2026-09-01' });

  it('has the exact header the roster import reads', () => {
    expect(ROSTER_CSV_HEADER).toBe(
      'login,name,role,level,star,department,group,lead,mentor,shops,hire_date,status,status_date,email,phone\n',
    );
  });

  it('names department, group and shops, and refers to lead and mentor by login', () => {
    const agent = org.people.find((p) => p.login === 'agent')!;
    const row = rosterCsvRow(agent, org);
    expect(row).toMatchObject({
      login: 'agent',
      role: 'agent',
      department: '客服部',
      group: '售前组',
      lead: 'lead',
      mentor: '',
      status: 'active',
    });
    expect(row.shops.split(';')).toEqual(agent.shopIds.map((id) => org.shops.find((s) => s.id === id)!.name));
    const mentee = org.people.find((p) => p.mentorLogin !== null);
    if (mentee) expect(rosterCsvRow(mentee, org).mentor).toBe(mentee.mentorLogin);
    expect(
      rosterCsvRow(
        org.people.find((p) => p.login === 'admin')!,
        org,
      ),
    ).toMatchObject({ department: '', group: '', star: '', shops: '' });
  });

  it('writes one line per person after the header', () => {
    const lines = rosterCsv(org).trimEnd().split('\n');
    expect(lines[0]).toBe(ROSTER_CSV_HEADER.trimEnd());
    expect(lines).toHaveLength(org.people.length + 1);
  });
});
