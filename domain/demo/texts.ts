/**
 * Chinese template pools for demo conversations (SPEC SVC-1 greeting templates), with
 * `{slot}` placeholders filled per conversation. Agent lines come in three registers — kind,
 * plain and curt — chosen by the agent's warmth, so wording (and later sentiment and QA
 * results) really differs between agents.
 */
import type { Slots } from './catalogue.ts';
import type { Rng } from './random.ts';
import type { ConversationCategory } from './records.ts';

export type Register = 'kind' | 'plain' | 'curt';

/** A customer line and the ways an agent answers it. */
export interface Exchange {
  ask: readonly string[];
  kind: readonly string[];
  plain: readonly string[];
  curt: readonly string[];
}

/** One thing a customer asks about; the bot tries it first when it answers. */
export interface Topic extends Exchange {
  bot: string;
}

export const TOPICS: Record<ConversationCategory, readonly Topic[]> = {
  presale: [
    {
      ask: [
        '这件{product}{height}/{weight}kg穿什么码？',
        '我身高{height}，体重{jin}斤，{product}拿什么码合适？',
        '平时穿{otherSize}码，这款{product}偏大还是偏小？',
      ],
      kind: [
        '亲，根据您的身高体重，建议您选{size}码哦，版型是正常偏宽松的，穿着会很舒服~',
        '亲亲，{height}/{weight}kg的话推荐{size}码，喜欢宽松一点可以拿大一码哦~',
      ],
      plain: ['建议{size}码。', '可以拿{size}码，正常尺码。'],
      curt: ['详情页有尺码表，自己看', '{size}吧'],
      bot: '亲，您可以在商品详情页查看尺码表，输入身高体重还能获取智能尺码推荐哦~',
    },
    {
      ask: ['{product}{color}还有货吗？', '{color}的{size}码什么时候补货？', '{product}还有{size}码吗'],
      kind: [
        '亲，{color}{size}码目前有现货的哦，今天下单今天就能发出~',
        '亲，{color}这款很受欢迎，{size}码预计{days}天内补货，您可以先收藏加购，到货第一时间提醒您~',
      ],
      plain: ['有货的。', '预计{days}天补货。'],
      curt: ['没货了', '页面上显示什么就是什么'],
      bot: '亲，页面可选的颜色尺码都是有现货的哦~',
    },
    {
      ask: ['什么时候发货？', '今天下单今天能发吗？', '发什么快递？能发顺丰吗？'],
      kind: [
        '亲，16点前付款当天发货哦，默认{express}，一般2-3天就能到您手上呢~',
        '亲，可以的，补一下邮费差价就能发顺丰，我帮您备注好~',
      ],
      plain: ['48小时内发货，默认{express}。', '16点前付款当天发。'],
      curt: ['48小时内发', '不能指定快递'],
      bot: '亲，本店付款后48小时内发货，默认{express}快递哦~',
    },
    {
      ask: ['能便宜点吗？', '有优惠券吗？', '现在买有赠品吗？', '双十一会更便宜吗？'],
      kind: [
        '亲，现在店铺有满299减30的券，您领一下再下单会更划算哦~',
        '亲，这已经是活动价啦，现在下单还送运费险，收到不合适退换都很方便的~',
      ],
      plain: ['可以领店铺券，满299减30。', '现在是活动价。'],
      curt: ['不议价', '没有优惠'],
      bot: '亲，当前店铺优惠券可在商品页领取，满299减30哦~',
    },
    {
      ask: ['{product}是什么面料的？会起球吗？', '这个{product}掉色吗？', '洗了会缩水吗？'],
      kind: [
        '亲，这款{product}是{material}的，亲肤透气，按洗标手洗或者轻柔机洗就不容易起球哦~',
        '亲，首次洗涤建议冷水单独手洗，正常穿着是不会明显掉色缩水的，您放心~',
      ],
      plain: ['面料是{material}，建议手洗。', '建议冷水手洗。'],
      curt: ['看详情页', '自己看详情页'],
      bot: '亲，面料成分和洗涤说明在详情页最下方哦~',
    },
  ],
  consult: [
    {
      ask: ['快递到哪了？订单号{order}', '我的快递怎么还没到？', '物流好几天没更新了，单号{order}'],
      kind: [
        '亲，帮您查了一下，包裹已经到{city}转运中心了，预计{days}天内送达，请您再耐心等一下哦~',
        '亲，让您久等了，物流显示正在派送中，今天就能收到啦~',
      ],
      plain: ['已经到{city}了，预计{days}天送达。', '在派送中。'],
      curt: ['自己看物流', '快递的事找快递'],
      bot: '亲，您可以在“我的订单”里查看实时物流哦~',
    },
    {
      ask: ['可以开发票吗？', '发票怎么开？要公司抬头的'],
      kind: ['亲，可以的哦，确认收货后在订单详情里点“申请开票”，电子发票会发到您的邮箱~'],
      plain: ['确认收货后在订单页申请开票。'],
      curt: ['订单页自己申请'],
      bot: '亲，确认收货后可在订单详情申请电子发票哦~',
    },
    {
      ask: ['地址填错了，能改吗？', '我想改一下收货地址，改成{address}'],
      kind: [
        '亲，还没发货是可以修改的，我这边已经帮您备注好新地址了，请放心~',
        '亲，您把新地址发给我，我马上帮您修改哦~',
      ],
      plain: ['未发货可以改，已备注。'],
      curt: ['发货了改不了'],
      bot: '亲，未发货的订单可以在订单详情中修改地址哦~',
    },
    {
      ask: ['会员积分怎么用？', '怎么领优惠券？', '生日有优惠吗？'],
      kind: ['亲，会员积分下单时可以直接抵扣现金哦，100积分抵1元，首页“会员中心”还能领专属券~'],
      plain: ['积分下单时可抵扣，100积分抵1元。'],
      curt: ['会员中心自己看'],
      bot: '亲，积分和优惠券都可以在“会员中心”查看哦~',
    },
  ],
  after_sales: [
    {
      ask: ['七天无理由退货怎么操作？', '衣服不合适，想退货', '想换个{otherSize}码的，怎么换？'],
      kind: [
        '亲，在订单页面点“申请售后”，选择七天无理由退货，寄回时运费险会自动理赔哦，收到退货后我们会尽快为您退款~',
        '亲，退货步骤如下：\n1. 订单页点"申请售后"\n2. 选择七天无理由退货\n3. 寄回后填写快递单号，运费险自动理赔~',
        '亲，可以换的，您申请换货后寄回，我们收到后马上给您发{otherSize}码~',
      ],
      plain: ['订单页申请退货，填写快递单号即可。', '申请换货后寄回即可。'],
      curt: ['自己在订单里申请', '按流程来'],
      bot: '亲，在订单详情点击“申请售后”即可办理退换货哦~',
    },
    {
      ask: ['退款怎么还没到账？订单号{order}', '我退货寄回去好几天了，什么时候退款？'],
      kind: ['亲，非常抱歉让您久等了，我查了一下仓库已经签收您的退件，今天会为您处理退款，1-3个工作日原路退回~'],
      plain: ['仓库已签收，1-3个工作日退款。'],
      curt: ['等着吧', '在处理了'],
      bot: '亲，仓库签收退件后1-3个工作日内退款哦~',
    },
    {
      ask: ['少发了一件，订单号{order}', '收到的颜色不对，我买的是{color}'],
      kind: ['亲，非常抱歉给您带来不便，麻烦您拍一下包裹和商品的照片，我马上帮您核实并安排补发~'],
      plain: ['请拍照发一下，核实后补发。'],
      curt: ['拍照'],
      bot: '亲，请上传商品和包裹照片，客服核实后为您处理哦~',
    },
  ],
  complaint: [
    {
      ask: ['收到的衣服有破洞，太失望了', '{product}穿了一次就起球了，什么质量啊', '衣服有很大的异味，怎么回事？'],
      kind: [
        '亲，真的非常抱歉给您带来这么不好的体验！麻烦您拍几张照片，我马上为您申请退换，来回运费都由我们承担~',
        '亲，非常抱歉，这是我们的问题，我这边给您补偿{coupon}元无门槛券，同时为您办理退货退款，您看可以吗？',
      ],
      plain: ['请提供照片，我们核实后处理。', '可以退货，请提供照片。'],
      curt: ['穿过了不能退', '这是正常现象'],
      bot: '亲，很抱歉给您带来不便，请上传照片，我们会尽快处理~',
    },
    {
      ask: [
        '说好48小时发货，5天了还没发！订单号{order}',
        '快递一直不动，你们到底发没发？',
        '我要投诉，订单{order}到现在还没发货',
      ],
      kind: ['亲，非常抱歉让您久等了，我已经联系仓库加急处理，今天之内给您答复，同时为您申请{coupon}元补偿~'],
      plain: ['已催仓库，请再等一下。'],
      curt: ['快递慢不是我们的问题', '等着'],
      bot: '亲，很抱歉，已为您记录催发货需求~',
    },
    {
      ask: ['上一个客服态度太差了', '你们客服都不回消息的吗？', '同一个问题问了三遍了还没解决'],
      kind: ['亲，非常抱歉给您带来不好的感受，您的问题接下来由我全程跟进，一定给您一个满意的答复~'],
      plain: ['抱歉，我来帮您处理。'],
      curt: ['我不知道之前的情况'],
      bot: '亲，很抱歉给您带来不好的体验，正在为您转接~',
    },
  ],
};

