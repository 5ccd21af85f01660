import {
  HEADER_WORDS,
  isBreakdownLabel,
  isFooterLabel,
  isTotalLabel,
  labelKind,
  matchHeader,
  mayStartLabel,
  mayStartLabelPair,
  normalHash,
  normalise,
  parseUnitWord,
  readUnitLine,
  wanDivisor,
  type ColumnKey,
} from '../../src/core/headers';
import { foldWidth } from '../../src/core/numbers';

/** The same text typed with full-width characters and ideographic spaces. */
function fullWidth(text: string): string {
  return text.replace(/[\x21-\x7e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
}

/** Spaces between every character, as clerks pad headers to centre them. */
function spaced(text: string): string {
  return [...text].join(' ');
}

const ALL_WORDS = (Object.entries(HEADER_WORDS) as [ColumnKey, readonly string[]][]).flatMap(([key, words]) => words.map((word) => [key, word] as const));

describe('matchHeader', () => {
  it.each(ALL_WORDS)('%s accepts "%s" whole, trimmed, spaced, full-width and in any case', (key, word) => {
    for (const variant of [word, `  ${word}\t`, spaced(word), fullWidth(word), word.toUpperCase(), word.toLowerCase(), fullWidth(spaced(word.toUpperCase()))]) {
      expect(matchHeader(variant)).toEqual({ key, unit: null, percent: false });
    }
  });

  it.each(ALL_WORDS)('%s accepts "%s" with a unit or percent suffix', (key, word) => {
    expect(matchHeader(`${word}（万元）`)).toEqual({ key, unit: '万元', percent: false });
    expect(matchHeader(`${word}(元)`)).toEqual({ key, unit: '元', percent: false });
    expect(matchHeader(`${word} (yuan)`)).toEqual({ key, unit: '元', percent: false });
    expect(matchHeader(`${word} (10k yuan)`)).toEqual({ key, unit: '万元', percent: false });
    expect(matchHeader(`${word}（%）`)).toEqual({ key, unit: null, percent: true });
    expect(matchHeader(`${word}(％)`)).toEqual({ key, unit: null, percent: true });
  });

  it('takes 执行率目标 for the target, not the rate', () => {
    expect(matchHeader('执行率目标')?.key).toBe('target');
    expect(matchHeader('执行率目标(%)')).toEqual({ key: 'target', unit: null, percent: true });
    expect(matchHeader('执行率')?.key).toBe('rate');
    expect(matchHeader('预算执行率（%）')).toEqual({ key: 'rate', unit: null, percent: true });
  });

  it('matches whole words only', () => {
    for (const text of ['项目名称及编号', '年度预算数（万元）', '年初预算数合计', '实际支出数（含结转）', '单位：元', '预算', 'Projects', '']) {
      expect(matchHeader(text)).toBeNull();
    }
  });

  it('reads headers wrapped over lines in their cell', () => {
    expect(matchHeader('调整后\n预算数\n（万元）')).toEqual({ key: 'adjusted', unit: '万元', percent: false });
    expect(matchHeader('实际\r\n支出数\u00a0(元)')).toEqual({ key: 'actual', unit: '元', percent: false });
  });

  it('ignores a trailing colon', () => {
    expect(matchHeader('项目名称：')?.key).toBe('name');
  });
});

describe('labels', () => {
  it('knows total rows, with inner and ideographic spaces', () => {
    for (const text of ['合计', '总计', '小计', '年度资金总额', 'Total', 'TOTAL', 'Subtotal', 'Grand total', '合　计', ' 合 计 ', '合计：']) {
      expect(isTotalLabel(text)).toBe(true);
    }
    for (const text of ['合计数据', '项目支出', '其中：合计', 'Totals table', '']) expect(isTotalLabel(text)).toBe(false);
  });

  it('knows breakdown rows', () => {
    expect(isBreakdownLabel('其中：人员经费')).toBe(true);
    expect(isBreakdownLabel('  其中 ')).toBe(true);
    expect(isBreakdownLabel('人员经费（其中）')).toBe(false);
  });

  it('knows footer lines', () => {
    for (const text of ['制表人：张三', '审核人：', '填报日期：2022年1月5日', '说明：本表金额单位为元', '注：数据来源于决算', '注:', '填报说明：…', 'Note: draft']) {
      expect(isFooterLabel(text)).toBe(true);
    }
    expect(isFooterLabel('说明')).toBe(true);
    expect(isFooterLabel('说明 ： 单位为元')).toBe(true);
    for (const text of ['三防抢险工作经费', '合计', '', '说明书印制经费', '说明会组织经费', '注册登记费']) expect(isFooterLabel(text)).toBe(false);
  });
});

describe('units', () => {
  it('reads unit words only', () => {
    expect(parseUnitWord('元')).toBe('元');
    expect(parseUnitWord('万元')).toBe('万元');
    expect(parseUnitWord('Yuan')).toBe('元');
    expect(parseUnitWord('10k yuan')).toBe('万元');
    expect(parseUnitWord('某某局')).toBeNull();
    expect(parseUnitWord('%')).toBeNull();
  });

  it('reads a unit line above a table', () => {
    expect(readUnitLine('单位：元')).toBe('元');
    expect(readUnitLine('单位: 万元')).toBe('万元');
    expect(readUnitLine('金额单位：万元')).toBe('万元');
    expect(readUnitLine('金额单位：元')).toBe('元');
    expect(readUnitLine('Unit: yuan')).toBe('元');
    expect(readUnitLine('UNIT：10k yuan')).toBe('万元');
    expect(readUnitLine('单位：某某局')).toBeNull();
    expect(readUnitLine('编制单位：某某局')).toBeNull();
    expect(readUnitLine('填报单位：元宝区财政局')).toBeNull();
    expect(readUnitLine('万元')).toBeNull();
  });

  it('turns a unit into 万元', () => {
    expect(wanDivisor('万元')).toBe(1);
    expect(216850 / wanDivisor('元')).toBe(21.685);
  });
});

describe('normalise', () => {
  // Its fast path (no new string where nothing changes) must agree with the full definition for every character.
  const full = (text: string) => foldWidth(text).replace(/[\s\u00a0]+/g, '').toLowerCase();
  it('agrees with fold, strip spaces, lower-case for every BMP character and mixed names', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (normalise(ch) !== full(ch)) throw new Error(`U+${c.toString(16)}: ${JSON.stringify(normalise(ch))} ≠ ${JSON.stringify(full(ch))}`);
    }
    for (const name of ['应急管理工作经费', '应急管理工作经费（2021）', '应急 管理', 'Project A', 'project-a_1', '项目支出　合计', 'ＡＢＣ经费', '〇〇项目、专项', '\u3000'])
      expect(normalise(name)).toBe(full(name));
  });
});

