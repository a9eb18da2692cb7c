/**
 * Every page of the console. A route's `name` is its menu item and its i18n key
 * (web/locales/<lang>/menu.ts); `access` is the flag from web/access.ts it needs; `group` is the
 * module it sits under in the side menu.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  CustomerServiceOutlined,
  HomeOutlined,
  IdcardOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
  ClusterOutlined,
  ToolOutlined,
  BarChartOutlined,
  LineChartOutlined,
  FieldTimeOutlined,
  DatabaseOutlined,
  ImportOutlined,
  ControlOutlined,
  FundOutlined,
  TrophyOutlined,
  SolutionOutlined,
  ScheduleOutlined,
  ProfileOutlined,
  MessageOutlined,
  SlidersOutlined,
  MoneyCollectOutlined,
  SafetyCertificateOutlined,
  FileSearchOutlined,
  ExperimentOutlined,
  CheckSquareOutlined,
  FileDoneOutlined,
  ExceptionOutlined,
  AimOutlined,
  StarOutlined,
  CalendarOutlined,
  AlertOutlined,
  BookOutlined,
} from '@ant-design/icons';
import type menu from './locales/zh-CN/menu.ts';
import type { AccessFlag } from './access.ts';

export type MenuKey = keyof typeof menu;
export type MenuGroup = 'menu.kpi' | 'menu.appraisal' | 'menu.qa' | 'menu.org' | 'menu.data' | 'menu.system';

export interface AppRoute {
  name: MenuKey;
  path: string;
  access: AccessFlag;
  group?: MenuGroup;
  icon?: ComponentType;
  /** pages reached from another page (a person's profile) stay out of the menu */
  hideInMenu?: boolean;
  /** the menu item to highlight and show in the breadcrumb for a hidden page */
  parent?: MenuKey;
  component: LazyExoticComponent<ComponentType>;
}

/** Module groups of the side menu, in order. */
export const MENU_GROUPS: { name: MenuGroup; icon: ComponentType }[] = [
  { name: 'menu.kpi', icon: FundOutlined },
  { name: 'menu.appraisal', icon: TrophyOutlined },
  { name: 'menu.qa', icon: SafetyCertificateOutlined },
  { name: 'menu.org', icon: ClusterOutlined },
  { name: 'menu.data', icon: DatabaseOutlined },
  { name: 'menu.system', icon: ToolOutlined },
];

export const HOME_PATH = '/dashboard';
export const LOGIN_PATH = '/login';

