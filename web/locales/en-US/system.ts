import type zh from '../zh-CN/system.ts';

const en: typeof zh = {
  'audit.at': 'Time',
  'audit.actor': 'Actor',
  'audit.action': 'Action',
  'audit.entity': 'Entity',
  'audit.entityId': 'Entity ID',
  'audit.field': 'Field',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.system': 'System',
  'audit.filterEntity': 'Filter by entity',
  'audit.filterActor': 'Filter by actor',
  'audit.noDiff': 'No field changed',
  'audit.empty': 'No audit entries yet',
  'settings.newHireDays': 'New-hire period (days)',
  'settings.newHireDays.help':
    'How many days after the hire date a person is flagged as a new hire in the people list and on the home page.',
  'settings.timezone': 'Time zone',
  'settings.timezone.help': 'Days, weeks and months are cut in this time zone.',
  'settings.saved': 'Settings saved',
};
export default en;
