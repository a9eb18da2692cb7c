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
};
export default enums;
