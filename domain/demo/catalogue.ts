/**
 * What the demo shops sell and the small facts their conversations mention: an apparel
 * catalogue with prices, sizes, colours, couriers and cities. Slot values for texts.ts.
 */
import type { Rng } from './random.ts';

export interface Product {
  /** product id, also used as the subject (issue_key) of product complaints */
  sku: string;
  name: string;
  /** list price in cents */
  priceCents: number;
  material: string;
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'sku-1001', name: '羊毛双面大衣', priceCents: 89_900, material: '80%羊毛' },
  { sku: 'sku-1002', name: '轻薄羽绒服', priceCents: 69_900, material: '90%白鸭绒' },
  { sku: 'sku-1003', name: '碎花连衣裙', priceCents: 29_900, material: '雪纺' },
  { sku: 'sku-1004', name: '高腰直筒牛仔裤', priceCents: 19_900, material: '98%棉' },
  { sku: 'sku-1005', name: '连帽卫衣', priceCents: 16_900, material: '纯棉毛圈' },
  { sku: 'sku-1006', name: '针织开衫', priceCents: 23_900, material: '羊毛混纺' },
  { sku: 'sku-1007', name: '法式衬衫', priceCents: 18_900, material: '天丝棉' },
  { sku: 'sku-1008', name: '垂感阔腿裤', priceCents: 21_900, material: '醋酸面料' },
  { sku: 'sku-1009', name: '中长款风衣', priceCents: 59_900, material: '棉混纺' },
  { sku: 'sku-1010', name: '基础款T恤', priceCents: 9_900, material: '新疆长绒棉' },
  { sku: 'sku-1011', name: 'A字半身裙', priceCents: 22_900, material: '聚酯纤维' },
  { sku: 'sku-1012', name: '西装外套', priceCents: 45_900, material: '羊毛混纺' },
  { sku: 'sku-1013', name: '圆领羊绒毛衣', priceCents: 29_900, material: '山羊绒' },
  { sku: 'sku-1014', name: '休闲运动裤', priceCents: 15_900, material: '棉+氨纶' },
  { sku: 'sku-1015', name: '三合一冲锋衣', priceCents: 49_900, material: '防水涂层面料' },
];

/** Popular items sell more (index 0 is not the most popular; weights are hand-set). */
export const PRODUCT_WEIGHTS = [6, 7, 9, 10, 8, 6, 7, 6, 4, 10, 5, 4, 5, 6, 3];

export const SIZES = ['S', 'M', 'L', 'XL', 'XXL'] as const;
const COLORS = ['黑色', '白色', '燕麦色', '雾霾蓝', '卡其色', '酒红色', '藏青色', '浅灰色'] as const;
const EXPRESS = ['中通', '圆通', '韵达', '申通', '顺丰'] as const;
const CITIES = [
  '杭州',
  '上海',
  '北京',
  '广州',
  '深圳',
  '成都',
  '武汉',
  '南京',
  '西安',
  '郑州',
  '长沙',
  '苏州',
  '重庆',
  '天津',
] as const;
const STREETS = ['文三路', '人民路', '解放路', '中山路', '建设路', '长江路', '和平路', '新华路'] as const;
const DISTRICTS = ['西湖区', '浦东新区', '朝阳区', '天河区', '南山区', '武侯区', '江汉区', '鼓楼区'] as const;

/** Size that fits a height (cm) and weight (kg), the way shops' size charts read. */
function sizeFor(heightCm: number, weightKg: number): string {
  const score = (heightCm - 150) / 8 + (weightKg - 42) / 7;
  return SIZES[Math.max(0, Math.min(SIZES.length - 1, Math.floor(score / 2)))];
}

/** Values for the `{slot}` placeholders of one conversation, fixed for the whole conversation. */
export interface Slots {
  product: string;
  material: string;
  size: string;
  otherSize: string;
  color: string;
  height: string;
  weight: string;
  jin: string;
  express: string;
  city: string;
  days: string;
  coupon: string;
  order: string;
  shop: string;
  phone: string;
  address: string;
  [slot: string]: string;
}

/** A plausible mainland mobile number (for the rare PII a QA check must catch). */
export function mobileNumber(rng: Rng): string {
  return `1${rng.pick(['38', '39', '58', '59', '86', '87', '36', '77'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function conversationSlots(rng: Rng, product: Product, order: string, shopName: string): Slots {
  const height = rng.int(150, 182);
  const weight = Math.round(38 + (height - 150) * 0.55 + rng.normal() * 6);
  const size = sizeFor(height, weight);
  const city = rng.pick(CITIES);
  return {
    product: product.name,
    material: product.material,
    size,
    otherSize: SIZES[(SIZES.indexOf(size as (typeof SIZES)[number]) + 1) % SIZES.length],
    color: rng.pick(COLORS),
    height: String(height),
    weight: String(weight),
    jin: String(weight * 2),
    express: rng.pick(EXPRESS),
    city,
    days: String(rng.int(2, 5)),
    coupon: String(rng.pick([5, 10, 20, 30])),
    order,
    shop: shopName,
    phone: mobileNumber(rng),
    address: `${city}市${rng.pick(DISTRICTS)}${rng.pick(STREETS)}${rng.int(1, 300)}号`,
  };
}
