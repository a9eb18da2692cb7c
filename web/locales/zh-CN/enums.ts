import type { EnumLabels } from '../types.ts';

/** A label for every value of every domain enum; TypeScript refuses a missing one. */
const enums: EnumLabels = {
  role: { agent: '专员', lead: '组长', supervisor: '主管', manager: '经理', hr: '人事', admin: '管理员' },
  level: { junior: '初级', senior: '资深', star: '星级' },
  platform: { taobao: '淘宝', tmall: '天猫', jd: '京东', pinduoduo: '拼多多', douyin: '抖音', own_site: '自营站' },
  channelKind: { chat: '在线聊天', phone: '电话', ticket: '工单', email: '邮件', video: '视频' },
  groupKind: { presale: '售前组', after_sales: '售后组', complaints: '疑难投诉组', basic: '基础咨询组', other: '其他' },
  status: { active: '在职', on_leave: '休假', left: '离职' },
  eventKind: {
    joined: '入职',
    left: '离职',
    leave_started: '开始休假',
    returned: '休假返岗',
    rejoined: '重新入职',
    moved: '调岗',
    level_changed: '级别变更',
    role_changed: '角色变更',
  },
  breakdown: { agent: '按专员', group: '按小组', shop: '按店铺', channel: '按渠道', all: '全部', day: '按天' },
  breakdownHead: { agent: '专员', group: '小组', shop: '店铺', channel: '渠道', all: '范围', day: '日期' },
  period: { all: '不分期', day: '按日', week: '按周', month: '按月', quarter: '按季度' },
  orderCrediting: {
    last_served_before_order: '下单前最后一位接待的客服',
    first_served_that_day: '当天第一位接待的客服',
  },
  category: { consult: '咨询', presale: '售前', complaint: '投诉', after_sales: '售后' },
  roundFilter: {
    counted: '计入的轮次',
    first: '首轮',
    slow: '慢响应',
    unanswered: '未回复',
    not_counted: '不计入',
    all: '全部',
  },
  recordType: { messages: '聊天消息', conversations: '会话属性', ratings: '评价', orders: '订单' },
  importStatus: { running: '进行中', done: '完成', rejected: '被拒绝', failed: '失败' },
};
export default enums;
