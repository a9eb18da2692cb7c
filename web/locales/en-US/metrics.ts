import type zh from '../zh-CN/metrics.ts';

const en: typeof zh = {
  'metricSettings.timeZone': 'Time zone',
  'metricSettings.timeZone.help': 'Days, weeks, months and service hours are cut in this zone.',
  'metricSettings.serviceHours': 'Service hours',
  'metricSettings.serviceHours.help':
    'Local time, end exclusive (24:00 allowed). Rounds opening outside them do not count for response metrics and are offline messages.',
  'metricSettings.closedDays': 'Closed days',
  'metricSettings.closedDays.help': 'Rounds opening on these days do not count for response metrics.',
  'metricSettings.closedDays.none': 'none',
  'metricSettings.closedDays.count': '{n} days',
  'metricSettings.roundCapS': 'Round cap',
  'metricSettings.roundCapS.help': 'The longest a round may count for; an unanswered round counts as the cap.',
  'metricSettings.slowThresholdS': 'Slow threshold',
  'metricSettings.slowThresholdS.help': 'Rounds counted longer than this are slow (Qianniu warns at 100 s).',
  'metricSettings.serviceLevelThresholdS': 'Service-level threshold',
  'metricSettings.serviceLevelThresholdS.help':
    'Rounds answered within this meet the service level (answered within threshold).',
  'metricSettings.orderWindowDays': 'Order window',
  'metricSettings.orderWindowDays.help':
    'An inquiry converts if the customer orders on its day or within this many days after.',
  'metricSettings.paymentWindowDays': 'Payment window',
  'metricSettings.paymentWindowDays.help':
    'An order counts as paid (paid conversion, agent sales) if paid within this many days; until the window closes the figure shows as pending.',
  'metricSettings.orderCrediting': 'Order crediting',
  'metricSettings.orderCrediting.help':
    'Which agent an order is credited to when several served the customer; the others get an assist.',
  'metricSettings.repeatComplaintWindowDays': 'Repeat-complaint window',
  'metricSettings.repeatComplaintWindowDays.help':
    'A complaint repeats one from the same customer on the same issue within this many days before.',
  'metricSettings.immediateResolutionGraceMin': 'Immediate-resolution grace',
  'metricSettings.immediateResolutionGraceMin.help':
    'A conversation marked resolved at most this long after its last message still counts as resolved within it.',
  'metricSettings.unit.seconds': 's',
  'metricSettings.unit.days': 'days',
  'metricSettings.unit.minutes': 'min',
  'metricSettings.listSep': ', ',
  'metricSettings.affects': 'Shapes: {list}',
  'metricSettings.affectsMore': 'Shapes: {list} and more ({n} metrics)',
  'metricSettings.intro':
    'These conventions decide how every metric is computed. Saving recomputes every KPI, history included, under the new conventions; figures on every page change with it.',
  'metricSettings.section.hours': 'Service hours and time zone',
  'metricSettings.section.response': 'Response',
  'metricSettings.section.sales': 'Sales conversion',
  'metricSettings.section.resolution': 'Resolution and complaints',
  'metricSettings.clock': 'Use HH:MM, e.g. 08:00',
  'metricSettings.endAfterStart': 'The end must come after the start',
  'metricSettings.defaults': 'Fill in the defaults',
  'metricSettings.confirm': 'Saving recomputes every KPI under the new conventions. Go ahead?',
  'metricSettings.unchanged': 'Nothing was changed',
  'metricSettings.saved': 'Metric settings saved',
  'metricSettings.recomputing':
    'Recomputing every KPI under the new conventions in the background; until it finishes, every page shows the figures under the old ones…',
  'metricSettings.recomputeFailed': 'The recompute failed; every page still shows the figures under the old conventions: {error}',
  'metricSettings.recomputed':
    'Saved; every KPI has been recomputed under the new conventions ({conversations} conversations, {days} days).',
};
export default en;
