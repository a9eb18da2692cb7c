/**
 * The metric catalogue (SPEC KPI): every metric's one definition, in Chinese and English, with
 * its unit, which way is better and the settings that shape it. The console shows it next to
 * each figure; `counters.ts` holds the one formula per key. Rates are fractions 0–1; "day"
 * means the organisation-local day; (customer, day) pairs are counted distinctly.
 */
import type { MetricSettings } from './settings.ts';

export type MetricUnit = 'seconds' | 'ratio' | 'count' | 'per_day' | 'cents' | 'score';
export type MetricDirection = 'higher' | 'lower' | 'neutral';
export type SettingKey = keyof MetricSettings;

export interface MetricDefinition {
  /** SPEC catalogue line */
  spec: string;
  nameZh: string;
  nameEn: string;
  definitionZh: string;
  definitionEn: string;
  unit: MetricUnit;
  direction: MetricDirection;
  /** settings that change the figure (time zone is implied by every per-day metric) */
  settings: readonly SettingKey[];
}

const ROUND_SETTINGS: readonly SettingKey[] = ['serviceHours', 'closedDays', 'roundCapS', 'timeZone'];
const SALES_SETTINGS: readonly SettingKey[] = ['orderCrediting', 'orderWindowDays', 'paymentWindowDays', 'timeZone'];

