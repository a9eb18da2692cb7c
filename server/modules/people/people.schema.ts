/** People, their employment history and the roster import (SPEC ORG-1, ORG-2); shared by server and web. */
import { z } from 'zod';
import { EMPLOYMENT_EVENT_KINDS, LEVELS, ROLES, STATUSES } from '../../../domain/org.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const Person = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  /** masked unless the caller may see contact data */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  level: z.enum(LEVELS),
  star: z.number().int().min(1).max(5).nullable(),
  departmentId: z.string().nullable(),
  groupId: z.string().nullable(),
  leadId: z.string().nullable(),
  mentorId: z.string().nullable(),
  shopIds: z.array(z.string()),
  hireDate: isoDate,
  /** true during the first `new_hire_days` days after the hire date */
  newHire: z.boolean(),
  status: z.enum(STATUSES),
  statusSince: isoDate,
});
export type Person = z.infer<typeof Person>;

export const PersonListQuery = z.object({
  departmentId: z.string().optional(),
  groupId: z.string().optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(STATUSES).optional(),
  /** matches login or name */
  q: z.string().trim().max(100).optional(),
});

const personFields = {
  name: z.string().trim().min(1, 'required').max(100),
  email: z.string().trim().email().nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  role: z.enum(ROLES),
  level: z.enum(LEVELS),
  star: z.number().int().min(1).max(5).nullable().optional(),
  departmentId: z.string().nullable().optional(),
  groupId: z.string().nullable().optional(),
  leadId: z.string().nullable().optional(),
  mentorId: z.string().nullable().optional(),
  shopIds: z.array(z.string()).optional(),
  hireDate: isoDate,
};

export const PersonCreate = z.object({
  login: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore'),
  /** initial password; at least 8 characters */
  password: z.string().min(8).max(200),
  ...personFields,
});
export type PersonCreate = z.infer<typeof PersonCreate>;

export const PersonUpdate = z.object(personFields).partial();
export type PersonUpdate = z.infer<typeof PersonUpdate>;

export const StatusChange = z.object({
  status: z.enum(STATUSES),
  /** the day the change takes effect */
  date: isoDate,
  note: z.string().max(500).optional(),
});

export const EmploymentEvent = z.object({
  id: z.string(),
  personId: z.string(),
  kind: z.enum(EMPLOYMENT_EVENT_KINDS),
  onDate: isoDate,
  detail: z.record(z.string(), z.unknown()).nullable(),
  actorId: z.string().nullable(),
  createdAt: z.string(),
});
export type EmploymentEvent = z.infer<typeof EmploymentEvent>;

export const PersonDetail = Person.extend({
  /** names of the lead and mentor, shown even to an agent who may not open their records */
  leadName: z.string().nullable(),
  mentorName: z.string().nullable(),
  history: z.array(EmploymentEvent),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const ImportResult = z.object({
  file: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResult>;
