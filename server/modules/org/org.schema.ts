/** Departments, groups, shops and channels (SPEC ORG-1); shared by server and web. */
import { z } from 'zod';
import { CHANNEL_KINDS, GROUP_KINDS, PLATFORMS } from '../../../domain/org.ts';

const name = z.string().trim().min(1, 'required').max(100);

export const Department = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  /** people currently in the department who have not left */
  headcount: z.number().int(),
});
export type Department = z.infer<typeof Department>;
export const DepartmentInput = z.object({ name, nameEn: z.string().trim().max(100).nullable().optional() });

export const Group = z.object({
  id: z.string(),
  departmentId: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(GROUP_KINDS),
  /** leads of the group (people with role lead placed in it) */
  leadIds: z.array(z.string()),
  headcount: z.number().int(),
});
export type Group = z.infer<typeof Group>;
export const GroupInput = z.object({
  departmentId: z.string().min(1),
  name,
  nameEn: z.string().trim().max(100).nullable().optional(),
  kind: z.enum(GROUP_KINDS),
});

export const Shop = z.object({ id: z.string(), name: z.string(), platform: z.enum(PLATFORMS) });
export type Shop = z.infer<typeof Shop>;
export const ShopInput = z.object({ name, platform: z.enum(PLATFORMS) });

export const Channel = z.object({ id: z.string(), name: z.string(), kind: z.enum(CHANNEL_KINDS) });
export type Channel = z.infer<typeof Channel>;
export const ChannelInput = z.object({ name, kind: z.enum(CHANNEL_KINDS) });

export const IdParams = z.object({ id: z.string().min(1) });
