/**
 * The shape of the demo department (SPEC ORG-1): departments, groups by kind (售前, 售后,
 * 疑难投诉, 基础咨询) sized 8–15 agents, the brand's shops on three platforms, and channels.
 */
import type { GroupKind } from '../org.ts';
import type { DemoChannel, DemoDepartment, DemoGroup, DemoShop } from './organisation.ts';

const KIND_SHARE: Record<Exclude<GroupKind, 'other'>, number> = {
  presale: 0.4,
  after_sales: 0.3,
  complaints: 0.1,
  basic: 0.2,
};
const KINDS = Object.keys(KIND_SHARE) as (keyof typeof KIND_SHARE)[];
const KIND_NAMES: Record<keyof typeof KIND_SHARE, [zh: string, en: string]> = {
  presale: ['售前', 'Pre-sales'],
  after_sales: ['售后', 'After-sales'],
  complaints: ['疑难投诉', 'Complaints'],
  basic: ['基础咨询', 'Basic inquiries'],
};

/** The brand's shops; `weight` is the share of customers each one brings. */
export const SHOPS: (DemoShop & { weight: number })[] = [
  { id: 'shop-1', name: '云裳官方旗舰店', platform: 'tmall', weight: 0.55 },
  { id: 'shop-2', name: '云裳京东自营旗舰店', platform: 'jd', weight: 0.25 },
  { id: 'shop-3', name: '云裳抖音官方旗舰店', platform: 'douyin', weight: 0.2 },
];

export const CHANNELS: DemoChannel[] = [
  { id: 'ch-chat', name: '在线客服', kind: 'chat' },
  { id: 'ch-phone', name: '电话客服', kind: 'phone' },
  { id: 'ch-ticket', name: '工单', kind: 'ticket' },
  { id: 'ch-email', name: '邮件', kind: 'email' },
  { id: 'ch-video', name: '视频客服', kind: 'video' },
];

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 12 → 十二, 21 → 二十一, 105 → 一百零五 (group names). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail =
    rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/** Groups per kind: one of each when there are enough, the rest by each kind's share. */
function groupCounts(groupTotal: number): Record<keyof typeof KIND_SHARE, number> {
  const counts = { presale: 0, after_sales: 0, complaints: 0, basic: 0 };
  let assigned = 0;
  if (groupTotal >= KINDS.length) {
    for (const k of KINDS) counts[k] = 1;
    assigned = KINDS.length;
  }
  for (; assigned < groupTotal; assigned++) {
    // the kind furthest below its share gets the next group
    const shortfall = (k: keyof typeof KIND_SHARE) => KIND_SHARE[k] * (assigned + 1) - counts[k];
    const next = KINDS.reduce((best, k) => (shortfall(k) > shortfall(best) ? k : best));
    counts[next]++;
  }
  return counts;
}

/** Departments and groups for `agents` agents: one department up to 300 agents, then one per ~500. */
export function buildStructure(agents: number): { departments: DemoDepartment[]; groups: DemoGroup[] } {
  const deptCount = agents > 300 ? Math.max(2, Math.ceil(agents / 500)) : 1;
  const departments = Array.from({ length: deptCount }, (_, i) =>
    deptCount === 1
      ? { id: 'dep-1', name: '客服部', nameEn: 'Customer Service' }
      : { id: `dep-${i + 1}`, name: `客服${chineseNumber(i + 1)}部`, nameEn: `Customer Service ${i + 1}` },
  );
  const counts = groupCounts(Math.max(1, Math.round(agents / 12), Math.ceil(agents / 15)));
  const groups: DemoGroup[] = [];
  for (const kind of KINDS) {
    const [zh, en] = KIND_NAMES[kind];
    for (let k = 0; k < counts[kind]; k++) {
      const dep = k % deptCount;
      const inDept = Math.floor(counts[kind] / deptCount) + (dep < counts[kind] % deptCount ? 1 : 0);
      const n = Math.floor(k / deptCount) + 1;
      groups.push({
        id: `grp-${kind.replace('_', '-')}-${k + 1}`,
        departmentId: departments[dep].id,
        name: inDept === 1 ? `${zh}组` : `${zh}${chineseNumber(n)}组`,
        nameEn: inDept === 1 ? en : `${en} ${n}`,
        kind,
      });
    }
  }
  return { departments, groups };
}
