import { describe, expect, it } from 'vitest';
import { SHIPPED_LEXICONS, compileSentiment, estimateWords, mergeLexicons, scoreSentiment } from './index.ts';

const matcher = compileSentiment(SHIPPED_LEXICONS.sentiment);
const score = (text: string) => scoreSentiment(text, matcher);

describe('scoreSentiment', () => {
  it.each([
    ['不满意', 'negative', -1],
    ['太慢了', 'negative', -2],
    ['非常失望', 'negative', -2],
    ['不错', 'positive', 1],
    ['不是很满意', 'negative', -0.75],
    ['很满意', 'positive', 1.5],
    ['有点失望', 'negative', -0.6],
    ['不贵', 'positive', 0.5],
    ['一点都不起球', 'positive', 0.5],
    ['没问题', 'positive', 1],
  ])('scores %s as %s (%d)', (text, label, value) => {
    const s = score(text);
    expect(s.label).toBe(label);
    expect(s.score).toBeCloseTo(value);
  });

  it.each([
    ['a politeness formula that contains 不好', '不好意思，我想改个地址'],
    ['a question about a possible defect', '洗了会缩水吗？'],
    ['a yes/no question about a defect', '这个外套掉色吗？'],
    ['an A-not-A question', '冬天穿够不够暖和？'],
    ['快递, which contains 快', '快递到哪了'],
    ['a polite 麻烦 request', '拍好了，麻烦尽快发货'],
  ])('finds no negative sentiment in %s', (_, text) => {
    expect(score(text).label).not.toBe('negative');
  });

  it('keeps a rhetorical question negative', () => {
    expect(score('你们客服都不回消息的吗？').label).toBe('negative');
  });

  it('halves what comes before a contrast word', () => {
    expect(score('衣服不错，就是发货太慢了').score).toBeCloseTo(0.5 - 2);
    expect(score('物流虽然慢了点，但是衣服很好看').label).toBe('positive');
  });

  it('only lets a negation reach a few characters', () => {
    expect(score('从来没见过这么慢的').label).toBe('negative');
  });

  it('treats doubled question marks as impatience', () => {
    expect(score('在吗？？').label).toBe('negative');
    expect(score('在吗？').label).toBe('neutral');
  });

  it('reports the terms and counts the negative ones', () => {
    const s = score('质量太差了，还很慢，不过客服很耐心');
    expect(s.negativeWords).toBe(2);
    expect(s.terms.map((t) => '质量太差了，还很慢，不过客服很耐心'.slice(t.start, t.end))).toEqual([
      '差',
      '慢',
      '耐心',
    ]);
  });

  it('uses words a manager added', () => {
    const custom = compileSentiment(mergeLexicons({ sentiment: { negative: ['拉胯'] } }).sentiment);
    expect(scoreSentiment('这衣服真拉胯', custom).label).toBe('negative');
  });
});

describe('estimateWords', () => {
  it.each([
    ['', 0],
    ['？？', 1],
    ['不满意', 2],
    ['你好，我想问一下这件衣服', 7],
    ['ok 谢谢', 2],
    ['订单号 123456 已发货', 5],
  ])('estimates %s as %d words', (text, words) => {
    expect(estimateWords(text)).toBe(words);
  });

  it('follows the characters-per-word setting', () => {
    expect(estimateWords('一二三四五六', 2)).toBe(3);
  });
});
