// Operators and units of an indicator's target and actual (issue 9, "Operators" and "Units").
import { readQuantity } from '../../../src/core/score/indicators/quantity';
import { commonScale } from '../../../src/core/score/indicators/units';

describe('operators', () => {
  it.each(['≥95%', '＞95%', '>95%', '>=95%', '≧95%', '不低于95%', '不少于95%', '95%以上', '＞＝95%'.replace('＝', '=')])('%s is positive', (text) => {
    expect(readQuantity(text)).toEqual({ kind: 'value', direction: 'positive', value: 95, unit: '%' });
  });
  it.each(['≤90万元', '＜90万元', '<90万元', '<=90万元', '≦90万元', '不超过90万元', '不高于90万元', '90万元以内', '90万元以下'])('%s is reverse', (text) => {
    expect(readQuantity(text)).toEqual({ kind: 'value', direction: 'reverse', value: 90, unit: '万元' });
  });
  it.each(['=8个', '＝8个', '= 8 个'])('%s is equal', (text) => {
    expect(readQuantity(text)).toEqual({ kind: 'value', direction: 'equal', value: 8, unit: '个' });
  });
  it('a bare number has no operator of its own (positive, or reverse under 成本指标: see scoring)', () => {
    expect(readQuantity('95')).toEqual({ kind: 'value', direction: null, value: 95, unit: '' });
    expect(readQuantity('1,200元')).toEqual({ kind: 'value', direction: null, value: 1200, unit: '元' });
    expect(readQuantity('９５％')).toEqual({ kind: 'value', direction: null, value: 95, unit: '%' });
  });
  it.each([
    ['90%-100%', 90, 100, '%'],
    ['90-100%', 90, 100, '%'],
    ['90%～100%', 90, 100, '%'],
    ['3至5天', 3, 5, '天'],
  ])('%s is a range', (text, low, high, unit) => {
    expect(readQuantity(text)).toEqual({ kind: 'range', low, high, unit });
  });
  it.each(['效果明显', '12月底前完成', '12月底前', '2024年12月31日', '≥95%左右', '合规', '', '100%-90%', '9'.repeat(400), '90个-100%'])('%p is text', (text) => {
    expect(readQuantity(text)).toBeNull();
  });
});

describe('units', () => {
  it('% and 百分比 are one unit', () => expect(commonScale('%', '百分比')).toEqual({ target: 1, actual: 1 }));
  it('元 and 万元 convert', () => expect(commonScale('万元', '元')).toEqual({ target: 10000, actual: 1 }));
  it('counts compare with each other', () => {
    for (const u of ['个', '项', '人', '次', '期', '份', '家', '篇', '件']) expect(commonScale('个', u)).toEqual({ target: 1, actual: 1 });
  });
  it('the same other unit compares; two different ones do not', () => {
    expect(commonScale('天', '天')).toEqual({ target: 1, actual: 1 });
    expect(commonScale('天', '小时')).toBeNull();
    expect(commonScale('%', '个')).toBeNull();
    expect(commonScale('万元', '个')).toBeNull();
    expect(commonScale('toString', '元')).toBeNull();
    expect(commonScale('toString', 'toString')).toEqual({ target: 1, actual: 1 });
  });
  it('an actual with no unit takes the target’s; a target with none compares only with a bare actual', () => {
    expect(commonScale('%', '')).toEqual({ target: 1, actual: 1 });
    expect(commonScale('', '')).toEqual({ target: 1, actual: 1 });
    expect(commonScale('', '%')).toBeNull();
  });
});
