/**
 * Realistic Chinese personal names for the demo roster: common surnames weighted roughly by
 * frequency, given names of one or two characters, mostly female (as in most service teams).
 */
import type { Rng } from './random.ts';

/** Common surnames, most frequent first (the first five cover about a third of China). */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵',
];

const FEMALE_GIVEN =
  '娜 敏 静 丽 艳 芳 娟 霞 婷 雪 琳 颖 倩 洁 蕾 璐 佳 悦 秀英 桂英 晓雯 欣怡 梓萱 雨萱 诗雨 佳琪 婷婷 嘉怡 梦瑶 雅婷 慧敏 海燕 春梅 丽娟 文静 思琪 紫涵 可欣 晓燕 玉兰 美玲 晶晶 丹丹 若曦 一诺 心怡 语嫣 雨桐 晓琳 静怡 佳慧 欣然 梦洁 思彤 雅琴 晓丽 秋月 新月 月华 小萌'.split(
    ' ',
  );

const MALE_GIVEN =
  '伟 强 磊 洋 勇 军 杰 涛 明 超 刚 平 辉 鹏 浩 斌 亮 帅 浩然 宇轩 思远 俊杰 家豪 志强 建华 晓东 子豪 文博 天宇 明哲 博文 皓轩 志明 海涛 建军 国栋 振宇 一鸣 嘉诚 梓豪'.split(
    ' ',
  );

/** Weight of surname i: frequency falls off steeply after the first few. */
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => 1 / (i + 4));

/** A name not yet in `taken` (which it is added to); falls back to three-character names when crowded. */
export function uniqueChineseName(rng: Rng, taken: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const surname = SURNAMES[rng.weighted(SURNAME_WEIGHTS)];
    const given = rng.chance(0.7) ? rng.pick(FEMALE_GIVEN) : rng.pick(MALE_GIVEN);
    let name = surname + given;
    if (attempt >= 20 && given.length === 1) name += rng.pick(FEMALE_GIVEN.filter((g) => g.length === 1));
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  // Practically unreachable below tens of thousands of people; keeps the function total.
  for (let n = 2; ; n++) {
    const name = `${rng.pick(SURNAMES)}${rng.pick(FEMALE_GIVEN)}${n}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
