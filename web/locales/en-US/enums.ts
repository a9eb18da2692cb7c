import type { EnumLabels } from '../types.ts';

const enums: EnumLabels = {
  role: { agent: 'Agent', lead: 'Team lead', supervisor: 'Supervisor', manager: 'Manager', hr: 'HR', admin: 'Admin' },
  level: { junior: 'Junior', senior: 'Senior', star: 'Star' },
  platform: {
    taobao: 'Taobao',
    tmall: 'Tmall',
    jd: 'JD',
    pinduoduo: 'Pinduoduo',
    douyin: 'Douyin',
    own_site: 'Own site',
  },
  channelKind: { chat: 'Online chat', phone: 'Phone', ticket: 'Ticket', email: 'E-mail', video: 'Video' },
  groupKind: {
    presale: 'Pre-sales',
    after_sales: 'After-sales',
    complaints: 'Difficult complaints',
    basic: 'Basic inquiries',
    other: 'Other',
  },
  status: { active: 'Active', on_leave: 'On leave', left: 'Left' },
  eventKind: {
    joined: 'Joined',
    left: 'Left',
    leave_started: 'Leave started',
    returned: 'Returned from leave',
    rejoined: 'Rejoined',
    moved: 'Moved',
    level_changed: 'Level changed',
    role_changed: 'Role changed',
  },
};
export default enums;
