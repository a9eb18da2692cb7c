/** The metric engine (SPEC KPI): facts per conversation at import, KPIs aggregated from facts. */
export * from './settings.ts';
export * from './records.ts';
export * from './facts.ts';
export * from './conversation.ts';
export * from './resolution.ts';
export * from './orders.ts';
export * from './percentile.ts';
export * from './catalogue.ts';
export * from './counters.ts';
export {
  aggregateKpis,
  countKpis,
  KpiTally,
  rollUpKpis,
  type KpiBucket,
  type KpiFacts,
  type KpiQuery,
  type KpiRow,
} from './aggregate.ts';
export * from './explain.ts';
export * from './codec.ts';
