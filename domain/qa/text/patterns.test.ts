import { describe, expect, it } from 'vitest';
import { SHIPPED_LEXICONS, compileBanned, findBanned } from './index.ts';
import { PATTERN_CLASSES } from './patterns.ts';

const shipped = compileBanned(SHIPPED_LEXICONS.banned);
const found = (text: string) => findBanned(text, shipped).map((h) => `${h.category}:${h.text}`);
const categories = (text: string) => [...new Set(findBanned(text, shipped).map((h) => h.category))];

describe('pattern classes (shapes a word list cannot hold)', () => {
  it.each([
    // personal compensation, whatever the goods and the amount
    ['a personal penalty', '一盒不新鲜我赔您三盒', 'promise'],
    ['personal money', '差的那十块我自己给您补上', 'promise'],
    ['the agent bearing the cost', '这次运费由我来承担', 'promise'],
    ['penalty pledge without 我', '坏一个赔两个，放心拍', 'promise'],
    ['efficacy refund', '用一个疗程不见效全额退款', 'promise'],
    ['lowest-price refund', '您买贵了我们退差价', 'promise'],
    ['never-claim on durability', '这口锅用十年都不会坏', 'promise'],
    ['a flaw that can never occur', '放心，一点异味都不会有', 'promise'],
    ['safety claim', '宝宝咬了也没事', 'promise'],
    ['a price that never comes back', '错过今天以后再也不会有这么便宜了', 'promise'],
    ['lowest price around the shop', '全网只有我们家最便宜', 'promise'],
    ['a bare 稳了 as an assurance', '下单吧，稳了！', 'promise'],
    ['blame on the customer', '掉毛是你家猫的问题', 'rude'],
    ['X你个头', '赔你个头', 'rude'],
    ['money to a private account', '钱直接转到我的银行卡就行', 'off_platform'],
    ['a QR code to add', '扫一下包裹里卡片上的码加我', 'off_platform'],
    ['a store on another platform', '我们在京东也有旗舰店', 'off_platform'],
  ] as const)('%s: %s', (_, text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    ['a reshipment is no personal compensation', '我这边给您补发一个，明天到'],
    ['the shop paying is policy, not a personal pledge', '运费我们来承担，您放心寄回'],
    ['a return policy is no efficacy pledge', '不合适可以退款的，七天无理由'],
    ['a price-protection policy', '保价期内降价可以申请退差价'],
    ['平稳的 is no assurance', '车开起来很平稳的'],
    ['not the customer’s fault', '这不是你的问题，是系统延迟'],
    ['a helmet is no insult', '这个头盔是均码的'],
    ['a refund to the original account', '退款会原路退回您的支付宝'],
    ['a shop on this platform mentioned as a fact', '您在淘宝搜店名就能找到'],
    ['the customer spared a trip', '您不用自己去找快递，我这边帮您联系'],
  ])('%s: %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });

  it('excuses a pattern inside the customer’s quoted question like a listed word', () => {
    expect(found('您问“假的我倒贴您一千”这种话能不能说？不能的')).toEqual([]);
  });

  it('every class has triggers and a global expression (every match of a message is found)', () => {
    for (const c of PATTERN_CLASSES) {
      expect(c.triggers.length, c.about).toBeGreaterThan(0);
      expect(c.re.flags, c.about).toContain('g');
    }
  });
});

describe('full-width hyphen in numbers', () => {
  it('reads ０２１－６４３７８８１２ as a landline', () => {
    expect(found('电话是０２１－６４３７８８１２吗')).toEqual(['privacy:０２１－６４３７８８１２']);
  });
});
