/** The shapes both dictionaries must fill; the Chinese dictionary is the source of the keys. */
import type { ChannelKind, EmploymentEventKind, GroupKind, Level, Platform, Role, Status } from '../../domain/org.ts';
import type zhCN from './zh-CN/index.ts';

import type { LOCALES } from '../../server/modules/auth/auth.schema.ts';
import type { OrderCreditingRule } from '../../domain/metrics/settings.ts';
import type { ConversationCategory } from '../../domain/metrics/records.ts';
import type { Period } from '../../domain/time.ts';
import type { KPI_BREAKDOWNS, RoundsQuery } from '../../server/modules/kpi/kpi.schema.ts';
import type { ImportJob } from '../../server/modules/ingest/ingest.schema.ts';
import type { RecordType } from '../../server/modules/ingest/ingest.formats.ts';
import type { z } from 'zod';

type Breakdown = (typeof KPI_BREAKDOWNS)[number];

export type Locale = (typeof LOCALES)[number];

/** Labels for every value of the domain enums (domain/org.ts). */
export interface EnumLabels {
  role: Record<Role, string>;
  level: Record<Level, string>;
  platform: Record<Platform, string>;
  channelKind: Record<ChannelKind, string>;
  groupKind: Record<GroupKind, string>;
  status: Record<Status, string>;
  eventKind: Record<EmploymentEventKind, string>;
  /** KPI breakdowns as the selector offers them (按专员 …) */
  breakdown: Record<Breakdown, string>;
  /** the first column's heading for each breakdown (专员 …) */
  breakdownHead: Record<Breakdown, string>;
  period: Record<Period, string>;
  orderCrediting: Record<OrderCreditingRule, string>;
  category: Record<ConversationCategory, string>;
  roundFilter: Record<z.infer<typeof RoundsQuery>['filter'], string>;
  recordType: Record<RecordType, string>;
  importStatus: Record<z.infer<typeof ImportJob>['status'], string>;
}

/** Every message key; an English dictionary missing one (or adding one) does not compile. */
export type Messages = (typeof zhCN)['messages'];
export type MessageKey = keyof Messages;
export interface Dictionary {
  messages: Messages;
  enums: EnumLabels;
}
