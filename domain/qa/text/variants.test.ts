import { describe, expect, it } from 'vitest';
import { SHIPPED_LEXICONS, compileBanned, findBanned } from './index.ts';

const shipped = compileBanned(SHIPPED_LEXICONS.banned);
const categories = (text: string) => [...new Set(findBanned(text, shipped).map((h) => h.category))];

// Wordings of the shipped lists (lexicons/README.md), each with the near misses it must leave alone.
describe('shipped word lists', () => {
  it.each([
    ['你是不是傻，这都看不懂', 'rude'],
    ['爱要不要，不买拉倒', 'rude'],
    ['跟你说过了，这个没有货', 'rude'],
    ['要我说几遍你才懂', 'rude'],
    ['你懂不懂啊', 'rude'],
    ['不满意就别买', 'rude'],
    ['你自己没看清楚就拍了', 'rude'],
    ['关我啥事', 'rude'],
    ['你投诉吧，我不怕', 'rude'],
    ['叽叽歪歪的烦不烦', 'rude'],
    ['包退包换，放心购买', 'promise'],
    ['放一百个心，铁定不会坏', 'promise'],
    ['全网最实惠的就是我们家', 'promise'],
    ['零副作用，孕妇也能用', 'promise'],
    ['这个价只涨不降', 'promise'],
    ['坏了我自己赔给您', 'promise'],
    ['卫星号发您了', 'off_platform'],
    ['关注我们公众号领券', 'off_platform'],
    ['去别的平台下单更便宜', 'off_platform'],
    ['扫码付款就行', 'off_platform'],
    ['钱转给我就行', 'off_platform'],
    ['转我支付宝也可以', 'off_platform'],
    ['我们直接交易吧', 'off_platform'],
  ])('flags %s', (text, category) => {
    expect(categories(text)).toEqual([category]);
  });

  it.each([
    ['这个不是你的问题，是我们发错了'],
    ['感谢您的肯定和支持'],
    ['会有一定色差，以实物为准'],
    ['这款有一定的弹性'],
    ['请一定保存好包装'],
    ['您一定不要拆吊牌哦'],
    ['亲，打包您放心，我们用的加厚纸箱'],
    ['已经给您打包退回仓库了'],
    ['已打包成功，等待揽收'],
    ['红包有效期三天'],
    ['我们杜绝不合格产品出厂'],
    ['这个问题我解决不了，帮您转给主管'],
    ['傻瓜式操作，很简单'],
    ['二百五十元包邮'],
    ['包包退货要保持吊牌完好'],
    ['物流慢确实很烦人，理解您'],
    ['您可以自己查一下物流'],
    ['七天无理由退换，支持运费险'],
    ['统一准备发货'],
    ['请妥善保管保修卡'],
    ['标准保修一年'],
    ['问题在你们快递那里吗'],
  ])('leaves %s alone', (text) => {
    expect(categories(text)).toEqual([]);
  });
});