export const CUSTOMER_HELLO = ['在吗', '在吗？', '你好', '有人吗', '亲', '您好，想咨询一下'];
export const AGENT_HELLO: Record<Register, readonly string[]> = {
  kind: [
    '亲，在的哦~ 很高兴为您服务，请问有什么可以帮您？',
    '您好，欢迎光临{shop}，很高兴为您服务~',
    '亲亲您好，我是您的专属客服，请问有什么可以帮到您呢？',
  ],
  plain: ['您好，请问有什么可以帮您？', '在的，您说。'],
  curt: ['在', '说'],
};
/** Short follow-up exchanges after an answer. */
export const FOLLOW_UPS: readonly Exchange[] = [
  {
    ask: ['那大概要多久？', '大概几天能到？'],
    kind: ['亲，一般2-3天就能到哦，请您耐心等待~'],
    plain: ['一般2-3天。'],
    curt: ['不知道'],
  },
  { ask: ['确定吗？', '真的吗？'], kind: ['是的亲，您放心哦~'], plain: ['是的。'], curt: ['说了很多遍了'] },
  {
    ask: ['可以快一点吗？', '能帮我催一下吗？'],
    kind: ['亲，我已经帮您备注加急了，有进展第一时间通知您~'],
    plain: ['已备注加急。'],
    curt: ['催不了'],
  },
  {
    ask: ['好的', '嗯嗯', '好的，那我等一下', 'ok, 谢谢'],
    kind: ['好的亲，还有其他问题随时找我哦~'],
    plain: ['好的。'],
    curt: ['嗯'],
  },
  {
    ask: ['还有别的办法吗？'],
    kind: ['亲，您也可以直接申请售后，我这边会帮您优先处理的~'],
    plain: ['可以申请售后。'],
    curt: ['没有'],
  },
];
/** What an agent says after a customer got upset. */
export const AGENT_CALM: Record<Register, readonly string[]> = {
  kind: ['亲，非常抱歉，刚才是我没说清楚，我马上帮您处理~'],
  plain: ['抱歉，请问还有什么问题？'],
  curt: ['规定就是这样', '你爱买不买'],
};
export const AGENT_ANYTHING_ELSE = ['亲，还有其他可以帮您的吗？', '亲亲还有别的问题吗？随时找我哦~'];
export const CUSTOMER_UPSET = ['你这什么态度？', '问一下都不行吗', '服务太差了', '我要投诉你'];
export const CUSTOMER_THANKS = [
  '谢谢亲～',
  '好的谢谢',
  '谢谢，辛苦了',
  '好的，麻烦了',
  '好的，那我拍了',
  '明白了，谢谢',
];
export const CUSTOMER_UNHAPPY_END = [
  '算了，我去申请平台介入',
  '那我等你们消息吧',
  '还是没解决',
  '行吧',
  '再不处理我就给差评了',
];
export const AGENT_BYE: Record<Register, readonly string[]> = {
  kind: ['不客气呢亲，祝您生活愉快，有问题随时找我哦~', '好的亲，感谢您的支持，期待您再次光临~'],
  plain: ['不客气。', '好的。'],
  curt: ['嗯', '没别的事我先忙了'],
};
export const CUSTOMER_CHASE = ['在吗？？', '人呢？', '有人回复一下吗', '怎么不说话了'];
export const AUTO_REPLIES = [
  '您好，欢迎光临{shop}，客服稍后回复您~',
  '亲，您的消息已收到，客服正在快马加鞭赶来，请稍等哦~',
  '【自动回复】当前咨询人数较多，请您稍等片刻~',
];
export const BOT_HELLO = '您好，我是智能助手小云，请问您想咨询：1.发货时间 2.尺码推荐 3.退换货 4.物流查询';
export const BOT_NIGHT = '亲，现在是非工作时间（客服在线时间08:00-23:00），您可以先留言，客服上班后会第一时间回复您~';
export const CUSTOMER_WANTS_HUMAN = ['转人工', '人工客服', '我要找人工', '机器人听不懂，转人工'];
export const AGENT_BEFORE_TRANSFER = ['亲，这个问题我帮您转给专门负责的同事，请稍等哦~', '稍等，帮您转接专员处理'];
export const SYSTEM_HANDOFF = '已为您转接人工客服';
export const SYSTEM_TRANSFER = '会话已转接给其他客服';
export const SYSTEM_CLOSE = '会话已结束';
export const AGENT_MORNING = ['亲，早上好，看到您的留言了，', '亲，让您久等了，'];

