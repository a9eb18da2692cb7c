import { describe, expect, it } from 'vitest';
import { SHIPPED_LEXICONS, compileSentiment, estimateWords, mergeLexicons, scoreSentiment } from './index.ts';

const matcher = compileSentiment(SHIPPED_LEXICONS.sentiment);
const score = (text: string) => scoreSentiment(text, matcher);

describe('scoreSentiment', () => {
  it.each([
    ['不满意', 'negative', -1],
    ['太慢了', 'negative', -2],
    ['非常失望', 'negative', -2],
    ['不错', 'positive', 1],
    ['不是很满意', 'negative', -0.75],
    ['很满意', 'positive', 1.5],
    ['有点失望', 'negative', -0.6],
    ['不贵', 'positive', 0.5],
    ['一点都不起球', 'positive', 0.5],
    ['没问题', 'positive', 1],
  ])('scores %s as %s (%d)', (text, label, value) => {
    const s = score(text);
    expect(s.label).toBe(label);
    expect(s.score).toBeCloseTo(value);
  });

  it.each([
    ['a politeness formula that contains 不好', '不好意思，我想改个地址'],
    ['a question about a possible defect', '洗了会缩水吗？'],
    ['a yes/no question about a defect', '这个外套掉色吗？'],
    ['an A-not-A question', '冬天穿够不够暖和？'],
    ['快递, which contains 快', '快递到哪了'],
    ['a polite 麻烦 request', '拍好了，麻烦尽快发货'],
  ])('finds no negative sentiment in %s', (_, text) => {
    expect(score(text).label).not.toBe('negative');
  });

  it('keeps a rhetorical question negative', () => {
    expect(score('你们客服都不回消息的吗？').label).toBe('negative');
  });

  it('halves what comes before a contrast word', () => {
    expect(score('衣服不错，就是发货太慢了').score).toBeCloseTo(0.5 - 2);
    expect(score('物流虽然慢了点，但是衣服很好看').label).toBe('positive');
  });

  it('only lets a negation reach a few characters', () => {
    expect(score('从来没见过这么慢的').label).toBe('negative');
  });

  it('treats doubled question marks as impatience', () => {
    expect(score('在吗？？').label).toBe('negative');
    expect(score('在吗？').label).toBe('neutral');
  });

  it('reports the terms and counts the negative ones', () => {
    const s = score('质量太差了，还很慢，不过客服很耐心');
    expect(s.negativeWords).toBe(2);
    expect(s.terms.map((t) => '质量太差了，还很慢，不过客服很耐心'.slice(t.start, t.end))).toEqual([
      '差',
      '慢',
      '耐心',
    ]);
  });

  it('counts an expected event as negative right after 没/未/无', () => {
    expect(score('还没发货').score).toBeCloseTo(-1);
    expect(score('一直没人回复').score).toBeCloseTo(-1.5);
    expect(score('还没给我退款').label).toBe('negative');
    expect(score('未收到货').label).toBe('negative');
    // no negation, a status question, a condition, a pending request
    for (const text of ['什么时候发货？', '还没发货吗？', '还没发货的话能改地址吗', '趁还没发货，帮我加一件'])
      expect(score(text).label).toBe('neutral');
    expect(score('还没收到货，帮我查一下').label).toBe('neutral');
    expect(score('一直没收到，帮我查一下').label).toBe('negative');
  });

  it('keeps strong words negative in questions and conditions', () => {
    expect(score('可以投诉吗').label).toBe('negative');
    expect(score('要是今天还不发货我就投诉').label).toBe('negative');
    expect(score('这个会起球吗？').label).toBe('neutral');
    expect(score('如果有问题可以退吗').label).toBe('neutral');
  });

  it('lets the clause after a contrast word set the label', () => {
    expect(score('衣服很好看很喜欢，就是有点色差').label).toBe('negative');
    expect(score('虽然贵了点，但是质量真的好').label).toBe('positive');
    expect(score('快递有点慢，不过没关系').label).toBe('positive');
  });

  it('drops thanks from a complaint and reads quoted praise as sarcasm', () => {
    expect(score('谢谢').label).toBe('positive');
    expect(score('谢谢你们啊，让我等了一个星期').label).toBe('negative');
    expect(score('感谢你们的“贴心”服务').label).toBe('negative');
    expect(score('真是“好”服务').label).toBe('negative');
    expect(score('这也叫正品？').label).toBe('negative');
  });

  it('reads A-not-A questions, 都没 after a word, requests with 别 and ties', () => {
    expect(score('耐不耐脏').label).toBe('neutral');
    expect(score('这个对不对啊').label).toBe('neutral');
    expect(score('一点诚意都没有').label).toBe('negative');
    expect(score('一点色差都没有').label).toBe('positive');
    expect(score('别压坏了哦').label).toBe('neutral');
    expect(score('别敷衍我').label).toBe('negative');
    expect(score('抖音上看着挺好，实物差太多').label).toBe('negative');
  });

  it('weighs negative words more with ！！', () => {
    expect(score('太慢了！！').score).toBeCloseTo(-3);
    expect(score('谢谢！！').label).toBe('positive');
  });

  it('uses words a manager added', () => {
    const custom = compileSentiment(mergeLexicons({ sentiment: { negative: ['拉跨'] } }).sentiment);
    expect(scoreSentiment('这衣服真拉跨', custom).label).toBe('negative');
    const events = compileSentiment(mergeLexicons({ sentiment: { events: ['开票'] } }).sentiment);
    expect(scoreSentiment('还没开票', events).label).toBe('negative');
    expect(scoreSentiment('还没开票', matcher).label).toBe('neutral');
  });
});

