/** Menu and breadcrumb labels; each key is a route name in web/routes.ts. */
export default {
  'menu.dashboard': '首页',
  'menu.org': '组织',
  'menu.org.departments': '部门',
  'menu.org.groups': '小组',
  'menu.org.shops': '店铺',
  'menu.org.channels': '渠道',
  'menu.org.people': '人员',
  'menu.org.person': '人员档案',
  'menu.org.import': '花名册导入',
  'menu.system': '系统',
  'menu.system.audit': '审计日志',
  'menu.system.settings': '设置',
  'menu.account.profile': '我的档案',
};
