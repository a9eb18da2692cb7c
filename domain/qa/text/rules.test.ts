import { describe, expect, it } from 'vitest';
import { SHIPPED_LEXICONS, compileBanned, findBanned } from './index.ts';
import { replaceStandIns } from './stand-ins.ts';

const shipped = compileBanned(SHIPPED_LEXICONS.banned);
const found = (text: string) => findBanned(text, shipped).map((h) => `${h.category}:${h.text}`);

describe('rule classes added for generalisation', () => {
  it.each([
    // 爱A不A and its spellings
    ['爱A不A', '爱买不买', ['rude:爱买不买']],
    ['爱A8A', '爱买8买', ['rude:爱买8买']],
    ['爱A就A', '你爱退就退', ['rude:爱退就退']],
    ['爱AA with a two-character A', '爱咋样咋样吧', ['rude:爱咋样咋样']],
    // symbols standing in for a channel's name
    ['🐧 for QQ before a number', '🐧 号码：8866771', ['off_platform:🐧 号']],
    ['a heart after 薇', '加一下薇❤，拉你进群', ['off_platform:薇❤']],
    ['🐟 for 闲鱼', '闲🐟上挂了一件', ['off_platform:闲🐟']],
    ['✌ for v', '加我的✌信呀', ['off_platform:加我的✌信']],
    // numbers and addresses
    ['a landline with its area code in parentheses', '座机 (021)54321098', ['privacy:021)54321098']],
    ['a mobile number after 0086', '电话：0086-138-6677-8899', ['privacy:0086-138-6677-8899']],
    ['an address written in English', 'Room 1502, No. 8 Guanghua Road', ['privacy:Room 1502, No. 8 Guanghua Road']],
    ['an address spaced around a block letter', '家具城二期 B 区 12 栋', ['privacy:具城二期 B 区 12 栋']],
    [
      'the customer’s company address',
      '您的公司地址是杭州市滨江区网商路699号吧',
      ['privacy:是杭州市滨江区网商路699号'],
    ],
    // families of phrases
    ['blame-shifting with 跟…没有任何关系', '是快递摔的，跟我们店没有任何关系', ['rude:跟我们店没有任何关系']],
    ['不会X就别X', '不会用就别用', ['rude:不会用就别用']],
    ['a price guarantee with 不可能…便宜', '别家不可能比我们便宜', ['promise:别家不可能比我们便宜']],
    ['personal payment of the shipping cost', '运费我自己出', ['promise:运费我自己出']],
    ['two words of a category close together are one hit', '加我的V信', ['off_platform:加我的V信']],
    ['不是 does not cancel a conditional compensation', '不是正品我赔你十倍', ['promise:我赔你十倍']],
  ])('finds %s', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a quoted slogan on the packaging', '包装上写着"永不褪色"，暴晒还是会褪色一点'],
    ['a quoted absolute word that is no claim', '质检报告上没有“国家级”这种说法'],
    ['a promise word in an A-not-A question', '以后会不会降价我也说不准'],
    ['a negated advertising claim', '我们不是全网最低价，但是售后有保障'],
    ['WeChat as a product feature', '这款手机支持微信双开'],
    ['a mini-program as a product feature', '这款门锁支持微信小程序开锁'],
    ['a model number', '这款充电器型号是VX-65W'],
    ['a fraud warning before the word', '如果有人冒充我们要求线下交易，请举报'],
    ['a polite question with 不知道', '不知道这样处理您是否满意呢？'],
    ['不知道 with an offer to help', '这个我确实不知道，我帮您问一下技术同事'],
    ['blame under a condition', '如果核实下来不是我们的问题，运费需要您承担哦'],
    ['innocent compounds with 滚 and 没空', '滚珠香水，没空调的房间也能用'],
    ['advice with 保证', '退换货请保证吊牌完好'],
    ['爱 in ordinary words', '宝宝很爱妈妈，可爱的小熊'],
    ['a bag, not a promise', '这个包您背着很好看'],
  ])('does not flag %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });

  it('rewrites stand-in symbols in the same number of code units', () => {
    for (const text of ['🐧 号码', '💚泡泡', '🛰️ 搜', '闲🐟', '✌信', '薇❤', '微❤信', '好看❤']) {
      expect(replaceStandIns(text)).toHaveLength(text.length);
    }
    expect(replaceStandIns('薇❤')).toBe('薇信');
    expect(replaceStandIns('微❤信')).toBe('微❤信');
    expect(replaceStandIns('好看❤')).toBe('好看❤');
  });
});