export const METRIC_KEYS = [
  'first_response_avg_s',
  'avg_response_s',
  'response_within_180s_rate',
  'p50_response_s',
  'p90_response_s',
  'slow_rounds',
  'unanswered_rounds',
  'rounds',
  'consult_customers',
  'served_customers',
  'unanswered_customers',
  'reply_rate',
  'offline_handled_rate',
  'conversations',
  'messages_sent',
  'customers_served_per_day',
  'resolution_rate',
  'immediate_resolution_rate',
  'repeat_complaint_rate',
  'transfer_rate',
  'satisfaction_rate',
  'rating_rate',
  'nps',
  'csat_5',
  'csat_4',
  'csat_3',
  'csat_2',
  'csat_1',
  'inquiry_customers',
  'conversion_rate_order',
  'conversion_rate_paid',
  'credited_orders',
  'assisted_orders',
  'sales_amount',
  'avg_order_value',
  'refund_rate',
  'silent_sales',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

function csatLevel(level: number, zh: string, en: string): MetricDefinition {
  return {
    spec: 'KPI-10',
    nameZh: `${zh}（${level}分）`,
    nameEn: `${en} (${level})`,
    definitionZh: `评价为 ${level} 分（${zh}）的次数。`,
    definitionEn: `Number of ratings of ${level} (${en}).`,
    unit: 'count',
    direction: level >= 4 ? 'higher' : level === 3 ? 'neutral' : 'lower',
    settings: [],
  };
}

export const METRIC_DEFINITIONS: Readonly<Record<MetricKey, MetricDefinition>> = {
  /** mean durationS over rounds with isFirst && countsForResponse, credited to the round's agent */
  first_response_avg_s: {
    spec: 'KPI-1',
    nameZh: '首次响应时间（首响）',
    nameEn: 'First response time',
    definitionZh:
      '每个会话第一轮的时长的平均值；第一轮在服务时间外开始的会话不计首响。时长 = min(回复 − 开始, 封顶)，未回复按封顶计。',
    definitionEn:
      "Mean duration of each conversation's first round; a conversation whose first round opens outside service hours has no first response. Duration = min(reply − open, cap); unanswered counts as the cap.",
    unit: 'seconds',
    direction: 'lower',
    settings: ROUND_SETTINGS,
  },
  /** sum(durationS) / count over rounds with countsForResponse (Taobao 平响) */
  avg_response_s: {
    spec: 'KPI-2',
    nameZh: '平均响应时间（平响）',
    nameEn: 'Average response time',
    definitionZh: '计入的各轮时长之和 ÷ 轮数。只计服务时间内开始的轮次，每轮封顶，未回复按封顶计。',
    definitionEn:
      'Sum of round durations / number of rounds. Only rounds opening inside service hours count; each is capped; an unanswered round counts as the cap.',
    unit: 'seconds',
    direction: 'lower',
    settings: ROUND_SETTINGS,
  },
  /** count(withinServiceLevel) / count over counted rounds */
  response_within_180s_rate: {
    spec: 'KPI-3',
    nameZh: '3分钟响应率',
    nameEn: 'Answered within threshold',
    definitionZh: '在服务水平阈值（默认 180 秒）内得到回复的轮次 ÷ 计入的轮次。',
    definitionEn: 'Rounds answered within the service-level threshold (default 180 s) / counted rounds.',
    unit: 'ratio',
    direction: 'higher',
    settings: [...ROUND_SETTINGS, 'serviceLevelThresholdS'],
  },
  /** nearest-rank 50th percentile of round(durationS) over counted rounds */
  p50_response_s: {
    spec: 'KPI-3',
    nameZh: '响应时长中位数（P50）',
    nameEn: 'Median response (P50)',
    definitionZh: '计入轮次时长（取整到秒）的第 50 百分位（最近秩法：排序后第 ⌈0.5n⌉ 个）。',
    definitionEn:
      'The 50th percentile of counted round durations in whole seconds (nearest rank: the ⌈0.5n⌉-th smallest).',
    unit: 'seconds',
    direction: 'lower',
    settings: ROUND_SETTINGS,
  },
  /** nearest-rank 90th percentile of round(durationS) over counted rounds */
  p90_response_s: {
    spec: 'KPI-3',
    nameZh: '响应时长 P90',
    nameEn: 'Response P90',
    definitionZh: '计入轮次时长（取整到秒）的第 90 百分位（最近秩法：排序后第 ⌈0.9n⌉ 个）。',
    definitionEn:
      'The 90th percentile of counted round durations in whole seconds (nearest rank: the ⌈0.9n⌉-th smallest).',
    unit: 'seconds',
    direction: 'lower',
    settings: ROUND_SETTINGS,
  },
  /** count(slow) over counted rounds: durationS > slowThresholdS */
  slow_rounds: {
    spec: 'KPI-3',
    nameZh: '慢响应次数',
    nameEn: 'Slow rounds',
    definitionZh: '时长超过慢响应阈值（默认 100 秒）的计入轮次数，未回复轮次按封顶计。',
    definitionEn: 'Counted rounds longer than the slow threshold (default 100 s); unanswered rounds count as the cap.',
    unit: 'count',
    direction: 'lower',
    settings: [...ROUND_SETTINGS, 'slowThresholdS'],
  },
  /** count(unanswered) over counted rounds (includes transfers without reply) */
  unanswered_rounds: {
    spec: 'KPI-3',
    nameZh: '未回复轮次',
    nameEn: 'Unanswered rounds',
    definitionZh: '计入的轮次中没有得到回复的次数，含未回复即转接的轮次（记在转出客服名下）。',
    definitionEn:
      'Counted rounds never answered, including rounds transferred without a reply (charged to the transferring agent).',
    unit: 'count',
    direction: 'lower',
    settings: ROUND_SETTINGS,
  },
  /** count of rounds with countsForResponse */
  rounds: {
    spec: 'KPI-2',
    nameZh: '响应轮次',
    nameEn: 'Rounds',
    definitionZh: '计入响应指标的轮次数：服务时间内开始、记在某位客服名下的轮次。',
    definitionEn: 'Rounds counted for response metrics: opened inside service hours and credited to an agent.',
    unit: 'count',
    direction: 'neutral',
    settings: ROUND_SETTINGS,
  },
  /** count distinct (customerId, day) over AgentDayFact.consulted (agentId null rows count for shop/channel/all) */
  consult_customers: {
    spec: 'KPI-5',
    nameZh: '咨询人数',
    nameEn: 'Customers consulting',
    definitionZh: '向店铺（或该客服）发过消息的（顾客, 日）去重数；纯机器人会话只计入店铺。',
    definitionEn:
      'Distinct (customer, day) that sent a message to the shop (or to the agent); bot-only conversations count for the shop only.',
    unit: 'count',
    direction: 'neutral',
    settings: ['timeZone'],
  },
  /** count distinct (customerId, day) over AgentDayFact.served */
  served_customers: {
    spec: 'KPI-5',
    nameZh: '接待人数',
    nameEn: 'Customers served',
    definitionZh: '当天顾客与该客服双方都发过消息（客服为有效人工回复）的（顾客, 日）去重数。',
    definitionEn:
      'Distinct (customer, day) where the customer and the agent (a valid reply) both sent at least one message that day.',
    unit: 'count',
    direction: 'higher',
    settings: ['timeZone'],
  },
  /** distinct (customerId, day) with wrote − distinct with replied */
  unanswered_customers: {
    spec: 'KPI-3',
    nameZh: '未回复人数',
    nameEn: 'Customers not replied to',
    definitionZh: '给客服发了消息（或转给客服时正在等待）却没有得到该客服有效回复的（顾客, 日）去重数。',
    definitionEn:
      'Distinct (customer, day) who wrote to the agent (or were passed to them waiting) and never got a valid reply from them.',
    unit: 'count',
    direction: 'lower',
    settings: ['timeZone'],
  },
  /** distinct (customerId, day) with replied / distinct with wrote */
  reply_rate: {
    spec: 'KPI-3',
    nameZh: '回复率',
    nameEn: 'Reply rate',
    definitionZh: '得到回复的顾客数 ÷ 给客服发消息的顾客数（按（顾客, 日）去重）。',
    definitionEn: 'Customers replied to / customers who wrote to the agent, as distinct (customer, day).',
    unit: 'ratio',
    direction: 'higher',
    settings: ['timeZone'],
  },
  /** count(handled) / count over OfflineMessageFact */
  offline_handled_rate: {
    spec: 'KPI-4',
    nameZh: '离线消息处理率',
    nameEn: 'Offline messages handled',
    definitionZh: '服务时间外开启一轮的顾客消息中，在下一个服务日第一个服务小时结束前得到回复的比例。',
    definitionEn:
      'Customer messages that opened a round outside service hours and were answered by the end of the first service hour of the next service day / such messages.',
    unit: 'ratio',
    direction: 'higher',
    settings: ['serviceHours', 'closedDays', 'timeZone'],
  },
  /** count distinct conversationId over AgentDayFact.owned */
  conversations: {
    spec: 'KPI-5',
    nameZh: '会话量',
    nameEn: 'Conversations',
    definitionZh: '客服当天接手过（曾为负责人）的会话数，去重。',
    definitionEn: 'Distinct conversations the agent owned at some moment.',
    unit: 'count',
    direction: 'higher',
    settings: ['timeZone'],
  },
  /** sum(messagesSent) over AgentDayFact: valid replies only */
  messages_sent: {
    spec: 'KPI-5',
    nameZh: '发送消息数',
    nameEn: 'Messages sent',
    definitionZh: '客服发出的有效人工回复条数（不含自动回复与系统事件）。',
    definitionEn: 'Valid replies the agent sent (auto-replies and events excluded).',
    unit: 'count',
    direction: 'higher',
    settings: [],
  },
  /** count distinct (agentId, customerId, day) with served / count distinct (agentId, day) with messagesSent > 0 */
  customers_served_per_day: {
    spec: 'KPI-5',
    nameZh: '人均日接待人数',
    nameEn: 'Customers served per agent-day',
    definitionZh: '各客服接待人数之和 ÷ 客服有发出有效回复的（客服, 日）数。',
    definitionEn: 'Sum over agents of customers served / number of (agent, day) with at least one valid reply.',
    unit: 'per_day',
    direction: 'higher',
    settings: ['timeZone'],
  },
  /** count(resolved) / count over ConversationFact with category != null, credited to the final owner */
  resolution_rate: {
    spec: 'KPI-7',
    nameZh: '问题解决率',
    nameEn: 'Resolution rate',
    definitionZh: '已解决的会话 ÷ 有解决属性的会话；记在会话最后的负责人名下。',
    definitionEn:
      "Resolved conversations / conversations with resolution attributes, credited to the conversation's final owner.",
    unit: 'ratio',
    direction: 'higher',
    settings: [],
  },
  /** count(immediateResolved) / count over ConversationFact with category != null; shaped by immediateResolutionGraceMin */
  immediate_resolution_rate: {
    spec: 'KPI-7',
    nameZh: '即时解决率',
    nameEn: 'Immediate resolution rate',
    definitionZh:
      '在同一会话内解决（解决时间不晚于最后一条消息后的宽限期，默认 30 分钟；无需后续工单）的会话 ÷ 有解决属性的会话。',
    definitionEn:
      'Conversations resolved within the same conversation (marked resolved no later than the grace period, default 30 min, after its last message; no follow-up ticket) / conversations with resolution attributes.',
    unit: 'ratio',
    direction: 'higher',
    settings: ['immediateResolutionGraceMin'],
  },
  /** count(repeatComplaint) / count over ConversationFact with category = 'complaint' */
  repeat_complaint_rate: {
    spec: 'KPI-8',
    nameZh: '重复投诉率',
    nameEn: 'Repeat-complaint rate',
    definitionZh: '同一店铺同一顾客同一问题在此前窗口期（默认 30 天）内已有投诉的投诉 ÷ 投诉数。',
    definitionEn:
      'Complaints whose shop, customer and issue key had another complaint in the previous window (default 30 days) / complaints.',
    unit: 'ratio',
    direction: 'lower',
    settings: ['repeatComplaintWindowDays'],
  },
  /** count distinct conversationId with transfersOut > 0 / count distinct conversationId with owned */
  transfer_rate: {
    spec: 'KPI-9',
    nameZh: '转接率',
    nameEn: 'Transfer rate',
    definitionZh: '客服转出过的会话 ÷ 客服接手过的会话。',
    definitionEn: 'Conversations the agent transferred out / conversations the agent owned.',
    unit: 'ratio',
    direction: 'lower',
    settings: [],
  },
  /** count(csat >= 4) / count over RatingFact */
  satisfaction_rate: {
    spec: 'KPI-10',
    nameZh: '满意度',
    nameEn: 'Satisfaction rate',
    definitionZh: '4–5 分（满意、很满意）的评价 ÷ 评价数。',
    definitionEn: 'Ratings of 4–5 (satisfied, very satisfied) / ratings.',
    unit: 'ratio',
    direction: 'higher',
    settings: [],
  },
  /** count distinct RatingFact.conversationId / count distinct AgentDayFact.conversationId with served */
  rating_rate: {
    spec: 'KPI-10',
    nameZh: '参评率',
    nameEn: 'Rating rate',
    definitionZh: '有评价的会话 ÷ 接待过的会话。',
    definitionEn: 'Rated conversations / served conversations.',
    unit: 'ratio',
    direction: 'higher',
    settings: [],
  },
  /** 100 × (count(nps >= 9) − count(nps <= 6)) / count(nps not null) */
  nps: {
    spec: 'KPI-11',
    nameZh: '净推荐值（NPS）',
    nameEn: 'Net promoter score',
    definitionZh: '推荐者（9–10 分）占比 − 贬损者（0–6 分）占比，取值 −100 到 100。',
    definitionEn: '% promoters (9–10) − % detractors (0–6), from −100 to 100.',
    unit: 'score',
    direction: 'higher',
    settings: [],
  },
  /** count(csat = 5) */
  csat_5: csatLevel(5, '很满意', 'Very satisfied'),
  /** count(csat = 4) */
  csat_4: csatLevel(4, '满意', 'Satisfied'),
  /** count(csat = 3) */
  csat_3: csatLevel(3, '一般', 'Neutral'),
  /** count(csat = 2) */
  csat_2: csatLevel(2, '不满意', 'Dissatisfied'),
  /** count(csat = 1) */
  csat_1: csatLevel(1, '很不满意', 'Very dissatisfied'),
  /** count distinct (customerId, day) over InquiryFact (= served customers) */
  inquiry_customers: {
    spec: 'KPI-14',
    nameZh: '询单人数',
    nameEn: 'Inquiring customers',
    definitionZh: '当天被客服接待的（顾客, 日）去重数。',
    definitionEn: 'Distinct (customer, day) served by an agent that day.',
    unit: 'count',
    direction: 'neutral',
    settings: ['timeZone'],
  },
  /** distinct (customerId, day) with ordered / distinct (customerId, day) over InquiryFact */
  conversion_rate_order: {
    spec: 'KPI-14',
    nameZh: '询单→下单转化率',
    nameEn: 'Inquiry-to-order conversion',
    definitionZh: '接待后在当天或之后窗口期（默认次日）内下单的询单人数 ÷ 询单人数。',
    definitionEn:
      'Inquiring customers who placed an order after being served, that day or within the window after (default the next day) / inquiring customers.',
    unit: 'ratio',
    direction: 'higher',
    settings: ['orderWindowDays', 'timeZone'],
  },
  /** distinct (customerId, day) with paid / inquiries; 'pending' while any unpaid inquiry has settlesAt > asOf */
  conversion_rate_paid: {
    spec: 'KPI-14',
    nameZh: '询单→付款转化率',
    nameEn: 'Inquiry-to-payment conversion',
    definitionZh: '转化的订单在付款窗口期（默认 7 天）内付款的询单人数 ÷ 询单人数；窗口未结束时显示为“待定”。',
    definitionEn:
      'Inquiring customers whose converting order was paid within the payment window (default 7 days) / inquiring customers; shown as pending while a window is still open.',
    unit: 'ratio',
    direction: 'higher',
    settings: SALES_SETTINGS,
  },
  /** count of OrderFact with paid, credited to the agent */
  credited_orders: {
    spec: 'KPI-14',
    nameZh: '落实订单数',
    nameEn: 'Credited orders',
    definitionZh: '按归属规则记在客服名下、且在付款窗口内付款的订单数。',
    definitionEn: 'Orders credited to the agent by the crediting rule and paid within the payment window.',
    unit: 'count',
    direction: 'higher',
    settings: SALES_SETTINGS,
  },
  /** count distinct orderId over OrderAssistFact */
  assisted_orders: {
    spec: 'KPI-14',
    nameZh: '协助订单数',
    nameEn: 'Assisted orders',
    definitionZh: '客服在归属日、下单前也接待过该顾客但订单未记在其名下的订单数（协助）。',
    definitionEn:
      'Orders credited to another agent where this agent also served the customer on the inquiry day before the order (assist).',
    unit: 'count',
    direction: 'higher',
    settings: SALES_SETTINGS,
  },
  /** sum(amountCents) over credited OrderFact with paid */
  sales_amount: {
    spec: 'KPI-14',
    nameZh: '客服销售额',
    nameEn: 'Agent sales',
    definitionZh: '记在客服名下且在付款窗口内付款的订单金额之和（分）。',
    definitionEn: 'Amount of orders credited to the agent and paid within the payment window (cents).',
    unit: 'cents',
    direction: 'higher',
    settings: SALES_SETTINGS,
  },
  /** sales_amount / credited_orders */
  avg_order_value: {
    spec: 'KPI-14',
    nameZh: '落实客单价',
    nameEn: 'Realised average order value',
    definitionZh: '客服销售额 ÷ 落实订单数（分）。',
    definitionEn: 'Agent sales / credited paid orders (cents).',
    unit: 'cents',
    direction: 'higher',
    settings: SALES_SETTINGS,
  },
  /** count(refunded) / count over credited paid OrderFact */
  refund_rate: {
    spec: 'KPI-14',
    nameZh: '退款率',
    nameEn: 'Refund rate',
    definitionZh: '发生退款的落实订单 ÷ 落实订单。',
    definitionEn: 'Credited paid orders with a refund / credited paid orders.',
    unit: 'ratio',
    direction: 'lower',
    settings: SALES_SETTINGS,
  },
  /** sum(amountCents) over paid OrderFact with agentId null; only for shop and all */
  silent_sales: {
    spec: 'KPI-14',
    nameZh: '静默销售额',
    nameEn: 'Silent sales',
    definitionZh: '店铺已付款销售额 − 客服落实销售额（分）；只在店铺和全部维度有意义。',
    definitionEn: 'Shop paid sales − agent-credited sales (cents); only meaningful per shop or overall.',
    unit: 'cents',
    direction: 'neutral',
    settings: SALES_SETTINGS,
  },
};
