import { describe, expect, it } from 'vitest';
import {
  classifyComplaint,
  compileComplaintLexicon,
  complaintSettings,
  complaintShares,
  COMPLAINT_CATEGORIES,
  explicitCategory,
  findComplaintTerms,
  shareByWeek,
  SHIPPED_COMPLAINT_LEXICON,
  type ComplaintCategory,
  type ComplaintLexicon,
} from './complaints.ts';

const shipped = compileComplaintLexicon();

describe('the shipped lexicon', () => {
  it('states its source and covers every category once, in report order', () => {
    expect(SHIPPED_COMPLAINT_LEXICON.source).toMatch(/Helmsman team/);
    expect(SHIPPED_COMPLAINT_LEXICON.categories.map((c) => c.id)).toEqual([...COMPLAINT_CATEGORIES]);
    for (const c of SHIPPED_COMPLAINT_LEXICON.categories) expect(c.zh && c.en).toBeTruthy();
  });

  it('has a stable version that changes with the words', () => {
    expect(compileComplaintLexicon().version).toBe(shipped.version);
    const more: ComplaintLexicon = {
      ...SHIPPED_COMPLAINT_LEXICON,
      categories: SHIPPED_COMPLAINT_LEXICON.categories.map((c) =>
        c.id === 'price' ? { ...c, keywords: [...c.keywords, '砍价'] } : c,
      ),
    };
    expect(compileComplaintLexicon(more).version).not.toBe(shipped.version);
  });
});

describe('classifying by the customer’s words', () => {
  it.each<[string, string[], ComplaintCategory]>([
    ['a hole in the garment', ['收到的衣服有破洞，太失望了'], 'quality'],
    ['pilling after one wear', ['这件毛衣穿了一次就起球了，什么质量啊'], 'quality'],
    ['not shipped after five days', ['说好48小时发货，5天了还没发！订单号o-1'], 'logistics'],
    ['a parcel that does not move', ['快递一直不动，你们到底发没发？'], 'logistics'],
    ['the last agent’s attitude', ['上一个客服态度太差了'], 'attitude'],
    ['asked three times', ['同一个问题问了三遍了还没解决'], 'attitude'],
    ['a refund not arrived', ['我退货寄回去好几天了，什么时候退款？'], 'returns_refunds'],
    ['a price drop after buying', ['昨天买的今天就降价了，能退差价吗'], 'price'],
    ['nothing the lexicon knows', ['在吗', '你好'], 'other'],
  ])('%s → %s', (_what, texts, category) => {
    expect(classifyComplaint({ customerTexts: texts }, shipped).category).toBe(category);
  });

  it('counts a longer keyword once, not also the shorter one inside it', () => {
    expect(findComplaintTerms(['到现在还没发货'], shipped)).toEqual([
      { category: 'logistics', term: '还没发货', hits: 1 },
    ]);
  });

  it('goes to the category with the most hits across the customer’s messages', () => {
    const c = classifyComplaint({ customerTexts: ['退款什么时候到', '快递丢件了', '物流一直不动'] }, shipped);
    // returns 1 (退款); logistics 3 (快递丢, 物流, 一直不动)
    expect([c.category, c.source]).toEqual(['logistics', 'lexicon']);
  });

  it('breaks a tie in favour of the category mentioned first', () => {
    expect(classifyComplaint({ customerTexts: ['质量太差，而且快递也慢'] }, shipped).category).toBe('quality');
    expect(classifyComplaint({ customerTexts: ['快递太慢，质量也一般'] }, shipped).category).toBe('logistics');
  });

  it('reads full-width and upper-case text as plain', () => {
    expect(classifyComplaint({ customerTexts: ['７天无理由也不给退？'] }, shipped).category).toBe('returns_refunds');
  });
});

describe('an explicit category in the attributes', () => {
  it.each<[string | null, ComplaintCategory | null]>([
    ['o-20261117-000123:logistics', 'logistics'],
    ['质量', 'quality'],
    ['sku-9|退换货/退款', 'returns_refunds'],
    ['RETURNS_REFUNDS', 'returns_refunds'],
    ['sku-9', null],
    ['', null],
    [null, null],
  ])('%s names %s', (issueKey, category) => {
    expect(explicitCategory([issueKey], shipped)).toBe(category);
  });

  it('overrides the words', () => {
    const c = classifyComplaint({ explicit: ['o-1:price'], customerTexts: ['衣服有破洞'] }, shipped);
    expect([c.category, c.source, c.terms.map((t) => t.term)]).toEqual(['price', 'attribute', ['破洞']]);
  });
});

describe('shares and flags', () => {
  const week = (counts: Partial<Record<ComplaintCategory, number>>) =>
    Object.entries(counts).flatMap(([c, n]) => Array<ComplaintCategory>(n).fill(c as ComplaintCategory));

  it('flags a category strictly above 20 % of the week’s complaints', () => {
    // 10 complaints: logistics 3 (30 %), quality 2 (exactly 20 %: not above), attitude 1, other 4 (40 %, never flagged)
    const s = complaintShares(week({ logistics: 3, quality: 2, attitude: 1, other: 4 }));
    expect(s.total).toBe(10);
    expect(s.categories.map((c) => [c.category, c.count, c.share, c.flagged])).toEqual([
      ['logistics', 3, 0.3, true],
      ['quality', 2, 0.2, false],
      ['attitude', 1, 0.1, false],
      ['returns_refunds', 0, 0, false],
      ['price', 0, 0, false],
      ['other', 4, 0.4, false],
    ]);
  });

  it('takes the threshold from the settings', () => {
    const s = complaintShares(week({ quality: 2, price: 8 }), complaintSettings({ flagShare: 0.5 }));
    expect(s.categories.filter((c) => c.flagged).map((c) => c.category)).toEqual(['price']);
    expect(() => complaintSettings({ flagShare: 1 })).toThrow(RangeError);
  });

  it('has no share and no flag in a week without complaints', () => {
    const s = complaintShares([]);
    expect(s.categories.every((c) => c.share === null && !c.flagged)).toBe(true);
  });

  it('tracks one category’s share week by week', () => {
    const complaints = [
      ...week({ logistics: 3, quality: 1 }).map((category) => ({ week: '2026-W47', category })),
      ...week({ logistics: 1, quality: 3 }).map((category) => ({ week: '2026-W48', category })),
    ];
    expect(shareByWeek(complaints, 'logistics', ['2026-W47', '2026-W48', '2026-W49'])).toEqual([
      { week: '2026-W47', count: 3, total: 4, share: 0.75 },
      { week: '2026-W48', count: 1, total: 4, share: 0.25 },
      { week: '2026-W49', count: 0, total: 0, share: null },
    ]);
  });
});
