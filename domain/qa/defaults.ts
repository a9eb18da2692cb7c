/**
 * The scorecard Helmsman ships with (SPEC QA-1), from seed 004's 质检维度 — 话术合规性（是否使用
 * 禁语）、问题解决效率（是否重复沟通）、客户情绪安抚（是否有效缓解不满） — plus 服务礼仪 from its
 * 统一话术规范 (“您好，请问有什么可以帮您？”) and seed 002's 承诺范围、隐私保护 red lines. The
 * weights, scales and the bonus item are our defaults; a manager edits them (a new version).
 *
 * Compliance items are yes/no and critical: one breach makes the review 0, matching the
 * appraisal's red lines (rude words, data leaks, unauthorised promises).
 */
import type { RatingScale, Scorecard, ScorecardItem } from './scorecard.ts';

const YES_NO: RatingScale = { min: 0, max: 1 };
const FIVE: RatingScale = { min: 0, max: 5 };
const THREE: RatingScale = { min: 0, max: 2 };

const item = (
  id: string,
  zh: string,
  en: string,
  weight: number,
  scale: RatingScale,
  guide: [string, string],
  flags: Partial<Pick<ScorecardItem, 'allowNa' | 'critical' | 'bonus'>> = {},
): ScorecardItem => ({
  id,
  label: { zh, en },
  guide: { zh: guide[0], en: guide[1] },
  weight,
  scale,
  allowNa: false,
  critical: false,
  bonus: false,
  ...flags,
});

/**
 * Default scorecard, weights in percent of the whole: compliance 30 (banned words 10,
 * unauthorised promises 10, privacy 10 — all critical), efficiency 30 (no repeated
 * back-and-forth 15, correct answer first time 15), emotional care 25 (acknowledged feelings 10,
 * calmed the customer 15 — both N/A when the customer showed no emotion), etiquette 15 (greeting
 * 8, closing 7); one bonus item of 5 points that cannot lift a review above 100.
 */
export const DEFAULT_SCORECARD: Scorecard = {
  id: 'default',
  version: 1,
  name: { zh: '默认质检表', en: 'Default scorecard' },
  maxScore: 100,
  categories: [
    {
      id: 'compliance',
      label: { zh: '话术合规', en: 'Compliance' },
      items: [
        item(
          'no_banned_words',
          '未使用禁语',
          'No banned words',
          10,
          YES_NO,
          [
            '未使用辱骂、讽刺、推诿等禁语（1 = 合规，0 = 违规）',
            'No rude, sarcastic or dismissive words (1 = compliant, 0 = breach)',
          ],
          { critical: true },
        ),
        item(
          'no_unauthorised_promises',
          '未擅自承诺',
          'No unauthorised promises',
          10,
          YES_NO,
          [
            '未作超出权限的承诺，如“保证”“一定”“绝对”（1 = 合规，0 = 违规）',
            'No promises beyond one’s authority such as “guaranteed”, “definitely” (1 = compliant, 0 = breach)',
          ],
          { critical: true },
        ),
        item(
          'privacy',
          '保护隐私',
          'Privacy',
          10,
          YES_NO,
          [
            '未泄露客户手机号、地址等隐私，未引导到平台外联系（1 = 合规，0 = 违规）',
            'No customer phone numbers or addresses leaked, no off-platform contact (1 = compliant, 0 = breach)',
          ],
          { critical: true },
        ),
      ],
    },
    {
      id: 'efficiency',
      label: { zh: '解决效率', en: 'Efficiency' },
      items: [
        item('no_repeated_back_and_forth', '无重复沟通', 'No repeated back-and-forth', 15, FIVE, [
          '客户无需重复提问或重复提供信息',
          'The customer did not have to ask again or repeat information',
        ]),
        item('correct_first_time', '首次答复准确', 'Correct answer first time', 15, FIVE, [
          '第一次答复即给出正确、完整的答案',
          'The first answer was correct and complete',
        ]),
      ],
    },
    {
      id: 'emotional_care',
      label: { zh: '情绪关怀', en: 'Emotional care' },
      items: [
        item(
          'acknowledged_feelings',
          '回应客户情绪',
          'Acknowledged feelings',
          10,
          FIVE,
          [
            '识别并回应客户的情绪（客户无情绪时标为不适用）',
            'Recognised and answered the customer’s feelings (N/A when the customer showed none)',
          ],
          { allowNa: true },
        ),
        item(
          'calmed_customer',
          '有效安抚',
          'Calmed the customer',
          15,
          FIVE,
          ['有效缓解客户不满（客户无不满时标为不适用）', 'Eased the customer’s displeasure (N/A when there was none)'],
          { allowNa: true },
        ),
      ],
    },
    {
      id: 'etiquette',
      label: { zh: '服务礼仪', en: 'Etiquette' },
      items: [
        item('standard_greeting', '规范开场', 'Standard greeting', 8, THREE, [
          '使用标准开场语，如“您好，请问有什么可以帮您？”（0 = 无，1 = 不规范，2 = 规范）',
          'Opened with the standard greeting (0 = none, 1 = off-script, 2 = standard)',
        ]),
        item('standard_closing', '规范结束语', 'Standard closing', 7, THREE, [
          '使用标准结束语并确认问题已解决（0 = 无，1 = 不规范，2 = 规范）',
          'Closed with the standard closing and checked the issue was solved (0 = none, 1 = off-script, 2 = standard)',
        ]),
      ],
    },
    {
      id: 'extra',
      label: { zh: '加分项', en: 'Extra credit' },
      items: [
        item(
          'proactive_care',
          '主动服务',
          'Proactive care',
          5,
          YES_NO,
          [
            '主动发现并解决客户未提出的问题（最高加 5 分，总分不超过 100）',
            'Found and solved a problem the customer had not raised (up to 5 points; never above 100)',
          ],
          { bonus: true },
        ),
      ],
    },
  ],
};
