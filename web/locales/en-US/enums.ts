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
  breakdown: {
    agent: 'By agent',
    group: 'By group',
    shop: 'By shop',
    channel: 'By channel',
    all: 'Overall',
    day: 'By day',
  },
  breakdownHead: { agent: 'Agent', group: 'Group', shop: 'Shop', channel: 'Channel', all: 'Scope', day: 'Day' },
  period: { all: 'Whole period', day: 'Daily', week: 'Weekly', month: 'Monthly', quarter: 'Quarterly' },
  orderCrediting: {
    last_served_before_order: 'The last agent to serve before the order',
    first_served_that_day: 'The first agent to serve that day',
  },
  category: { consult: 'Inquiry', presale: 'Pre-sales', complaint: 'Complaint', after_sales: 'After-sales' },
  roundFilter: {
    counted: 'Counted',
    first: 'First rounds',
    slow: 'Slow',
    unanswered: 'Unanswered',
    not_counted: 'Not counted',
    all: 'All',
  },
  recordType: {
    messages: 'Chat messages',
    conversations: 'Conversation attributes',
    ratings: 'Ratings',
    orders: 'Orders',
  },
  importStatus: { running: 'Running', done: 'Done', rejected: 'Rejected', failed: 'Failed' },
};
export default enums;