// Labelled by hand from how customers write on Taobao, JD, Pinduoduo and Douyin (see the labelling
// rules in ../testset/README.md): complaints, insults, sarcasm, impatience, defects, threats.
const NEGATIVE = `垃圾东西|你们太坑了|骗子店铺|无语了|我真的服了|气死我了|醉了醉了|这什么玩意|给差评|我要投诉你们|退钱！|再也不买了
等了三天还没到|一直没人回|你们到底管不管？|这就是你们的服务？|有没有人啊|呵呵|少发了一件|发错了|杯子碎了|瓶子漏了|牛奶过期了
洗了一次就掉色|退款还没到账|我要打12315|投诉到平台|找律师起诉你们|？？？|😡|🙄|[怒]|不是很满意|下单三天了还没发货|物流三天没更新了
快递显示签收了我没收到|客服一直不回消息|充不进电|这个质量真不行|再不处理我就给差评了|能不能靠谱点|你们客服是干什么吃的
有这样做生意的吗|你们是不是骗子|退款被拒绝了，凭什么|价格刚买就降价了|机器人听不懂，转人工|都一个星期了还没到|快点行不行
明明买的是黑色，发来的是白色|店大欺客|就这？|有没有搞错|你们也太慢了吧|真的无语😓|东西收到了，但是少了一个配件|买了个寂寞
已经三天了，物流一点动静都没有|说了半天等于没说|你们还想不想做了|这都第几次了|鞋码偏小，穿不进去，而且味道很重|衣服有个洞
说好给我补偿的呢|我等了一上午了|你们可真会做生意|你们不是说今天发货吗|售后电话打不通|给个合理的解释|电话里态度很凶，还挂我电话
我买的是64G，发来的是32G|客服爱理不理的|你们的售后就是摆设|一颗星都不想给|面霜用了脸上起疹子|约好今天上门，人没来也没个电话
申请了退款被驳回了三次|莫名其妙就给我取消订单了|仅退款都不给通过|包裹在中转站躺了五天了|找你们客服比登天还难|整个过程让我非常不愉快`;

// Not negative: questions and requests, status questions without impatience, thanks and praise,
// negated negatives, politeness, resigned acceptance, and traps for single characters (垃圾袋, 发红包).
const NOT_NEGATIVE = `什么时候发货？|可以开发票吗？|好的，谢谢亲|辛苦了|不差|还不错|没问题|洗了会缩水吗|有没有色差？|我还没发货的订单可以取消吗
我退货寄回去好几天了，什么时候退款？|不合适，想退货|好吧|那算了，我再看看|一般般|在吗|有人回复一下吗|不好意思，我想改个地址
完全没有异味|一点都不慢|能便宜点吗|要是坏了怎么办|不会给差评的，放心|实在不行就退货吧|赔不赔运费|有问题再找你|垃圾袋很好用
烟雾报警器怎么安装|至少要买几件|刚收到，还没用，用了再来评价|还没收到，收到再评价|帮我备注一下别发错了|不要发错颜色|太好看了！！！
收到啦😊|没想到这么快就到了|给他妈妈买的生日礼物|去死皮的效果怎么样|丑橘甜不甜|真的假的，这么便宜|没看到尺码表|我没发现这个问题
那我等你们消息吧|还没到，我再等等吧|一直没问题，这次再买两件|洞洞鞋有大码吗|这款夏天穿很透气|我还没开封，可以退吗|我是过敏肌，能用吗
跟家人说好了，就买这个|可以发红包吗|这个快递盒子能不能用旧的，环保|东西是好东西，就是价格有点小贵，不过还能接受|还没付款，想问一下能不能包邮
辛苦了，快递慢点也没关系|之前有点小问题，客服很快就解决了，很满意`;

const cases = (list: string) => list.split(/[|\n]/);

describe('scoreSentiment on hand-labelled customer messages', () => {
  it.each(cases(NEGATIVE))('%s is negative', (text) => {
    expect(score(text).label).toBe('negative');
  });
  it.each(cases(NOT_NEGATIVE))('%s is not negative', (text) => {
    expect(score(text).label).not.toBe('negative');
  });
});

describe('estimateWords', () => {
  it.each([
    ['', 0],
    ['？？', 1],
    ['不满意', 2],
    ['你好，我想问一下这件衣服', 7],
    ['ok 谢谢', 2],
    ['订单号 123456 已发货', 5],
  ])('estimates %s as %d words', (text, words) => {
    expect(estimateWords(text)).toBe(words);
  });

  it('follows the characters-per-word setting', () => {
    expect(estimateWords('一二三四五六', 2)).toBe(3);
  });
});
