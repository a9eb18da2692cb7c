import type zh from '../zh-CN/org.ts';

const en: typeof zh = {
  'org.name': 'Name',
  'org.nameEn': 'English name',
  'org.headcount': 'Headcount',
  'org.department': 'Department',
  'org.department.create': 'New department',
  'org.department.edit': 'Edit department',
  'org.group.kind': 'Kind',
  'org.group.leads': 'Leads',
  'org.group.create': 'New group',
  'org.group.edit': 'Edit group',
  'org.shop.platform': 'Platform',
  'org.shop.create': 'New shop',
  'org.shop.edit': 'Edit shop',
  'org.channel.kind': 'Kind',
  'org.channel.create': 'New channel',
  'org.channel.edit': 'Edit channel',
  'org.readOnly': 'Only managers and admins can change the organisation.',
};
export default en;
