import { describe, expect, it } from 'vitest';
import { scanPrivacy } from './index.ts';

const scan = (text: string) => scanPrivacy(text).map((m) => `${m.kind}:${text.slice(m.start, m.end)}`);

// Card numbers below carry a valid Luhn check digit (completed by hand); the "…3" variants do not.
describe('scanPrivacy — evasive phone numbers', () => {
  it.each([
    ['full-width digits', '电话１３９１２３４５６７８', ['phone:１３９１２３４５６７８']],
    ['numerals', '打幺三九一二三四五六七八', ['phone:幺三九一二三四五六七八']],
    ['digits and numerals mixed', '号码139一二三四5678', ['phone:139一二三四5678']],
    ['spaced hyphens', '139 - 1234 - 5678', ['phone:139 - 1234 - 5678']],
    ['dots', '139.1234.5678', ['phone:139.1234.5678']],
    ['one digit at a time', '1 3 9 1 2 3 4 5 6 7 8', ['phone:1 3 9 1 2 3 4 5 6 7 8']],
    ['a name right before the number', '收件人张三 13912345678', ['phone:13912345678']],
  ])('finds a phone written with %s', (_, text, expected) => {
    expect(scan(text)).toEqual(expected);
  });

  it.each([
    ['a masked number', '尾号138****5678的手机'],
    ['a date and a price', '2026.11.05付了139.00元'],
    ['a 400 hotline with dots', '热线400.820.8820'],
  ])('finds nothing in %s', (_, text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('scanPrivacy — bank cards', () => {
  it.each([
    ['after 卡号', '卡号6222020200112233446', ['bank_card:6222020200112233446']],
    ['grouped in fours', '打到 6222 0202 0011 2233 446 就行', ['bank_card:6222 0202 0011 2233 446']],
    ['without a cue, by prefix and Luhn', '就转6217001234567890122吧', ['bank_card:6217001234567890122']],
    ['a 16-digit credit card', '信用卡5123456789012346', ['bank_card:5123456789012346']],
    [
      'after a bank cue even with a wrong check digit',
      '银行卡号：6222020200112233443',
      ['bank_card:6222020200112233443'],
    ],
  ])('finds a card %s', (_, text, expected) => {
    expect(scan(text)).toEqual(expected);
  });

  it.each([
    ['an order number that passes Luhn', '您的订单号4123456789012345677已发货'],
    ['an order number with the cue after it', '4123456789012345677这个订单已经签收了'],
    ['a tracking number', '快递单号：3512345678901234565'],
    ['a long number failing Luhn without a cue', '编码6222020200112233443'],
    ['a bank cue far before an order number', '退款到银行卡，订单号4123456789012345677'],
  ])('finds nothing in %s', (_, text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('scanPrivacy — addresses', () => {
  it.each([
    ['province, city, district, road, lane, number, flat', '上海市浦东新区张江路88弄12号601室'],
    ['a main street', '北京市海淀区中关村大街27号'],
    ['a road section', '四川省成都市武侯区人民南路四段12号'],
    ['spaces around the number', '江苏省南京市鼓楼区中山北路 200 号'],
    ['a village group', '河北省保定市清苑区李家村3组15号'],
    ['an estate and its buildings', '万科城5栋2单元1201'],
    ['an estate phase and building', '碧桂园3期12栋'],
    ['a district block, building and flat', '杭州市西湖区翠苑一区5幢302室'],
    ['a weak street word after a city', '天津市和平区南京道18号'],
  ])('finds %s', (_, text) => {
    expect(scan(text)).toEqual([`address:${text}`]);
  });

  it.each([
    ['a delivery date', '我们11号发货，预计11月13号送达'],
    ['a shoe size', '38号鞋子偏大'],
    ['a lipstick shade', '这款3号色最火'],
    ['a flat layout', '适合3室2厅的户型'],
    ['a warehouse after a district', '仓库在保税区3号仓'],
    ['知道 before a date', '不知道3号能到吗'],
    ['a metro line', '坐地铁1号线可以到'],
  ])('finds nothing in %s', (_, text) => {
    expect(scan(text)).toEqual([]);
  });
});
