import { DEFAULT_METRIC_SETTINGS, metricSettings, type MetricSettings } from '../../../domain/metrics/settings.ts';
import type { Conn } from '../../db/types.ts';
import { badRequest } from '../../lib/errors.ts';
import { record, type AuditActor } from '../audit/audit.service.ts';
import * as settingsRepo from '../settings/settings.repository.ts';
import { getSettings } from '../settings/settings.service.ts';

/**
 * The metric conventions in force: stored overrides over DEFAULT_METRIC_SETTINGS, with the
 * organisation's time zone (one time zone for the whole product).
 */
export async function getMetricSettings(db: Conn): Promise<MetricSettings> {
  const stored = (await settingsRepo.readAll(db)).metrics as Partial<MetricSettings> | undefined;
  const org = await getSettings(db);
  return metricSettings({ ...DEFAULT_METRIC_SETTINGS, ...(stored ?? {}), timeZone: org.timezone });
}

/** Changes metric settings (validated by the domain), audited; the caller recomputes facts. */
export async function updateMetricSettings(db: Conn, actor: AuditActor, patch: Partial<MetricSettings>): Promise<MetricSettings> {
  const before = await getMetricSettings(db);
  const { timeZone, ...rest } = { ...before, ...patch };
  try {
    metricSettings({ ...rest, timeZone });
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  await settingsRepo.write(db, 'metrics', rest);
  if (patch.timeZone && patch.timeZone !== before.timeZone) await settingsRepo.write(db, 'timezone', patch.timeZone);
  const after = await getMetricSettings(db);
  await record(db, actor, 'kpi.settings.update', 'settings', 'metrics', before, after);
  return after;
}
