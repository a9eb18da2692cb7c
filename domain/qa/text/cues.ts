/**
 * Cue words of the rule-based detectors (contact.ts, scope.ts, the bank-card check in privacy.ts),
 * shipped in `domain/qa/lexicons/detector-cues.json` (CC0, compiled by the Helmsman team; see that
 * folder's README). Lower-case, as the detectors compare them with lower-cased text.
 */
import cues from '../lexicons/detector-cues.json' with { type: 'json' };

export interface DetectorCues {
  /** channels an id or number may follow (微信, qq, 卫星, 企鹅, 群号) */
  contactChannels: readonly string[];
  /** other platforms and channels an id must follow closely (抖音, 小红书, 支付宝, 邮箱) */
  contactPlatforms: readonly string[];
  /** one-character stand-ins for 微/v that an id follows after a colon (薇：, v:, 威 ) */
  contactHomophones: readonly string[];
  /** what may follow a homophone before the colon (信, 心, 芯, 号) */
  homophoneSuffixes: readonly string[];
  /** "find me at" / "call this" phrasing a number or id may follow (加我, 打这个, 我的号) */
  contactActions: readonly string[];
  /** words that make a following number an order, tracking or product number, or the shop's (单号, 快递, 客服) */
  contactBlockers: readonly string[];
  /** characters right after a number that make it a quantity, price or date (元, 件, 天, 号) */
  numberUnits: string;
  bankCues: readonly string[];
  orderCues: readonly string[];
  /** a refusal or warning an off-platform word may follow in its clause (不要, 请勿, 谨防) */
  refusalCues: readonly string[];
  /** the same, only directly before the word (不, 别, 没有) */
  tightRefusalCues: readonly string[];
  /** what after an off-platform word in its clause makes it a warning (骗子, 有风险) */
  fraudCues: readonly string[];
  /** words between a refusal and an off-platform word that start a new instruction (的话, 可以, 直接) */
  scopeResumers: readonly string[];
  /** the customer's question quoted back (您问, 您是说, 问能不能) */
  quoteCues: readonly string[];
  /** what after a quote cue makes it a reference, not a quotation (您问的问题我们一定处理) */
  quoteReferences: readonly string[];
  /** verbs before a quotation mark that make the quotation the customer's (说, 问) */
  quoteSpeechCues: readonly string[];
  /** modal negations that cancel a promise word shortly after them (不能, 无法, 不敢) */
  promiseNegators: readonly string[];
  /** what right after a promise word negates it (保证不了) */
  promiseNegatedAfter: readonly string[];
  /** verbs of assuring whose negation also covers the promise words after them (不能保证…一定) */
  assuringVerbs: readonly string[];
  /** words just before a quotation that make it a mention, not the agent's claim (写着"永不褪色", 所谓"最低价") */
  mentionBefore: readonly string[];
  /** words right after a quotation that make it a mention ("国家级"这种说法, "全网最低价"是别的店铺写的) */
  mentionAfter: readonly string[];
  /** words right after a promise or rude word, no quotation marks needed, that make it a mention (包您满意这种话我不敢说, 顶级这个词) */
  mentionNouns: readonly string[];
  /** a whole message that is only one of these (after an optional 嗯/哦 and punctuation) is a cold, dismissive reply (不清楚。, 嗯，然后呢) */
  coldReplies: readonly string[];
  /** interjections that may open a cold reply (嗯，然后呢) */
  coldOpeners: readonly string[];
  /** words before an off-platform word in its clause that make it a warning (冒充我们要求线下交易) */
  fraudBefore: readonly string[];
  /** words right after 微信 / 小程序 that make it a product feature (微信小程序开锁, 支持小程序远程控制) */
  featureAfter: readonly string[];
  /** words right before an off-platform word that make it a product feature or model (支持微信, 型号VX-65W) */
  featureBefore: readonly string[];
  /** what right after 不知道 makes it a polite question (不知道您…, 不知道这样处理是否…) */
  unknowingFollowers: readonly string[];
  /** an offer to help in the same message that makes 不知道 an honest admission (我帮您问一下) */
  helpOffers: readonly string[];
  /** a condition before a blame phrase that makes it hypothetical (如果核实下来不是我们的问题) */
  conditionalCues: readonly string[];
}

const lower = (words: readonly string[]) => Object.freeze(words.map((w) => w.toLowerCase()));

export const DETECTOR_CUES: DetectorCues = Object.freeze({
  contactChannels: lower(cues.contactChannels),
  contactPlatforms: lower(cues.contactPlatforms),
  contactHomophones: lower(cues.contactHomophones),
  homophoneSuffixes: lower(cues.homophoneSuffixes),
  contactActions: lower(cues.contactActions),
  contactBlockers: lower(cues.contactBlockers),
  numberUnits: cues.numberUnits,
  bankCues: lower(cues.bankCues),
  orderCues: lower(cues.orderCues),
  refusalCues: lower(cues.refusalCues),
  tightRefusalCues: lower(cues.tightRefusalCues),
  fraudCues: lower(cues.fraudCues),
  scopeResumers: lower(cues.scopeResumers),
  quoteCues: lower(cues.quoteCues),
  quoteReferences: lower(cues.quoteReferences),
  quoteSpeechCues: lower(cues.quoteSpeechCues),
  promiseNegators: lower(cues.promiseNegators),
  promiseNegatedAfter: lower(cues.promiseNegatedAfter),
  assuringVerbs: lower(cues.assuringVerbs),
  mentionBefore: lower(cues.mentionBefore),
  mentionAfter: lower(cues.mentionAfter),
  mentionNouns: lower(cues.mentionNouns),
  coldReplies: lower(cues.coldReplies),
  coldOpeners: lower(cues.coldOpeners),
  fraudBefore: lower(cues.fraudBefore),
  featureAfter: lower(cues.featureAfter),
  featureBefore: lower(cues.featureBefore),
  unknowingFollowers: lower(cues.unknowingFollowers),
  helpOffers: lower(cues.helpOffers),
  conditionalCues: lower(cues.conditionalCues),
});