describe('mayStartLabel (the first-character test labelKind asks of every row)', () => {
  // The definition: the normalised first character after spaces is the first character of a word labelKind knows.
  const words = [...Object.values(HEADER_WORDS).flat(), '合计', '总计', '小计', '年度资金总额', 'total', 'subtotal', 'grandtotal', '其中', '说明', '制表人', '审核人', '填报日期', '注:', '注：', '填报说明', '负责人', '填表人', 'note:', 'notes:', 'preparedby'];
  const firsts = new Set(words.map((w) => normalise(w).charAt(0)));
  const bySpec = (text: string) => firsts.has(normalise(text.trimStart().charAt(0)));

  it('agrees with the string test for every first character of the basic plane, bare and after spaces', () => {
    for (let c = 1; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`${ch}x`, ` ${ch}`, `\u3000${ch}计`]) {
        if (mayStartLabel(text) !== bySpec(text)) throw new Error(`mayStartLabel(${JSON.stringify(text)}) is ${mayStartLabel(text)}`);
      }
    }
  });

  it('rules a text out by its first two ideographs only when no known word starts with them', () => {
    // The definition: some known word (normalised) is one character, the text's first, or starts with its first two.
    const normalWords = words.map(normalise);
    const bySpecPair = (text: string) => normalWords.some((w) => (w.length === 1 ? w === text.charAt(0) : w.startsWith(text.slice(0, 2))));
    const ideographs = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
    const seconds = [...ideographs(0x4e00, 0x9fff), ...ideographs(0x3400, 0x4dbf)];
    let ruledOut = 0;
    for (const first of new Set(normalWords.map((w) => w.charAt(0)).filter((c) => /[\u3400-\u4dbf\u4e00-\u9fff]/.test(c)))) {
      for (const second of seconds) {
        const text = `${first}${second}经费`;
        const pair = mayStartLabelPair(text);
        if (!pair && bySpecPair(text)) throw new Error(`mayStartLabelPair(${JSON.stringify(text)}) rules out a known word`);
        if (!pair) ruledOut++;
      }
    }
    expect(ruledOut).toBeGreaterThan(100_000);
    // Anything but two ideographs: the pair cannot tell.
    for (const text of ['合　计', '注：', 'Total', '（一）合计', '总']) expect(mayStartLabelPair(text)).toBe(true);
    expect(mayStartLabelPair('总值班经费')).toBe(false);
    expect(labelKind('总值班经费（000001）')).toBeNull();
    expect(labelKind('总计')).toBe('total');
    expect(labelKind('注意事项')).toBeNull();
  });

  it('leaves labelKind as it was: totals, footers, breakdowns and headers in every width and case', () => {
    expect(labelKind('合计')).toBe('total');
    expect(labelKind('　小　计')).toBe('subtotal');
    expect(labelKind('ＴＯＴＡＬ')).toBe('total');
    expect(labelKind('Notes: none')).toBe('footer');
    expect(labelKind('其中：人员经费')).toBe('breakdown');
    expect(labelKind('项目名称')).toBe('header');
    expect(labelKind('应急管理工作经费（000001）')).toBeNull();
    expect(labelKind('1')).toBeNull();
  });
});

describe('normalHash (the duplicate check’s grouping of names)', () => {
  it('hashes a text as its normal form, in every width, case and spacing, and through normalise for other scripts', () => {
    const pieces = ['A', 'a', 'Ａ', 'ａ', 'Z', ' ', '\u3000', '\u00a0', '\t', '\n', '经费', '（', '）', '(', '、', '1', '１', '-', '－', 'Σ', 'é', 'İ', '\u2003', '\u0001', '〇', '㐀', '\ud83d\ude00'];
    let seed = 11;
    const pick = () => pieces[(seed = (seed * 48271) % 2147483647) % pieces.length];
    for (let i = 0; i < 20000; i++) {
      const text = Array.from({ length: 1 + (i % 9) }, pick).join('');
      if (normalHash(text) !== normalHash(normalise(text))) throw new Error(`normalHash(${JSON.stringify(text)})`);
    }
    expect(normalHash('Project Ａ（一）')).toBe(normalHash('projecta(一)'));
    expect(normalHash('项目　甲')).toBe(normalHash('项目甲'));
    expect(normalHash('项目甲')).not.toBe(normalHash('项目乙'));
  });
});
