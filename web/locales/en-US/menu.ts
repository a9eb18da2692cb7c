import type zh from '../zh-CN/menu.ts';

const en: typeof zh = {
  'menu.dashboard': 'Home',
  'menu.kpi': 'Performance data',
  'menu.kpi.explorer': 'KPI explorer',
  'menu.kpi.mine': 'My KPIs',
  'menu.kpi.rounds': 'Response rounds',
  'menu.kpi.conversation': 'Conversation',
  'menu.data': 'Data',
  'menu.data.import': 'Data import',
  'menu.org': 'Organisation',
  'menu.org.departments': 'Departments',
  'menu.org.groups': 'Groups',
  'menu.org.shops': 'Shops',
  'menu.org.channels': 'Channels',
  'menu.org.people': 'People',
  'menu.org.person': 'Profile',
  'menu.org.import': 'Roster import',
  'menu.system': 'System',
  'menu.system.audit': 'Audit log',
  'menu.system.settings': 'Settings',
  'menu.system.metrics': 'Metric settings',
  'menu.account.profile': 'My profile',
};
export default en;
