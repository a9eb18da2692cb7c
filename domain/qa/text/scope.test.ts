import { describe, expect, it } from 'vitest';
import { SHIPPED_LEXICONS, compileBanned, findBanned, isExcused } from './index.ts';

const shipped = compileBanned(SHIPPED_LEXICONS.banned);
const found = (text: string) => findBanned(text, shipped).map((h) => `${h.category}:${h.text}`);

describe('excusing scopes', () => {
  it.each([
    ['a warning against WeChat requests', '请不要相信任何加微信的要求，谨防诈骗'],
    ['a promise not to contact privately', '我们不会私下联系您，请认准平台客服'],
    ['a fraud warning after the word', '加微信的都是骗子，请认准平台'],
    ['a risk warning', '私下交易没有任何保障，请在平台内完成'],
    ['links outside the platform', '平台外的链接都是诈骗，请勿点击'],
    ['no WeChat at all', '我们没有微信的哦'],
    ['a warning about strangers’ ids', '请勿添加陌生人微信abc123'],
    ['the customer’s question quoted back', '您问能不能加微信，亲，平台不允许的哦'],
    ['the customer’s words in quotation marks', '您是说“爱买不买”吗？非常抱歉给您带来不好的体验'],
    ['a negated promise with a number word', '不能百分百保证不起球'],
    ['a negation governing a later promise word', '我们不能保证明天一定到哦'],
    ['保证不了', '时效这个保证不了哦'],
    ['an assurance nobody can give', '谁也不敢打包票'],
  ])('excuses %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['an invitation after a dismissed alternative', '不要拍了直接加我微信', ['off_platform:加我微信']],
    ['要不 (how about)', '要不加我微信聊', ['off_platform:加我微信']],
    ['a conditional invitation', '不会的话加我微信教您', ['off_platform:加我微信']],
    ['a refusal in another clause', '别在这里说了，加我vx', ['off_platform:加我vx']],
    ['a quote answered with a promise', '您说的是保证正品吗？是的，我们保证正品', ['promise:保证']],
    ['a reference to the question, not a quotation', '您问的问题我们一定帮您解决', ['promise:一定']],
    ['the shop’s own quoted slogan', '我们承诺“假一赔十”', ['promise:假一赔十']],
    ['a negation in another sentence', '不能退款？我保证给您处理好', ['promise:保证']],
    ['a negation too far before', '如果不能按时到我保证赔', ['promise:保证']],
    ['不好意思 is no negation', '不好意思我保证明天到', ['promise:保证']],
    ['a personal promise with 一定', '我保证明天一定到', ['promise:保证', 'promise:一定']],
  ])('does not excuse %s', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('never excuses personal data', () => {
    const text = '您问的地址是北京市朝阳区建国路88号吗';
    expect(isExcused(text, 'privacy', 6, text.length - 1)).toBe(false);
    expect(found(text)).toEqual(['privacy:北京市朝阳区建国路88号']);
  });
});
