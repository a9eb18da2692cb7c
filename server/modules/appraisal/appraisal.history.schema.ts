/**
 * What stands behind a result, read back for the console (SPEC APR-4): the appeal inbox across
 * cycles, the hand-entered values of a person, and the calibration and appeal history from the
 * audit log; shared by server and web.
 */
import { z } from 'zod';
import { CYCLE_STATES, GRADES } from '../../../domain/appraisal/index.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** `open`: waiting for an answer; `answered`: answered (kept for the record); left out: both. */
export const AppealsQuery = z.object({ status: z.enum(['open', 'answered']).optional() });

/** One appeal of the appeal inbox with the result and cycle it is about. */
export const AppealItem = z.object({
  cycleId: z.string(),
  cycleName: z.string(),
  cycleState: z.enum(CYCLE_STATES),
  periodFrom: isoDate,
  periodTo: isoDate,
  personId: z.string(),
  personName: z.string(),
  groupId: z.string().nullable(),
  /** the computed total */
  total: z.number().nullable(),
  /** the calibrated total when calibrated, else the computed one */
  finalTotal: z.number().nullable(),
  finalGrade: z.enum(GRADES).nullable(),
  calibration: z.object({ total: z.number(), reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  appeal: z.object({
    reason: z.string(),
    at: z.string(),
    answer: z.string().nullable(),
    answeredBy: z.string().nullable(),
    answeredAt: z.string().nullable(),
  }),
  /** the name of who answered, for readers whose directory does not hold them */
  answeredByName: z.string().nullable(),
});
export type AppealItem = z.infer<typeof AppealItem>;

/** A hand-entered value of a person in a cycle: the scheme's review items entered by hand, or an item outside the scheme. */
export const ValueOut = z.object({
  itemId: z.string(),
  /** in the item's stored unit (rates as fractions) */
  value: z.number(),
  comment: z.string().nullable(),
  enteredBy: z.string().nullable(),
  enteredByName: z.string().nullable(),
  enteredAt: z.string(),
});
export type ValueOut = z.infer<typeof ValueOut>;

export const RESULT_EVENT_KINDS = ['calibrated', 'appealed', 'answered', 'acknowledged'] as const;

/** One calibration or appeal event of a result, from the audit log. */
export const ResultEvent = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(RESULT_EVENT_KINDS),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** calibrated: the total and grade before and after */
  fromTotal: z.number().nullable(),
  fromGrade: z.enum(GRADES).nullable(),
  total: z.number().nullable(),
  grade: z.enum(GRADES).nullable(),
  /** the calibration reason, the appeal's reason or the answer; null for an acknowledgement */
  text: z.string().nullable(),
});
export type ResultEvent = z.infer<typeof ResultEvent>;
