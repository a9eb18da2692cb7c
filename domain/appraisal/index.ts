/** Appraisal and incentives (SPEC APR, KPI-13): schemes, scores, results, bonuses, consequences, cycles. */
export * from './units.ts';
export * from './scheme.ts';
export * from './validate.ts';
export * from './score.ts';
export * from './defaults.ts';
export * from './reviews.ts';
export * from './result.ts';
export * from './redline.ts';
export * from './bonus.ts';
export * from './team.ts';
export * from './consequences.ts';
export * from './cycle.ts';
export * from './history.ts';
