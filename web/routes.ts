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
} from '@ant-design/icons';
import type menu from './locales/zh-CN/menu.ts';
import type { AccessFlag } from './access.ts';

export type MenuKey = keyof typeof menu;
export type MenuGroup = 'menu.kpi' | 'menu.org' | 'menu.data' | 'menu.system';

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
