/**
 * What the signed-in person may do in the console, from the permission flags the server puts
 * on Me (server/modules/auth). Routes and the menu are filtered by these; the server still
 * checks every request.
 */
import { canReadChatContent, readScope, type Actor } from '../domain/access.ts';
import type { Me } from '../server/modules/auth/auth.schema.ts';
import { useMe } from './api/auth.ts';

export interface Access {
  signedIn: boolean;
  canReadOrg: boolean;
  canManageOrg: boolean;
  canReadPeople: boolean;
  canWritePeople: boolean;
  canImportPeople: boolean;
  canReadAudit: boolean;
  canManageSettings: boolean;
  /** own KPIs and rounds (everyone signed in; the server scopes the rows) */
  canReadKpi: boolean;
  /** the KPI explorer: figures of the people in one's scope, not only one's own */
  canExploreKpi: boolean;
  /** KPIs by shop, channel, day and the whole organisation (the server's policy: an organisation-wide scope) */
  canKpiOrgWide: boolean;
  /** the chat behind a round (HR reads figures, never chat content) */
  canReadChats: boolean;
  /** service-data import */
  canImportData: boolean;
  /** the metric settings that shape every KPI */
  canManageKpiSettings: boolean;
  /** one's own appraisal results (only agents are appraised) */
  hasOwnAppraisal: boolean;
  /** cycles, schemes and the results of others in scope (reviewers, calibrators, managers of appraisal) */
  canAppraise: boolean;
  /** supervisor reviews and hand-entered values */
  canReviewAppraisal: boolean;
  /** calibrate totals, answer appeals */
  canCalibrate: boolean;
  /** new scheme versions, cycles and their states */
  canManageAppraisal: boolean;
  /** a cycle's consequence proposals (calibrators decide them; appraisal managers read them) */
  canReadProposals: boolean;
  /** bonus amounts and the payroll export */
  canReadPay: boolean;
  /** QA: review assigned conversations, decide other reviewers' disputes, join calibration sessions */
  canReviewQa: boolean;
  /** QA: edit scorecards and sampling rules, draw samples, run calibration sessions */
  canManageQa: boolean;
  /** the weekly QA report of one's scope (leads, supervisors, managers) */
  canReadQaWeekly: boolean;
  /** the alert panel and live alerts (危机预警) about agents in one's scope */
  canHandleAlerts: boolean;
  /** the inspection lexicons and settings */
  canEditLexicons: boolean;
  /** the API docs link in the user menu */
  isAdmin: boolean;
}
export type AccessFlag = keyof Access;

/** The access flags for a person (all false when nobody is signed in). */
export function access(me: Me | null | undefined): Access {
  const has = (p: Me['permissions'][number]) => Boolean(me?.permissions.includes(p));
  // the domain policy's view of the person, for the rules that are not permission flags
  const actor: Actor | null = me ? { ...me, ledGroupIds: [] } : null;
  return {
    signedIn: Boolean(me),
    canReadOrg: has('org.read'),
    canManageOrg: has('org.manage'),
    canReadPeople: has('people.read'),
    canWritePeople: has('people.write'),
    canImportPeople: has('people.import'),
    canReadAudit: has('audit.read'),
    canManageSettings: has('settings.manage'),
    canReadKpi: has('kpi.read'),
    canExploreKpi: has('kpi.read') && has('people.read'),
    canKpiOrgWide: has('kpi.read') && actor !== null && readScope(actor).kind === 'all',
    canReadChats:
      has('kpi.read') &&
      actor !== null &&
      canReadChatContent(actor, { personId: actor.id, groupId: actor.groupId, departmentId: actor.departmentId }),
    canImportData: has('import.write'),
    canManageKpiSettings: has('kpi.settings'),
    hasOwnAppraisal: has('appraisal.read') && me?.role === 'agent',
    canAppraise:
      has('appraisal.read') && (has('appraisal.review') || has('appraisal.calibrate') || has('appraisal.manage')),
    canReviewAppraisal: has('appraisal.review'),
    canCalibrate: has('appraisal.calibrate'),
    canManageAppraisal: has('appraisal.manage'),
    canReadProposals: has('appraisal.calibrate') || has('appraisal.manage'),
    canReadPay: has('pay.read'),
    canReviewQa: has('qa.review'),
    canManageQa: has('qa.manage'),
    canReadQaWeekly: has('qa.review'),
    canHandleAlerts: has('qa.review'),
    canEditLexicons: has('qa.manage'),
    isAdmin: me?.role === 'admin',
  };
}

/** The access flags of the signed-in person. */
export function useAccess(): Access {
  return access(useMe().data);
}
