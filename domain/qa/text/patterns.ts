/**
 * Banned expressions that are shapes rather than words (SPEC QA-3): a word list cannot hold every
 * "一个不甜我赔十个" or "退你个头", but the shape — a personal compensation, a pledge with a penalty,
 * a never-claim, a price that will never come back, a blame laid on the customer, money or an order
 * moved off the platform — is one class each. Every class has trigger words that a message must
 * contain before its expression runs; the triggers ride in the banned-word automaton (banned.ts), so
 * a message without one costs nothing more.
 *
 * Each match is still checked against the excusing scopes (scope.ts) by the caller, so a quoted
 * question or a refusal around it excuses it as it excuses a listed word.
 */
import type { BannedCategory } from './lexicons.ts';

interface PatternClass {
  category: BannedCategory;
  /** the message must contain one of these for the expression to run (matched by the banned-word automaton) */
  triggers: readonly string[];
  /** global, so every match of a message is found */
  re: RegExp;
  /** why the class exists, with examples (for the README and reviewers) */
  about: string;
}

const N = '[一二两三四五六七八九十百千万0-9０-９双]';
const CJK = '[\\u4e00-\\u9fa5]';
const STOP = '[，,。！!？?；;\\s]';

export const PATTERN_CLASSES: readonly PatternClass[] = [
  {
    category: 'promise',
    triggers: ['赔', '倒贴', '承担', '掏钱', '出钱', '补上', '补给', '补您', '补你', '补差价', '垫付'],
    re: /(?:由我|我(?!们)(?:个人|自己)?)(?:来|这边)?(?:给|帮|替)?(?:您|你)?(?:赔|倒贴|承担|掏钱|出钱|补上|补给|补您|补你|补差价|垫付)/g,
    about:
      'compensation the agent pledges personally: 一个不甜我赔十个, 假的我倒贴您一千, 我个人补您差价, 运费都由我承担',
  },
  {
    category: 'promise',
    triggers: ['赔'],
    re: new RegExp(`[死坏烂少缺假错破漏差]+了?[一1](?:只|个|件|斤|颗|盒|箱|罐|瓶|单)?就?赔${N}+`, 'g'),
    about: 'a penalty pledge: 死一只赔两只, 坏一个赔两个, 少一赔十',
  },
  {
    category: 'promise',
    triggers: ['退'],
    re: /(?:无效|没效果|没有效果|不见效|不管用|考不过|没考过|不瘦|不长)(?:就|的话)?(?:全额|无条件)?(?:退款|退钱|全额退|退全款)/g,
    about: 'an efficacy pledge with a refund: 三天无效全额退款, 考不过全额退',
  },
  {
    category: 'promise',
    triggers: ['差价'],
    re: /(?:买贵|贵了)了?(?:就|我们|包)?(?:退|补|返)差价/g,
    about: 'a lowest-price guarantee: 买贵了退差价',
  },
  {
    category: 'promise',
    triggers: ['多少', '辈子', '十年', '再久', '年都', '年也', '年不'],
    re: new RegExp(
      `(?:多少次|多少年|一辈子|几十年|再久|${N}+年)(?:都|也)?不会?(?:掉色|褪色|掉|坏|塌陷|塌|变形|起球|开裂|生锈|变质|漏|断)`,
      'g',
    ),
    about: 'a never-claim on durability: 洗多少次都不会掉, 睡二十年不塌陷',
  },
  {
    category: 'promise',
    triggers: ['都不会有'],
    re: new RegExp(`一点儿?${CJK}{1,3}都不会有`, 'g'),
    about: 'a claim that a flaw can never occur: 一点色差都不会有',
  },
  {
    category: 'promise',
    triggers: ['没事'],
    re: /(?:啃|咬|吃|喝|舔|摔|泡|踩|洗)了?(?:也|都)没事/g,
    about: 'a safety or durability claim: 孩子啃了也没事, 摔了也没事',
  },
  {
    category: 'promise',
    triggers: ['以后'],
    re: /以后(?:再也|都|也)?不会?再?有(?:这个价格?|这么便宜|这种价|这价|了)|(?:这个价格?|这价格?)以后(?:再也|都|也)?不会?再?有/g,
    about: 'a price that will never come back: 以后再也不会有这个价, 这个价格以后不会再有了',
  },
  {
    category: 'promise',
    triggers: ['全网'],
    re: /全网(?:就|只有)?(?:我家|我们家|咱家|我们|本店)(?:最便宜|最低|价格最低|卖得最便宜)/g,
    about: 'a lowest-price claim around the shop: 全网就我家最便宜',
  },
  {
    category: 'promise',
    triggers: ['稳'],
    re: new RegExp(`(?:^|(?<=${STOP}))稳(?:稳的|的|了)(?=${STOP}|$)`, 'g'),
    about: 'a bare 稳的 / 稳了 as an assurance (not 平稳的)',
  },
  {
    category: 'rude',
    triggers: ['是你'],
    re: new RegExp(`(?<!不|不就)是你(?:自己|家的?${CJK}{1,2}|们家${CJK}{1,2})?的?${CJK}{0,2}?(?:问题|不行)`, 'g'),
    about: 'the blame laid on the customer: 这是你家狗的问题, 过敏是你自己皮肤不行, 是你自己的问题',
  },
  {
    category: 'rude',
    triggers: ['个头', '个屁'],
    re: /(?:(?:你|您)|[退赔补换问管])个(?:头|屁)(?![盔部发绳饰像巾套灯皮])/g,
    about: 'X你个头, X个屁: 退你个头, 赔个屁',
  },
  {
    category: 'off_platform',
    triggers: ['转'],
    re: /转(?:到|给)?(?:我|我们|我老公|我老婆|我爸|我妈|老板|我家)(?:的)?(?:个人)?(?:账户|账号|卡|银行卡|支付宝|微信)|转(?:你|您)的?(?:支付宝|微信|银行卡)/g,
    about: 'money moved outside the platform: 把钱转到我老公的账户上, 我把钱转你支付宝',
  },
  {
    category: 'off_platform',
    triggers: ['扫'],
    re: /扫(?:一下|下|一扫)?[^，。！？,!?；;]{0,8}?码[^，。！？,!?；;]{0,4}?加|扫(?:一下|下)?就(?:能|可以)加/g,
    about: 'a QR code to add the agent or the shop elsewhere: 扫一下图片里的二维码，加我们售后, 扫一下就能加',
  },
  {
    category: 'off_platform',
    triggers: ['拼多多', '美团', '饿了么', '抖音', '快手', '京东', '淘宝', '闲鱼', '小红书', '微店', '有赞'],
    re: /(?:我们|咱们|我家|咱家)(?:在|还有个?)(?:拼多多|美团|饿了么|抖音|快手|京东|淘宝|闲鱼|小红书|微店|有赞)[\u4e00-\u9fa5]{0,4}?(?:店铺|店)/g,
    about: 'the shop’s store on another platform: 我们在拼多多也有店, 我们还有个美团外卖店',
  },
];

/** A match of a pattern class: category and [start, end). */
export interface PatternMatch {
  category: BannedCategory;
  start: number;
  end: number;
}

/** Every match of the classes in `triggered` (bit i: class i's trigger is in the text). */
export function scanPatterns(text: string, triggered: number): PatternMatch[] | null {
  let out: PatternMatch[] | null = null;
  for (let i = 0; i < PATTERN_CLASSES.length; i++) {
    if ((triggered & (1 << i)) === 0) continue;
    const c = PATTERN_CLASSES[i];
    c.re.lastIndex = 0;
    for (let m = c.re.exec(text); m !== null; m = c.re.exec(text)) {
      if (m[0].length === 0) {
        c.re.lastIndex++;
        continue;
      }
      (out ??= []).push({ category: c.category, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}