/** Promises an agent may not make and advertising-law words (SPEC QA-3) — rare on purpose. */
export const FORBIDDEN_PROMISES = [
  '亲，我保证明天就能到！',
  '绝对正品，假一赔十',
  '放心，绝对不会起球的',
  '这是全网最低价，保证没有更便宜的了',
  '100%不会褪色，我保证',
];
/** An agent leaking a private phone number (SPEC NF-2, QA-3) — very rare on purpose. */
export const AGENT_PHONE_LEAK = ['有问题直接打我电话{phone}', '加我微信吧，手机号{phone}'];
export const CUSTOMER_PHONE = ['我电话{phone}，到了让快递打我', '联系电话{phone}，地址{address}'];

/** Customer rating comments by CSAT score (index 0 = 1 star). */
export const COMMENTS: readonly (readonly string[])[] = [
  ['态度太差了', '一直没人回复', '敷衍，再也不买了', '问题根本没解决'],
  ['回复太慢了', '问题没解决', '答非所问'],
  ['一般吧', '回复有点慢', '问题解决了但是等了好久'],
  ['还不错', '回复挺及时的', '整体满意'],
  ['很满意，回复很快', '客服小姐姐很耐心，点赞', '服务特别好，问题都解决了', '态度很好，推荐的尺码很合适'],
];

/** Replaces `{slot}` placeholders with the conversation's values. */
export function fill(template: string, slots: Slots): string {
  return template.indexOf('{') < 0 ? template : template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? '');
}

/** The register of one agent line: warm agents are kind, cold ones often curt. */
export function register(rng: Rng, warmth: number): Register {
  const r = rng.next();
  if (r < warmth) return 'kind';
  return r < 1 - (1 - warmth) ** 2 * 0.4 ? 'plain' : 'curt';
}
