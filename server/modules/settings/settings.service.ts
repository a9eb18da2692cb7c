import { DEFAULT_NEW_HIRE_DAYS } from '../../../domain/org.ts';
import type { Conn } from '../../db/types.ts';
import { badRequest } from '../../lib/errors.ts';
import { isTimeZone } from '../../lib/dates.ts';
import { record, type AuditActor } from '../audit/audit.service.ts';
import * as repo from './settings.repository.ts';
import { Settings, type Settings as SettingsT } from './settings.schema.ts';

/** Defaults for every setting; a manager can change each (SPEC: targets are defaults, not constants). */
export const DEFAULT_SETTINGS: SettingsT = {
  newHireDays: DEFAULT_NEW_HIRE_DAYS,
  timezone: 'Asia/Shanghai',
};

/** The effective settings: stored values over defaults. */
export async function getSettings(db: Conn): Promise<SettingsT> {
  const stored = await repo.readAll(db);
  return Settings.parse({ ...DEFAULT_SETTINGS, ...stored });
}

/** Changes some settings, audited; refuses unknown time zones. */
export async function updateSettings(db: Conn, actor: AuditActor, patch: Partial<SettingsT>): Promise<SettingsT> {
  if (patch.timezone !== undefined && !isTimeZone(patch.timezone)) {
    throw badRequest(`unknown time zone "${patch.timezone}"`, [{ field: 'timezone', message: 'unknown IANA time zone' }]);
  }
  const before = await getSettings(db);
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) await repo.write(db, key, value);
  }
  const after = await getSettings(db);
  await record(db, actor, 'settings.update', 'settings', null, before, after);
  return after;
}
