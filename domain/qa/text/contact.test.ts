import { describe, expect, it } from 'vitest';
import { SHIPPED_LEXICONS, asciiView, compileBanned, findBanned, scanContact } from './index.ts';

const contact = (text: string) => {
  const view = asciiView(text);
  return view === null ? [] : scanContact(view).map((m) => text.slice(m.start, m.end));
};
const shipped = compileBanned(SHIPPED_LEXICONS.banned);
const offPlatform = (text: string) =>
  findBanned(text, shipped)
    .filter((h) => h.category === 'off_platform')
    .map((h) => h.text);

describe('scanContact', () => {
  it.each([
    ['a homophone of 微 and a colon', '可以加威：zhang_88', ['威：zhang_88']],
    ['a homophone with a suffix and a space', '薇信 abc12345', ['薇信 abc12345']],
    ['v with a full-width colon', 'V：wx8866123', ['wx8866123']],
    ['a bare word id after a colon', '薇：zhangsan', ['薇：zhangsan']],
    ['v glued to a phone number', '有事v13912345678', ['v13912345678']],
    ['加 and a lone v', '加v详聊', ['加v']],
    ['+V', '+V了解更多', ['+V']],
    ['卫星号 and an id', '卫星号 abcd1234', ['卫星号 abcd1234']],
    ['QQ homophone and a number', '扣扣：123456789', ['扣扣：123456789']],
    ['企鹅 and a number', '企鹅 987654321', ['企鹅 987654321']],
    ['a QQ group number', '群号 123456789', ['群号 123456789']],
    ['"call this number"', '有问题打这个号码 13912345678', ['打这个号码 13912345678']],
    ['"find me at"', '找我就行，18612345678', ['找我就行，18612345678']],
    ['"search this id"', '搜这个号 abc_12345 就能找到我', ['搜这个号 abc_12345']],
    ['my e-mail', '发我邮箱abc123@qq.com', ['发我邮箱abc123@qq.com']],
    ['a platform account right after its name', '抖音号：shop_2024', ['抖音号：shop_2024']],
    ['a full-width id', '薇：ＡＢＣ１２３４', ['薇：ＡＢＣ１２３４']],
  ])('finds %s', (_, text, expected) => {
    expect(contact(text)).toEqual(expected);
  });

  it.each([
    ['an order number after a contact word', '加我看一下订单号123456789'],
    ['a product model after 我手机', '我手机上看到的是iPhone15版本'],
    ['a remark code', '添加备注abc123就行'],
    ['an accessory model', '加个ABC123的配件吗'],
    ['a price', '找我下单，299元包邮'],
    ['a model after a platform name', '抖音爆款 X1000 现货'],
    ['a service hotline', '拨打客服电话95588'],
    ['the consumer hotline', '也可以拨打12315'],
    ['a courier’s phone', '拨打快递员电话13912345678'],
    ['an invoice e-mail', '发票邮箱abc@163.com'],
    ['an FAQ question', 'Q：iPhone15能用吗'],
    ['a V-neck', 'v领毛衣很显瘦'],
    ['a VIP membership', '加vip会员更优惠'],
    ['a homophone without an id', '威：你好'],
    ['a product model', '型号V12345'],
  ])('finds nothing in %s', (_, text) => {
    expect(contact(text)).toEqual([]);
  });
});

describe('findBanned — off-platform contact and invitations', () => {
  it.each([
    ['a homophone id as an off-platform hit', '亲，薇：abc12345，那边给您便宜', ['薇：abc12345']],
    ['a listed contact phrase, without the phone it gives', '有问题打这个号码 13912345678', ['打这个号码']],
    ['an unlisted contact phrase with the phone it gives', '直接打 13912345678 就行', ['直接打 13912345678']],
    ['ordering over there', '您去那里下单能便宜二十', ['去那里下单']],
    ['a private transfer', '私下转账给我就行', ['私下转账给我']],
    ['an offline deal', '线下交易更划算', ['线下交易']],
    ['leaving the platform', '不走平台可以省手续费', ['不走平台']],
    ['another way to say it', '不通过平台的话便宜五十', ['不通过平台']],
    ['the green app', '下载绿色软件搜我', ['绿色软件']],
    ['WeChat spelled with a dot', '微.信联系', ['微.信']],
    ['WeChat split by a zero-width space', '加微\u200b信', ['加微\u200b信']],
    ['WeChat split by an emoji', '微🌟信联系', ['微🌟信']],
    ['a bank card to pay to', '您把钱打到这个卡6217001234567890122上', ['打到这个卡']],
  ])('finds %s', (_, text, expected) => {
    expect(offPlatform(text)).toEqual(expected);
  });

  it.each([
    ['ordering on the platform', '您可以在淘宝下单，我们是官方旗舰店'],
    ['the platform’s service', '请在京东下单，平台客服会为您处理'],
    ['your side', '您那边下单后我们马上发货'],
    ['an offline store pickup', '我们支持线下门店自提哦'],
    ['WeChat Pay as a payment method', '支持微信付款，也支持微信支付'],
    ['an order number', '您的订单号 3512345678901234567 已发货'],
    ['a tracking number', '快递单号：773012345678901，请查收'],
    ['satellite positioning', '卫星定位功能是标配的哦'],
  ])('finds nothing in %s', (_, text) => {
    expect(offPlatform(text)).toEqual([]);
  });
});
