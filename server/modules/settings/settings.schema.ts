/** Organisation settings: every target and convention is a setting, never a constant. */
import { z } from 'zod';

export const Settings = z.object({
  /** days after the hire date during which a person is flagged as a new hire */
  newHireDays: z.number().int().min(0).max(3650),
  /** IANA time zone used to cut days, weeks and months */
  timezone: z.string().min(1),
});
export type Settings = z.infer<typeof Settings>;
export const SettingsUpdate = Settings.partial();
