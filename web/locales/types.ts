/** The shapes both dictionaries must fill; the Chinese dictionary is the source of the keys. */
import type { ChannelKind, EmploymentEventKind, GroupKind, Level, Platform, Role, Status } from '../../domain/org.ts';
import type zhCN from './zh-CN/index.ts';

import type { LOCALES } from '../../server/modules/auth/auth.schema.ts';

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
}

/** Every message key; an English dictionary missing one (or adding one) does not compile. */
export type Messages = (typeof zhCN)['messages'];
export type MessageKey = keyof Messages;
export interface Dictionary {
  messages: Messages;
  enums: EnumLabels;
}
