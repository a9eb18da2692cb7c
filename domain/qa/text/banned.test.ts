import { describe, expect, it } from 'vitest';
import {
  SHIPPED_LEXICONS,
  compileBanned,
  countByCategory,
  findBanned,
  isIdNumber,
  mergeLexicons,
  scanPrivacy,
  type BannedLexicon,
} from './index.ts';

const shipped = compileBanned(SHIPPED_LEXICONS.banned);
const found = (text: string, matcher = shipped) => findBanned(text, matcher).map((h) => `${h.category}:${h.text}`);

describe('scanPrivacy', () => {
  it.each([
    ['a plain mobile number', '手机号13912345678', ['phone:13912345678']],
    ['a spaced mobile number', '电话139 1234 5678对吗', ['phone:139 1234 5678']],
    ['a hyphenated mobile number', '打186-2233-4455', ['phone:186-2233-4455']],
    ['a +86 number', '号码+86 137 0000 2211', ['phone:+86 137 0000 2211']],
    ['a mobile followed by another number', '电话13912345678 2件', ['phone:13912345678']],
    ['a landline with area code', '座机0571-88776655', ['phone:0571-88776655']],
    ['an ID number with check digit X', '身份证11010519491231002X', ['id_number:11010519491231002X']],
    ['a street address with its city', '改成北京市朝阳区建国路88号了', ['address:北京市朝阳区建国路88号']],
    ['an estate, building, unit and flat', '住阳光花园5栋1单元302吗', ['address:住阳光花园5栋1单元302']],
    ['nothing in a masked number', '尾号138****5678', []],
    ['nothing in a 19-digit order number', '订单号3512345678901234567', []],
    ['nothing in a tracking number after letters', '单号SF1402345678901', []],
    ['nothing in a 400 hotline', '热线400-820-8820', []],
    ['nothing in a date', '预计11月13号送达', []],
    ['nothing in an 18-digit number with a wrong check digit', '编号110105194912310021', []],
  ])('finds %s', (_, text, expected) => {
    expect(scanPrivacy(text).map((m) => `${m.kind}:${text.slice(m.start, m.end)}`)).toEqual(expected);
  });

  it('validates ID numbers by birth date and check digit', () => {
    expect(isIdNumber('11010519491231002X')).toBe(true);
    expect(isIdNumber('11010519490231002X')).toBe(false); // 31 February
    expect(isIdNumber('910105194912310020')).toBe(false); // no region 9
  });
});

describe('findBanned', () => {
  it.each([
    ['a forbidden promise', '亲，我保证明天就能到！', ['promise:保证']],
    ['an absolute claim and a promise', '绝对正品，假一赔十', ['promise:绝对', 'promise:假一赔十']],
    ['overlapping words of one category as one hit', '这是全网最低价', ['promise:全网最低价']],
    ['touching words of one category as one hit', '您加我V信', ['off_platform:加我V信']],
    ['a rude phrase', '详情页有尺码表，自己看', ['rude:自己看']],
    ['an evasive spelling split by a space', '微 信联系', ['off_platform:微 信']],
    [
      'the off-platform invitation and the phone it leaks',
      '加我微信吧，手机号13912345678',
      ['off_platform:加我微信', 'privacy:13912345678'],
    ],
    ['nothing in whitelisted 保证金', '我们缴纳了保证金', []],
    ['nothing in whitelisted 一定程度', '会有一定程度的缩水', []],
    ['nothing in whitelisted 100%纯棉', '这款是100%纯棉的', []],
    ['nothing in a refusal to trade off-platform', '平台规定不能私下交易哦', []],
    ['nothing in 靠谱 or 滚筒', '很靠谱，滚筒洗衣机也能洗', []],
    ['nothing in 包邮 or 第一时间', '全场包邮，第一时间发货', []],
    ['no privacy hit in the shop’s own return address', '退货地址：广州市白云区机场路1200号', []],
  ])('finds %s', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reports positions that point at the words', () => {
    const text = '亲，绝对不会起球';
    const [hit] = findBanned(text, shipped);
    expect(text.slice(hit.start, hit.end)).toBe(hit.text);
    expect(hit).toMatchObject({ category: 'promise', start: 2, source: 'lexicon' });
  });

  it('counts hits per category', () => {
    const hits = findBanned('保证正品，加我vx，自己看，电话13912345678', shipped);
    expect(countByCategory(hits)).toEqual({ rude: 1, promise: 1, privacy: 1, off_platform: 1 });
  });

  it('uses words a manager added and a whitelist entry that switches a shipped word off', () => {
    const lexicon: BannedLexicon = mergeLexicons({
      banned: { rude: ['你自己琢磨'] },
      whitelist: ['肯定'],
    }).banned;
    const matcher = compileBanned(lexicon);
    expect(found('你自己琢磨吧', matcher)).toEqual(['rude:你自己琢磨']);
    expect(found('肯定能到', matcher)).toEqual([]);
    expect(found('肯定能到')).toEqual(['promise:肯定']);
  });
});

describe('mergeLexicons', () => {
  it('appends trimmed new words without duplicates and keeps the shipped ones', () => {
    const merged = mergeLexicons({ banned: { promise: [' 保证 ', '稳挣', '', '稳挣'] } });
    const promise = merged.banned.words.promise;
    expect(promise.filter((w) => w === '保证')).toHaveLength(1);
    expect(promise.at(-1)).toBe('稳挣');
    expect(promise.length).toBe(SHIPPED_LEXICONS.banned.words.promise.length + 1);
  });

  it('lets a manager override a degree weight and refuses a non-positive one', () => {
    expect(mergeLexicons({ sentiment: { degree: { 有点: 0.8 } } }).sentiment.degree['有点']).toBe(0.8);
    expect(() => mergeLexicons({ sentiment: { degree: { 有点: 0 } } })).toThrow(RangeError);
  });
});
