/**
 * Deterministic demo organisation and service data (demo seed, tests, benchmarks): a Chinese
 * apparel brand's customer-service department and its chats, ratings and orders, in the
 * canonical import format. Pure: no I/O, no clock, no Math.random.
 */
export type {
  AgentProfile,
  DemoChannel,
  DemoDepartment,
  DemoGroup,
  DemoOrganisation,
  DemoPerson,
  DemoShop,
  OrganisationOptions,
} from './organisation.ts';
export { DEMO_LOGINS, generateOrganisation, isActiveOn } from './organisation.ts';
export type { DemoDay, ServiceOptions } from './service.ts';
export { generateServiceData } from './service.ts';
export type {
  ConversationCategory,
  ConversationRecord,
  MessageEvent,
  MessageRecord,
  OrderRecord,
  RatingRecord,
  RosterColumn,
  Sender,
} from './records.ts';
export {
  CONVERSATION_CATEGORIES,
  CONVERSATION_COLUMNS,
  MESSAGE_COLUMNS,
  ORDER_COLUMNS,
  RATING_COLUMNS,
  ROSTER_COLUMNS,
  ROSTER_CSV_HEADER,
  csvField,
  csvLine,
  recordCsvLine,
  rosterCsv,
  rosterCsvRow,
} from './records.ts';
