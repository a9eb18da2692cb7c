/** Request/response shapes of sign-in and the signed-in person; shared by server and web. */
import { z } from 'zod';
import { LEVELS, ROLES } from '../../../domain/org.ts';

export const LOCALES = ['zh-CN', 'en-US'] as const;

export const LoginBody = z.object({
  /** login name, e.g. `agent01` */
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

/** Permission flags the console uses to build its menu (web/access.ts). */
export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'people.read',
  'people.write',
  'people.import',
  'audit.read',
  'settings.manage',
  'kpi.read',
  'kpi.settings',
  'import.write',
  /** see appraisal cycles, schemes and the results in one's scope */
  'appraisal.read',
  /** write schemes, open cycles and move them between states */
  'appraisal.manage',
  /** supervisor reviews and hand-entered appraisal values for people in one's scope */
  'appraisal.review',
  /** calibrate scores, answer appeals, record red lines in one's scope */
  'appraisal.calibrate',
  /** bonus amounts of everyone and the payroll export */
  'pay.read',
  /** review assigned conversations, decide other reviewers' disputes, join calibration sessions */
  'qa.review',
  /** edit scorecards and sampling rules, draw samples, run calibration sessions */
  'qa.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const Me = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  level: z.enum(LEVELS),
  star: z.number().int().nullable(),
  departmentId: z.string().nullable(),
  groupId: z.string().nullable(),
  locale: z.enum(LOCALES),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type Me = z.infer<typeof Me>;

export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1),
  /** at least 8 characters */
  newPassword: z.string().min(8, 'at least 8 characters').max(200),
});

export const LocaleBody = z.object({ locale: z.enum(LOCALES) });

/** Every error the API returns has this shape; `details` names rows and fields where known. */
export const ApiError = z.object({
  error: z.string(),
  message: z.string(),
  details: z
    .array(z.object({ row: z.number().int().optional(), field: z.string().optional(), message: z.string() }))
    .optional(),
});
export type ApiError = z.infer<typeof ApiError>;
