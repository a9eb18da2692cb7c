import { describe, expect, it } from 'vitest';
import { SHIPPED_LEXICONS, compileBanned, compileSentiment, findBanned, scoreSentiment } from './index.ts';
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
    // 拉你进群 is part of the same invitation since round two (one off-platform hit per sentence)
    ['a heart after 薇', '加一下薇❤，拉你进群', ['off_platform:薇❤，拉你进群']],
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

describe('rule classes added in the second generalisation round', () => {
  it.each([
    // colloquial assurances and 必 + result
    ['妥妥的', '按这个尺码拍妥妥的', ['promise:妥妥的']],
    ['闭眼入', '这款可以闭眼入', ['promise:闭眼入']],
    ['管保', '管保用五年', ['promise:管保']],
    ['一准 + verb', '这个一准合适', ['promise:一准合适']],
    ['必 + result', '今年必爆', ['promise:必爆']],
    // efficacy and advertising-law superlatives
    ['a cure claim', '这个药膏能根治湿疹', ['promise:根治']],
    ['一流 claims', '品质一流', ['promise:品质一流']],
    ['独家', '这是独家配方', ['promise:独家配方']],
    ['a first of its kind', '国内首款这种设计', ['promise:国内首款']],
    ['X第一', '这款好评第一', ['promise:好评第一']],
    ['业内最 + adjective', '做工是业内最精细的', ['promise:业内最']],
    ['最 + claim adjective', '这是最先进的技术', ['promise:最先进']],
    // price guarantees and personal compensation
    ['只会涨', '这个价以后只会涨', ['promise:只会涨']],
    ['找不出…更低', '您找不出比这更便宜的', ['promise:找不出比这更便宜']],
    ['price-drop compensation', '降价了我给您补', ['promise:降价了我给您补']],
    ['personal payment', '我私人赔您', ['promise:我私人赔您']],
    ['liability taken on', '出了事算我的', ['promise:算我的']],
    // rude: A什么A, mocking, cold replies
    ['A什么A', '急什么急', ['rude:急什么急']],
    ['mocking the customer’s schooling', '你小学没毕业吧', ['rude:小学没毕业']],
    ['还好意思', '用坏了还好意思来退', ['rude:还好意思']],
    ['blame sent elsewhere', '有意见问平台去', ['rude:问平台去']],
    ['a cold bare reply', '不晓得。', ['rude:不晓得']],
    ['a cold reply after an interjection', '嗯…所以呢？', ['rude:所以呢']],
    ['不想等就别…', '不想等就别拍', ['rude:不想等就别拍']],
    // off-platform: stand-ins, private payment, other shops, one invitation per sentence
    ['🟢💬 for 绿泡泡', '加我🟢💬', ['off_platform:加我🟢💬']],
    ['enclosed letters for vx', '加🆅🆇', ['off_platform:加🆅🆇']],
    ['有微 as a question', '亲有微不', ['off_platform:有微不']],
    ['cash to the installer', '尾款给师傅现金', ['off_platform:给师傅现金']],
    ['a company account', '打到对公账户', ['off_platform:对公账户']],
    ['the shop on another platform', '去我们拼多多店拍', ['off_platform:去我们拼多多店拍']],
    ['channel and call in one sentence are one hit', '我的vx：abc_123，加我', ['off_platform:vx：abc_123，加我']],
  ])('finds %s', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a promise word named as a word', '包退包换这种话我们不能随便说'],
    ['an advertising word named as a word', '最佳这个词广告法不让用'],
    ['一定 with a physical quantity', '需要一定温度才能发酵'],
    ['绝对 in a technical term', '这是绝对压力传感器'],
    ['a composition stated as a content', '羊毛含量是100%'],
    ['a bare 哦 (an acknowledgement as often as a cold reply)', '哦'],
    ['不知道 in a longer polite reply', '不知道呢，我帮您问问'],
    ['a count of buildings', '我们小区一共3栋楼'],
    ['sharing to WeChat for family to see', '可以分享到微信给家人看看'],
    ['a traceability check in the brand’s mini-program', '追溯码可以在官方小程序查'],
    ['a refusal with 不做', '我们不做私下交易'],
    ['QQ sweets', '送您一包QQ糖'],
    ['标准 / 保管 around 准保 / 管保', '请妥善保管保修卡，标准保修一年'],
  ])('does not flag %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('sentiment classes added in the second generalisation round', () => {
  const sentiment = compileSentiment(SHIPPED_LEXICONS.sentiment);
  const negative = (text: string) => scoreSentiment(text, sentiment).label === 'negative';
  it.each([
    ['internet slang', '这质量也太拉了'],
    ['giving up on the shop', '下次不来了'],
    ['a broken promise', '之前说好的包安装，现在又要钱'],
    ['an ignored instruction', '说了不要放驿站，还是放了驿站'],
    ['damage in plain words', '盘子有个缺口'],
    ['embarrassment', '送人的礼物，太尴尬了'],
    ['a 再不… threat', '再不处理我就投诉'],
    ['a long delivery', '一个包裹走了半个月'],
    ['saying it again', '我都说了三遍了'],
    ['a rhetorical 你们是怎么…的', '你们是怎么检查的'],
    ['the wrong item sent', '我买的是黑色，你们发的是白色'],
  ])('reads %s as negative', (_, text) => {
    expect(negative(text)).toBe(true);
  });

  it.each([
    ['another buyer’s review asked about', '我看有差评说会掉毛，是真的吗'],
    ['one’s own mistake', '不好意思，发错图了'],
    ['a flaw that does not matter', '虽然有个小划痕，但不影响使用'],
    ['value for money', '有点贵，不过一分钱一分货'],
  ])('does not read %s as negative', (_, text) => {
    expect(negative(text)).toBe(false);
  });
});
