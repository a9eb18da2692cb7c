/**
 * The database as Kysely sees it. One interface per table; columns are portable across
 * SQLite and PostgreSQL: ids are app-generated text, timestamps are ISO-8601 UTC text,
 * calendar dates are `YYYY-MM-DD` text, money is integer cents, JSON is text.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface DepartmentTable {
  id: string;
  name: string;
  name_en: string | null;
  created_at: string;
}

export interface GroupTable {
  id: string;
  department_id: string;
  name: string;
  name_en: string | null;
  /** presale | after_sales | complaints | basic | other */
  kind: string;
  created_at: string;
}

export interface ShopTable {
  id: string;
  name: string;
  /** taobao | tmall | jd | pinduoduo | douyin | own_site */
  platform: string;
  created_at: string;
}

export interface ChannelTable {
  id: string;
  name: string;
  /** chat | phone | ticket | email | video */
  kind: string;
  created_at: string;
}

export interface PersonTable {
  id: string;
  login: string;
  name: string;
  email: string | null;
  phone: string | null;
  password_hash: string | null;
  /** agent | lead | supervisor | manager | hr | admin */
  role: string;
  /** junior | senior | star */
  level: string;
  /** 1..5 when level = star */
  star: number | null;
  department_id: string | null;
  group_id: string | null;
  lead_id: string | null;
  mentor_id: string | null;
  hire_date: string;
  /** active | on_leave | left */
  status: string;
  status_since: string;
  locale: string;
  created_at: string;
  updated_at: string;
}

export interface PersonShopTable {
  person_id: string;
  shop_id: string;
}