export const ROUTES: AppRoute[] = [
  {
    name: 'menu.dashboard',
    path: HOME_PATH,
    access: 'signedIn',
    icon: HomeOutlined,
    component: lazy(() => import('./pages/dashboard/index.tsx')),
  },
  {
    name: 'menu.kpi.explorer',
    path: '/kpi',
    access: 'canExploreKpi',
    group: 'menu.kpi',
    icon: BarChartOutlined,
    component: lazy(() => import('./pages/kpi/explorer/index.tsx')),
  },
  {
    name: 'menu.kpi.mine',
    path: '/kpi/mine',
    access: 'canReadKpi',
    group: 'menu.kpi',
    icon: LineChartOutlined,
    component: lazy(() => import('./pages/kpi/mine/index.tsx')),
  },
  {
    // the drill-down behind a figure; also reachable from the menu to browse rounds
    name: 'menu.kpi.rounds',
    path: '/kpi/rounds',
    access: 'canReadKpi',
    group: 'menu.kpi',
    icon: FieldTimeOutlined,
    component: lazy(() => import('./pages/kpi/rounds/index.tsx')),
  },
  {
    // the server decides whose chat may be read (403 for HR and out of scope)
    name: 'menu.kpi.conversation',
    path: '/kpi/conversations/:id',
    access: 'canReadKpi',
    group: 'menu.kpi',
    hideInMenu: true,
    parent: 'menu.kpi.rounds',
    component: lazy(() => import('./pages/kpi/conversation/index.tsx')),
  },
  // appraisal (SPEC APR): agents see their own results; reviewers, calibrators and HR the cycles and schemes
  {
    name: 'menu.appraisal.mine',
    path: '/appraisal/mine',
    access: 'hasOwnAppraisal',
    group: 'menu.appraisal',
    icon: SolutionOutlined,
    component: lazy(() => import('./pages/appraisal/mine/index.tsx')),
  },
  {
    // an agent's own scorecard, reached from My appraisal
    name: 'menu.appraisal.myScorecard',
    path: '/appraisal/mine/:cycleId',
    access: 'hasOwnAppraisal',
    group: 'menu.appraisal',
    hideInMenu: true,
    parent: 'menu.appraisal.mine',
    component: lazy(() => import('./pages/appraisal/scorecard/index.tsx')),
  },
  {
    name: 'menu.appraisal.cycles',
    path: '/appraisal/cycles',
    access: 'canAppraise',
    group: 'menu.appraisal',
    icon: ScheduleOutlined,
    component: lazy(() => import('./pages/appraisal/cycles/index.tsx')),
  },
  {
    name: 'menu.appraisal.cycle',
    path: '/appraisal/cycles/:cycleId',
    access: 'canAppraise',
    group: 'menu.appraisal',
    hideInMenu: true,
    parent: 'menu.appraisal.cycles',
    component: lazy(() => import('./pages/appraisal/cycles/detail/index.tsx')),
  },
  {
    // the server decides whose result may be read (403 out of scope)
    name: 'menu.appraisal.scorecard',
    path: '/appraisal/cycles/:cycleId/results/:personId',
    access: 'canAppraise',
    group: 'menu.appraisal',
    hideInMenu: true,
    parent: 'menu.appraisal.cycles',
    component: lazy(() => import('./pages/appraisal/scorecard/index.tsx')),
  },
  {
    name: 'menu.appraisal.schemes',
    path: '/appraisal/schemes',
    access: 'canAppraise',
    group: 'menu.appraisal',
    icon: ProfileOutlined,
    component: lazy(() => import('./pages/appraisal/schemes/index.tsx')),
  },
  {
    // `new` starts a new scheme family from the version in `?from=`
    name: 'menu.appraisal.scheme',
    path: '/appraisal/schemes/:schemeId/:version',
    access: 'canAppraise',
    group: 'menu.appraisal',
    hideInMenu: true,
    parent: 'menu.appraisal.schemes',
    component: lazy(() => import('./pages/appraisal/schemes/editor/index.tsx')),
  },
  {
    name: 'menu.appraisal.appeals',
    path: '/appraisal/appeals',
    access: 'canCalibrate',
    group: 'menu.appraisal',
    icon: MessageOutlined,
    component: lazy(() => import('./pages/appraisal/appeals/index.tsx')),
  },
  {
    name: 'menu.appraisal.calibration',
    path: '/appraisal/calibration',
    access: 'canCalibrate',
    group: 'menu.appraisal',
    icon: SlidersOutlined,
    component: lazy(() => import('./pages/appraisal/calibration/index.tsx')),
  },
  {
    name: 'menu.appraisal.bonus',
    path: '/appraisal/bonus',
    access: 'canReadPay',
    group: 'menu.appraisal',
    icon: MoneyCollectOutlined,
    component: lazy(() => import('./pages/appraisal/bonus/index.tsx')),
  },
  {
    // everyone may be asked for a peer/360 review; the server lists only one's own
    name: 'menu.appraisal.peerReviews',
    path: '/appraisal/peer-reviews',
    access: 'signedIn',
    group: 'menu.appraisal',
    icon: TeamOutlined,
    component: lazy(() => import('./pages/appraisal/peer-reviews/index.tsx')),
  },
  {
    name: 'menu.appraisal.peers',
    path: '/appraisal/cycles/:cycleId/peers',
    access: 'canReviewAppraisal',
    group: 'menu.appraisal',
    hideInMenu: true,
    parent: 'menu.appraisal.cycles',
    component: lazy(() => import('./pages/appraisal/peers/index.tsx')),
  },
  {
    name: 'menu.appraisal.survey',
    path: '/appraisal/cycles/:cycleId/survey',
    access: 'canReviewAppraisal',
    group: 'menu.appraisal',
    hideInMenu: true,
    parent: 'menu.appraisal.cycles',
    component: lazy(() => import('./pages/appraisal/survey/index.tsx')),
  },
  {
    name: 'menu.appraisal.proposals',
    path: '/appraisal/cycles/:cycleId/proposals',
    access: 'canReadProposals',
    group: 'menu.appraisal',
    hideInMenu: true,
    parent: 'menu.appraisal.cycles',
    component: lazy(() => import('./pages/appraisal/proposals/index.tsx')),
  },
  // quality inspection (SPEC QA): reviewers work their queue; QA managers edit scorecards and draw samples; agents read their own reviews
  {
    name: 'menu.qa.scorecards',
    path: '/qa/scorecards',
    access: 'canReviewQa',
    group: 'menu.qa',
    icon: FileSearchOutlined,
    component: lazy(() => import('./pages/qa/scorecards/index.tsx')),
  },
  {
    // `?copy=1` starts a new scorecard family from this version
    name: 'menu.qa.scorecard',
    path: '/qa/scorecards/:id/:version',
    access: 'canReviewQa',
    group: 'menu.qa',
    hideInMenu: true,
    parent: 'menu.qa.scorecards',
    component: lazy(() => import('./pages/qa/scorecards/editor/index.tsx')),
  },
  {
    name: 'menu.qa.sampling',
    path: '/qa/sampling',
    access: 'canManageQa',
    group: 'menu.qa',
    icon: ExperimentOutlined,
    component: lazy(() => import('./pages/qa/sampling/index.tsx')),
  },
  {
    name: 'menu.qa.queue',
    path: '/qa/queue',
    access: 'canReviewQa',
    group: 'menu.qa',
    icon: CheckSquareOutlined,
    component: lazy(() => import('./pages/qa/queue/index.tsx')),
  },
  {
    name: 'menu.qa.workspace',
    path: '/qa/queue/:id',
    access: 'canReviewQa',
    group: 'menu.qa',
    hideInMenu: true,
    parent: 'menu.qa.queue',
    component: lazy(() => import('./pages/qa/queue/workspace/index.tsx')),
  },
  {
    // agents: their own reviews; the server scopes the rest (HR without comments)
    name: 'menu.qa.reviews',
    path: '/qa/reviews',
    access: 'signedIn',
    group: 'menu.qa',
    icon: FileDoneOutlined,
    component: lazy(() => import('./pages/qa/reviews/index.tsx')),
  },
  {
    name: 'menu.qa.review',
    path: '/qa/reviews/:id',
    access: 'signedIn',
    group: 'menu.qa',
    hideInMenu: true,
    parent: 'menu.qa.reviews',
    component: lazy(() => import('./pages/qa/reviews/detail/index.tsx')),
  },
  {
    name: 'menu.qa.disputes',
    path: '/qa/disputes',
    access: 'canReviewQa',
    group: 'menu.qa',
    icon: ExceptionOutlined,
    component: lazy(() => import('./pages/qa/reviews/disputes/index.tsx')),
  },
  {
    name: 'menu.qa.calibration',
    path: '/qa/calibration',
    access: 'canReviewQa',
    group: 'menu.qa',
    icon: AimOutlined,
    component: lazy(() => import('./pages/qa/calibration/index.tsx')),
  },
  {
    name: 'menu.qa.calibrationSession',
    path: '/qa/calibration/:id',
    access: 'canReviewQa',
    group: 'menu.qa',
    hideInMenu: true,
    parent: 'menu.qa.calibration',
    component: lazy(() => import('./pages/qa/calibration/session/index.tsx')),
  },
  {
    name: 'menu.qa.scores',
    path: '/qa/scores',
    access: 'signedIn',
    group: 'menu.qa',
    icon: StarOutlined,
    component: lazy(() => import('./pages/qa/scores/index.tsx')),
  },
  {
    name: 'menu.qa.weekly',
    path: '/qa/weekly',
    access: 'canReadQaWeekly',
    group: 'menu.qa',
    icon: CalendarOutlined,
    component: lazy(() => import('./pages/qa/weekly/index.tsx')),
  },
  {
    name: 'menu.qa.alerts',
    path: '/qa/alerts',
    access: 'canHandleAlerts',
    group: 'menu.qa',
    icon: AlertOutlined,
    component: lazy(() => import('./pages/qa/alerts/index.tsx')),
  },
  {
    name: 'menu.qa.lexicons',
    path: '/qa/lexicons',
    access: 'canEditLexicons',
    group: 'menu.qa',
    icon: BookOutlined,
    component: lazy(() => import('./pages/qa/lexicons/index.tsx')),
  },
  {
    name: 'menu.org.departments',
    path: '/org/departments',
    access: 'canReadOrg',
    group: 'menu.org',
    icon: ApartmentOutlined,
    component: lazy(() => import('./pages/org/departments/index.tsx')),
  },
  {
    name: 'menu.org.groups',
    path: '/org/groups',
    access: 'canReadOrg',
    group: 'menu.org',
    icon: TeamOutlined,
    component: lazy(() => import('./pages/org/groups/index.tsx')),
  },
  {
    name: 'menu.org.shops',
    path: '/org/shops',
    access: 'canReadOrg',
    group: 'menu.org',
    icon: ShopOutlined,
    component: lazy(() => import('./pages/org/shops/index.tsx')),
  },
  {
    name: 'menu.org.channels',
    path: '/org/channels',
    access: 'canReadOrg',
    group: 'menu.org',
    icon: CustomerServiceOutlined,
    component: lazy(() => import('./pages/org/channels/index.tsx')),
  },
  {
    name: 'menu.org.people',
    path: '/people',
    access: 'canReadPeople',
    group: 'menu.org',
    icon: UserOutlined,
    component: lazy(() => import('./pages/people/list/index.tsx')),
  },
  {
    name: 'menu.org.import',
    path: '/people/import',
    access: 'canImportPeople',
    group: 'menu.org',
    icon: CloudUploadOutlined,
    component: lazy(() => import('./pages/people/import/index.tsx')),
  },
  {
    // the server decides whose profile may be read (403 shows the forbidden page)
    name: 'menu.org.person',
    path: '/people/:id',
    access: 'signedIn',
    group: 'menu.org',
    hideInMenu: true,
    parent: 'menu.org.people',
    component: lazy(() => import('./pages/people/detail/index.tsx')),
  },
  {
    name: 'menu.data.import',
    path: '/data/import',
    access: 'canImportData',
    group: 'menu.data',
    icon: ImportOutlined,
    component: lazy(() => import('./pages/ingest/import/index.tsx')),
  },
  {
    name: 'menu.system.audit',
    path: '/system/audit',
    access: 'canReadAudit',
    group: 'menu.system',
    icon: AuditOutlined,
    component: lazy(() => import('./pages/system/audit/index.tsx')),
  },
  {
    name: 'menu.system.settings',
    path: '/system/settings',
    access: 'canManageSettings',
    group: 'menu.system',
    icon: SettingOutlined,
    component: lazy(() => import('./pages/system/settings/index.tsx')),
  },
  {
    name: 'menu.system.metrics',
    path: '/system/metrics',
    access: 'canManageKpiSettings',
    group: 'menu.system',
    icon: ControlOutlined,
    component: lazy(() => import('./pages/system/metrics/index.tsx')),
  },
  {
    name: 'menu.account.profile',
    path: '/account/profile',
    access: 'signedIn',
    icon: IdcardOutlined,
    component: lazy(() => import('./pages/account/profile/index.tsx')),
  },
];

export function routeByName(name: MenuKey): AppRoute | undefined {
  return ROUTES.find((r) => r.name === name);
}
