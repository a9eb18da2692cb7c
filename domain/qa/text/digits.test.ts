import { describe, expect, it } from 'vitest';
import { asciiView, luhn } from './index.ts';

describe('asciiView', () => {
  it('is null for a text with nothing for the number and contact scanners', () => {
    expect(asciiView('亲，您好，请问有什么可以帮您？')).toBeNull();
    expect(asciiView('一定帮您处理')).toBeNull();
  });

  it('is the text itself when it already is plain ASCII where it matters', () => {
    const text = '单号SF1402，电话13912345678';
    expect(asciiView(text)).toBe(text);
  });

  it.each([
    ['full-width digits', '电话１３９１２３４５６７８', '电话13912345678'],
    ['full-width letters and digits of an id', '薇：ＡＢＣ１２３', '薇：ABC123'],
    ['a phone number spelled in numerals', '幺三九一二三四五六七八', '13912345678'],
    ['a phone number half in numerals', '139一二三四5678', '13912345678'],
    ['capital numerals', '壹叁玖壹贰叁肆伍陆柒捌', '13912345678'],
  ])('reads %s as ASCII, position for position', (_, text, expected) => {
    const view = asciiView(text);
    expect(view).toBe(expected);
    expect(view).toHaveLength(text.length);
  });

  it.each([
    ['short numeral words', '一一核对，三三两两，共2件'],
    ['a name before a number', '张三 13912345678'],
    ['a run with fewer than 3 numerals', '第一 1234567'],
  ])('leaves %s alone', (_, text) => {
    expect(asciiView(text)).toBe(text);
  });
});

describe('luhn', () => {
  it('accepts valid card numbers and rejects a changed digit', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('6222020200112233446')).toBe(true);
    expect(luhn('6222020200112233443')).toBe(false);
    expect(luhn('79927398713')).toBe(true);
    expect(luhn('79927398710')).toBe(false);
    expect(luhn('')).toBe(false);
    expect(luhn('4111-1111')).toBe(false);
  });
});