export interface EmploymentEventTable {
  id: string;
  person_id: string;
  /** joined | left | leave_started | returned | rejoined | moved | level_changed | role_changed */
  kind: string;
  on_date: string;
  detail: string | null;
  actor_id: string | null;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token, so a leaked table cannot be replayed */
  id: string;
  person_id: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  /** time-ordered app-generated id */
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface MessageTable {
  message_id: string;
  conversation_id: string;
  shop_id: string;
  channel: string;
  customer_id: string;
  sender: string;
  /** person id of the sending (or transferring) agent */
  agent_id: string | null;
  sent_at: number;
  text: string;
  auto_reply: number;
  event: string;
  to_agent_id: string | null;
}

export interface ConversationAttrTable {
  conversation_id: string;
  category: string;
  resolved: number;
  resolved_at: number | null;
  issue_key: string;
}

export interface RatingTable {
  conversation_id: string;
  customer_id: string;
  rated_at: number;
  agent_id: string | null;
  csat: number;
  nps: number | null;
  comment: string;
}

export interface OrderTable {
  order_id: string;
  shop_id: string;
  customer_id: string;
  created_at: number;
  paid_at: number | null;
  amount_cents: number;
  refund_amount_cents: number;
  refunded_at: number | null;
}

export interface ImportRunTable {
  id: string;
  file: string;
  type: string | null;
  format: string | null;
  actor_id: string | null;
  started_at: string;
  finished_at: string | null;
  status: string;
  total_bytes: number | null;
  bytes: Generated<number>;
  rows: Generated<number>;
  inserted: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  message: string | null;
  details: string | null;
}

/** Fact tables: filter columns plus the whole fact as JSON (`data`). */
export interface FactConversationTable {
  conversation_id: string;
  customer_id: string;
  day: string;
  agent_id: string | null;
  category: string | null;
  repeat_complaint: number;
  data: string;
}

export interface FactRoundTable {
  conversation_id: string;
  seq: number;
  agent_id: string | null;
  shop_id: string;
  day: string;
  open_at: number;
  counts: number;
  is_first: number;
  slow: number;
  unanswered: number;
  data: string;
}

export interface FactByConversationTable {
  conversation_id: string;
  customer_id: string;
  agent_id: string | null;
  day: string;
  data: string;
}

export interface FactSalesTable {
  customer_id: string;
  /** order | assist | inquiry */
  kind: string;
  agent_id: string | null;
  day: string;
  data: string;
}

export interface KpiDailyTable {
  /** agent | group | shop | channel | all */
  dimension: string;
  key: string;
  day: string;
  /** KpiCounters as JSON */
  counters: string;
}

export interface KpiMonthlyTable {
  dimension: string;
  key: string;
  /** first day of the month, YYYY-MM-01 */
  month: string;
  counters: string;
}

/** One frozen version of an appraisal scheme (the domain's Scheme as JSON); never updated. */
export interface AppraisalSchemeTable {
  id: string;
  version: number;
  /** display name, zh */
  name: string;
  json: string;
  created_at: string;
  created_by: string | null;
}

export interface AppraisalCycleTable {
  id: string;
  name: string;
  /** monthly | quarterly */
  kind: string;
  period_from: string;
  period_to: string;
  /** { departmentIds: string[], groupIds: string[] } as JSON */
  scope: string;
  scheme_id: string;
  scheme_version: number;
  /** draft | collecting | reviewing | calibration | finalised */
  state: string;
  /** grade bands and bonus settings frozen at creation, JSON */
  options: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface AppraisalResultTable {
  cycle_id: string;
  person_id: string;
  group_id: string | null;
  department_id: string | null;
  /** computed total × 100 */
  total_hundredths: number | null;
  grade: string | null;
  /** calibrated (or computed) total × 100 */
  final_total_hundredths: number | null;
  final_grade: string | null;
  rank: number | null;
  rank_of: Generated<number>;
  /** the domain's AppraisalResult plus the inputs it was computed from, JSON */
  snapshot: string;
  calibration_reason: string | null;
  calibrated_by: string | null;
  calibrated_at: string | null;
  /** the domain's AgentBonus (integer cents), JSON */
  bonus: string | null;
  bonus_cents: number | null;
  /** consequence proposals, JSON array */
  proposals: Generated<string>;
  acknowledged_at: string | null;
  /** { reason, at, answer, answeredBy, answeredAt } JSON */
  appeal: string | null;
  appeal_open: Generated<number>;
  computed_at: string;
}

export interface AppraisalReviewTable {
  id: string;
  cycle_id: string;
  person_id: string;
  /** self | supervisor | peer360 | manual */
  kind: string;
  reviewer_id: string;
  /** indicator id of a manual value; '' for review forms */
  item_id: Generated<string>;
  value: number;
  comment: string | null;
  created_at: string;
}

export interface RedlineViolationTable {
  id: string;
  person_id: string;
  cycle_id: string | null;
  on_date: string;
  /** rude_to_customer | data_leak | unauthorised_promise */
  kind: string;
  note: string | null;
  recorded_by: string | null;
  created_at: string;
}

/** A peer/360 reviewer a supervisor picked for one agent in one cycle. */
export interface AppraisalPeerReviewerTable {
  cycle_id: string;
  person_id: string;
  reviewer_id: string;
  assigned_by: string | null;
  created_at: string;
}

/** One surveyed customer's answer (the customer is in the cycle's reproducible sample). */
export interface AppraisalSurveyAnswerTable {
  id: string;
  cycle_id: string;
  person_id: string;
  customer_id: string;
  /** 1 = answered satisfied */
  satisfied: number;
  /** 1–5 when the answer came as a rating */
  csat: number | null;
  comment: string | null;
  entered_by: string | null;
  created_at: string;
}

/** A performance-interview note (绩效面谈): one per agent per cycle. */
export interface AppraisalInterviewTable {
  id: string;
  cycle_id: string;
  person_id: string;
  held_on: string;
  summary: string;
  /** agreed actions, JSON array of strings */
  actions: string;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A consequence proposal of a cycle's result and the supervisor's decision on it. */
export interface AppraisalProposalTable {
  id: string;
  cycle_id: string;
  person_id: string;
  kind: string;
  /** the domain's Proposal, JSON */
  proposal: string;
  /** open | confirmed | rejected */
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  mentor_id: string | null;
  reappraise_on: string | null;
  /** what a confirmation changed, JSON */
  applied: string | null;
  created_at: string;
  updated_at: string;
}

/** One frozen version of a QA scorecard (the domain's Scorecard as JSON); only `retired_at` ever changes. */
export interface QaScorecardTable {
  id: string;
  version: number;
  /** display name, zh */
  name: string;
  json: string;
  retired_at: string | null;
  created_at: string;
  created_by: string | null;
}

/** A version of the sampling rules (the domain's SamplingRules as JSON); the latest id is in force. */
export interface QaSamplingRulesTable {
  id: string;
  rules: string;
  created_at: string;
  created_by: string | null;
}

/** A period's drawn sample: the rules, seed and scorecard it ran with and its per-agent summary (JSON). */
export interface QaSampleTable {
  id: string;
  period_from: string;
  period_to: string;
  /** { departmentIds, groupIds } JSON; both empty = everything in the creator's scope */
  scope: string;
  seed: string;
  rules: string;
  scorecard_id: string;
  scorecard_version: number;
  summary: string;
  created_at: string;
  created_by: string | null;
}

/** One sampled conversation in a reviewer's queue. */
export interface QaAssignmentTable {
  id: string;
  sample_id: string;
  conversation_id: string;
  agent_id: string;
  day: string;
  shop_id: string;
  /** new_hire | high_complaints | random */
  reason: string;
  reviewer_id: string;
  /** open | done */
  status: string;
  assigned_at: string;
  done_at: string | null;
}

export interface QaReviewTable {
  id: string;
  assignment_id: string;
  conversation_id: string;
  agent_id: string;
  reviewer_id: string;
  day: string;
  scorecard_id: string;
  scorecard_version: number;
  /** { itemId: rating | null } JSON */
  ratings: string;
  /** { itemId: comment } JSON */
  comments: string;
  coaching_note: string | null;
  /** score × 100 as scored by the reviewer */
  score_hundredths: number;
  /** score × 100 that counts (a revised dispute's, else the reviewer's) */
  final_score_hundredths: number;
  critical_fail: number;
  /** the domain's ReviewScore JSON */
  breakdown: string;
  /** submitted | disputed | upheld | revised */
  status: string;
  created_at: string;
  updated_at: string;
}

export interface QaDisputeTable {
  id: string;
  review_id: string;
  agent_id: string;
  reason: string;
  opened_at: string;
  decided_by: string | null;
  decided_at: string | null;
  /** upheld | revised; null while open */
  outcome: string | null;
  note: string | null;
  /** the decider's ratings JSON when revised */
  ratings: string | null;
  score_hundredths: number | null;
}

export interface QaCalibrationSessionTable {
  id: string;
  name: string;
  scorecard_id: string;
  scorecard_version: number;
  owner_id: string;
  benchmark_reviewer_id: string | null;
  /** JSON arrays of ids */
  conversation_ids: string;
  reviewer_ids: string;
  /** open | closed */
  status: string;
  created_at: string;
  closed_at: string | null;
}

export interface QaCalibrationScoreTable {
  session_id: string;
  conversation_id: string;
  reviewer_id: string;
  ratings: string;
  score_hundredths: number | null;
  created_at: string;
  updated_at: string;
}

/** An improvement action on a flagged complaint category (SPEC QA-6); its effect is read from the complaints. */
export interface QaImprovementActionTable {
  id: string;
  /** a complaint category of domain/qa/complaints.ts */
  category: string;
  /** ISO week YYYY-Www the category was flagged in */
  week: string;
  /** { departmentIds, groupIds } JSON; both empty = everything */
  scope: string;
  description: string;
  owner_id: string;
  due_date: string;
  /** open | done */
  status: string;
  /** what closing it achieved */
  outcome: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_by: string | null;
  closed_at: string | null;
}

/** A complaint conversation's cached category; valid while `fingerprint` matches. */
export interface QaComplaintClassTable {
  conversation_id: string;
  day: string;
  category: string;
  /** attribute | lexicon | none */
  source: string;
  /** keywords found, JSON */
  terms: string;
  fingerprint: string;
  classified_at: string;
}

/** One conversation's automatic inspection (SPEC QA-3): counts to filter on, findings with positions as JSON. */
export interface QaInspectionTable {
  conversation_id: string;
  agent_id: string | null;
  group_id: string | null;
  day: string;
  /** fingerprint of the lexicon additions and settings used */
  rules_version: string;
  customer_messages: number;
  negative_words: number;
  /** negative-word share × 1,000,000 */
  negative_share_ppm: number;
  /** sentiment index × 10,000 */
  sentiment_bp: number;
  banned_hits: number;
  banned_rude: number;
  banned_promise: number;
  banned_privacy: number;
  banned_off_platform: number;
  repeated_questions: number;
  unanswered: number;
  ended_upset: number;
  longest_wait_s: number;
  findings: string;
  inspected_at: string;
}

/** A word a manager added to a shipped lexicon (banned category, whitelist or sentiment list). */
export interface QaLexiconWordTable {
  id: string;
  list: string;
  word: string;
  created_at: string;
  created_by: string | null;
}

/** An alert raised by inspection for the supervisors of the agent's group (危机预警). */
export interface QaAlertTable {
  id: string;
  conversation_id: string;
  /** negative_share | banned_word | long_wait */
  kind: string;
  /** message id, or '' for a conversation's negative share: (conversation, kind, anchor) is unique */
  anchor: string;
  message_id: string;
  agent_id: string | null;
  group_id: string | null;
  department_id: string | null;
  day: string;
  at: number;
  /** JSON */
  detail: string;
  live: number;
  raised_at: string;
  /** open | acknowledged | resolved */
  status: string;
  /** intervened | bad_review_avoided | bad_review_not_avoided */
  outcome: string | null;
  note: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface Database {
  departments: DepartmentTable;
  groups: GroupTable;
  shops: ShopTable;
  channels: ChannelTable;
  people: PersonTable;
  person_shops: PersonShopTable;
  employment_events: EmploymentEventTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
  messages: MessageTable;
  conversation_attrs: ConversationAttrTable;
  ratings: RatingTable;
  orders: OrderTable;
  import_runs: ImportRunTable;
  fact_conversations: FactConversationTable;
  fact_rounds: FactRoundTable;
  fact_agent_days: FactByConversationTable;
  fact_offline: FactByConversationTable;
  fact_transfers: FactByConversationTable;
  fact_ratings: FactByConversationTable;
  fact_sales: FactSalesTable;
  kpi_daily: KpiDailyTable;
  kpi_monthly: KpiMonthlyTable;
  appraisal_schemes: AppraisalSchemeTable;
  appraisal_cycles: AppraisalCycleTable;
  appraisal_results: AppraisalResultTable;
  appraisal_reviews: AppraisalReviewTable;
  redline_violations: RedlineViolationTable;
  appraisal_peer_reviewers: AppraisalPeerReviewerTable;
  appraisal_survey_answers: AppraisalSurveyAnswerTable;
  appraisal_interviews: AppraisalInterviewTable;
  appraisal_proposals: AppraisalProposalTable;
  qa_scorecards: QaScorecardTable;
  qa_sampling_rules: QaSamplingRulesTable;
  qa_samples: QaSampleTable;
  qa_assignments: QaAssignmentTable;
  qa_reviews: QaReviewTable;
  qa_disputes: QaDisputeTable;
  qa_calibration_sessions: QaCalibrationSessionTable;
  qa_calibration_scores: QaCalibrationScoreTable;
  qa_inspections: QaInspectionTable;
  qa_lexicon_words: QaLexiconWordTable;
  qa_alerts: QaAlertTable;
  qa_improvement_actions: QaImprovementActionTable;
  qa_complaint_classes: QaComplaintClassTable;
}

export type PersonRow = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type AuditRow = Selectable<AuditLogTable>;
