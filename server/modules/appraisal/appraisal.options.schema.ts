/** A cycle's options (grade bands, bonus rules, team award, review settings); shared by server and web. */
import { z } from 'zod';
import { METRIC_KEYS } from '../../../domain/metrics/catalogue.ts';

const cents = z.number().int().min(0);
const percent = z.number().int().min(0);

const GradeBands = z.object({ S: z.number(), A: z.number(), B: z.number(), C: z.number() });

const Commission = z.object({
  /** of credited sales, in basis points (100 = 1 %) */
  rateBasisPoints: z.number().int().min(0).max(10_000),
  /** a fixed bonus when the hand-entered AOV uplift reaches `minUplift` (a fraction: 0.15 = 15 %) */
  aovBonus: z.object({ minUplift: z.number().min(0), cents }).nullable(),
});

const TeamAward = z.object({
  /** cents per group that met every target */
  poolCents: cents,
  /** targets on the group's metrics, in the metric's unit (rates as fractions) */
  targets: z
    .array(z.object({ metric: z.enum(METRIC_KEYS), target: z.number(), direction: z.enum(['higher', 'lower']) }))
    .min(1, 'a team award needs at least one team target'),
});

/**
 * Options of a new cycle; everything is optional and falls back to the defaults (grade bands
 * S ≥ 95 / A ≥ 85 / B ≥ 75 / C ≥ 60, DEFAULT_BONUS_SETTINGS, no team award, 3 peer raters, 10 %
 * survey). Frozen into the cycle: a later change of defaults leaves it alone.
 */
export const CycleOptionsIn = z.object({
  gradeBands: GradeBands.optional(),
  bonus: z
    .object({
      /** base bonus per level, cents; levels left out keep the default */
      baseCents: z.object({ junior: cents, senior: cents, star: cents }).partial().optional(),
      belowTarget: z.enum(['pro_rata', 'zero']).optional(),
      prorateByCoverage: z.boolean().optional(),
      excess: z.object({ indicatorIds: z.array(z.string()), percentPerPoint: percent, capPercent: percent }).optional(),
      innovationCents: cents.optional(),
      teamSplit: z.enum(['equal', 'coverage']).optional(),
      /** optional sales commission on credited sales (and the AOV bonus); null = none */
      commission: Commission.nullable().optional(),
    })
    .optional(),
  teamAward: TeamAward.nullable().optional(),
  minPeerRaters: z.number().int().min(1).max(20).optional(),
  surveyRate: z.number().gt(0).max(1).optional(),
});
export type CycleOptionsIn = z.infer<typeof CycleOptionsIn>;

/** The options a cycle runs with, every default filled in. */
export const CycleOptionsOut = z.object({
  gradeBands: GradeBands,
  bonus: z.object({
    baseCents: z.object({ junior: cents, senior: cents, star: cents }),
    belowTarget: z.enum(['pro_rata', 'zero']),
    prorateByCoverage: z.boolean(),
    excess: z.object({ indicatorIds: z.array(z.string()), percentPerPoint: z.number(), capPercent: z.number() }),
    innovationCents: z.number(),
    teamSplit: z.enum(['equal', 'coverage']),
    commission: Commission.nullable(),
  }),
  teamAward: TeamAward.nullable(),
  minPeerRaters: z.number().int(),
  surveyRate: z.number(),
});
export type CycleOptionsOut = z.infer<typeof CycleOptionsOut>;
