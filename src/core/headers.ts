// The header words a clerk's tables use, by concept, and how a header cell is matched against them.
import { foldWidth } from './numbers';

export type ColumnKey =
  | 'name'
  | 'initial'
  | 'adjustment'
  | 'adjusted'
  | 'carryover'
  | 'actual'
  | 'target'
  | 'rate'
  | 'purpose'
  | 'outcome'
  | 'reason'
  | 'serial'
  | 'category';

/** Accepted header words by concept (matched whole, after normalising). */
export const HEADER_WORDS: Record<ColumnKey, readonly string[]> = {
  name: ['项目名称', '项目', '项目名', '名称', 'Project', 'Project name', 'Item'],
  initial: ['年初预算数', '年初预算', '年初批复数', '年初数', 'Initial budget', 'Original budget'],
  adjustment: ['预算调整数', '调整数', '调整金额', '追加数', 'Adjustment', 'Budget adjustment'],
  adjusted: ['调整后预算数', '调整后预算', '全年预算数', '全年预算', '调整预算数', 'Adjusted budget', 'Revised budget', 'Final budget'],
  carryover: ['上年结转', '年初结转结余', '结转结余', 'Carry-over', 'Carryover'],
  actual: ['实际支出数', '实际支出', '支出数', '执行数', '全年执行数', '预算执行数', '使用金额', '决算数', 'Actual', 'Actual expenditure', 'Expenditure', 'Spent'],
  target: ['执行率目标', '目标', 'Target'],
  rate: ['执行率', '完成率', '预算执行率', '预算完成率', 'Execution rate'],
  purpose: ['资金用途', '用途', 'Purpose'],
  outcome: ['绩效目标完成情况', '实施成效', '成效', 'Outcome'],
  reason: ['偏差原因', '原因说明', '偏差原因分析', '未完成原因', 'Reason'],
  serial: ['序号', 'No.', 'No', '#'],
  category: ['支出类别', '类别', '资金类别', 'Category', 'Expenditure type'],
};

export const MONEY_KEYS = ['initial', 'adjustment', 'adjusted', 'carryover', 'actual'] as const;
export type MoneyKey = (typeof MONEY_KEYS)[number];

export type Unit = '元' | '万元';

/** What a unit's amounts are divided by to give 万元 (a division: 191500 / 10000 is exactly 19.15, × 0.0001 is not). */
export function wanDivisor(unit: Unit): number {
  return unit === '元' ? 10000 : 1;
}

/** Reads a unit word: only 元, 万元, yuan and 10k yuan count. */
export function parseUnitWord(word: string): Unit | null {
  const w = normalise(word);
  if (w === '元' || w === 'yuan' || w === 'rmb' || w === 'rmbyuan') return '元';
  if (w === '万元' || w === '10kyuan' || w === '10,000yuan' || w === 'tenthousandyuan') return '万元';
  return null;
}

const SPACES = /[\s\u00a0]+/g;

/** Lower-case, half-width, no spaces at all. */
export function normalise(text: string): string {
  return alreadyNormal(text) ? text : foldWidth(text).replace(SPACES, '').toLowerCase();
}

/**
 * Nothing to fold, remove or lower-case: ASCII other than capitals and spaces, CJK punctuation other than the
 * ideographic space, CJK ideographs. Most project names, checked once each for duplicates: no new strings.
 */
function alreadyNormal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? (c >= 0x41 && c <= 0x5a) || c <= 0x20 : !((c > 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

export interface HeaderMatch {
  key: ColumnKey;
  unit: Unit | null;
  /** The header said (%): numbers in the column are percents. */
  percent: boolean;
}

const SUFFIX = /\(([^()]*)\)$/;

const LOOKUP: Map<string, ColumnKey> = (() => {
  const map = new Map<string, ColumnKey>();
  for (const [key, words] of Object.entries(HEADER_WORDS) as [ColumnKey, readonly string[]][]) {
    for (const word of words) map.set(normalise(word), key);
  }
  return map;
})();

/** Matches one header cell: `年初预算（万元）` → initial in 万元; `执行率(%)` → rate in percent. */
export function matchHeader(text: string): HeaderMatch | null {
  return matchWord(normalise(text).replace(/[:：]$/, ''));
}

/** matchHeader of a normalised header text without its trailing colon. */
function matchWord(normalised: string): HeaderMatch | null {
  let word = normalised;
  let unit: Unit | null = null;
  let percent = false;
  const suffix = SUFFIX.exec(word);
  if (suffix) {
    const inner = suffix[1];
    if (inner === '%') percent = true;
    else unit = parseUnitWord(inner);
    if (percent || unit) word = word.slice(0, suffix.index);
  }
  const key = LOOKUP.get(word);
  return key ? { key, unit, percent } : null;
}

const TOTAL_WORDS = new Set(['合计', '总计', '小计', '年度资金总额', 'total', 'subtotal', 'grandtotal']);

const SUBTOTAL_WORDS = new Set(['小计', 'subtotal']);

/** 合计 / 总计 / 小计 / Total…, with inner spaces ignored (`合\u3000计`). */
export function isTotalLabel(text: string): boolean {
  return TOTAL_WORDS.has(withoutColon(normalise(text)));
}

/** A breakdown line under the row above (其中：…). */
export function isBreakdownLabel(text: string): boolean {
  return normalise(text).startsWith('其中');
}

function withoutColon(word: string): string {
  return word.endsWith(':') ? word.slice(0, -1) : word;
}

const FOOTER_PREFIXES = ['制表人', '审核人', '填报日期', '说明:', '注:', '注：', '填报说明', '负责人', '填表人', 'note:', 'notes:', 'preparedby'].map(normalise);

/**
 * 制表人 / 审核人 / 填报日期 / 说明：/ 注：… lines end a table. 说明 needs its colon (or stands alone): a project such as
 * 说明书印制经费 would otherwise end the table and silently drop the projects below it.
 */
export function isFooterLabel(text: string): boolean {
  return isFooterWord(normalise(text));
}

function isFooterWord(w: string): boolean {
  return w === '说明' || FOOTER_PREFIXES.some((prefix) => w.startsWith(prefix));
}

export type LabelKind = 'footer' | 'total' | 'subtotal' | 'breakdown' | 'header';

/** What a row's label makes of the row, from a single normalisation (the parser asks this of every row). */
export function labelKind(text: string): LabelKind | null {
  if (text === '' || !mayStartLabel(text) || !mayStartLabelPair(text)) return null;
  const w = normalise(text);
  if (isFooterWord(w)) return 'footer';
  const bare = withoutColon(w);
  if (TOTAL_WORDS.has(bare)) return SUBTOTAL_WORDS.has(bare) ? 'subtotal' : 'total';
  if (w.startsWith('其中')) return 'breakdown';
  // matchHeader(text) without normalising again: normalise leaves no full-width colon, so `bare` is its word.
  if (LOOKUP.has(bare) || (bare.endsWith(')') && matchWord(bare))) return 'header';
  return null;
}

/** `单位：元` / `金额单位：万元` / `Unit: yuan` → the unit; anything else (`单位：某某局`) → null. */
export function readUnitLine(text: string): Unit | null {
  const match = /^(?:金额)?单位[:：](.+)$|^unit[:：](.+)$/i.exec(foldWidth(text).replace(/[\s\u00a0]+/g, ''));
  if (!match) return null;
  return parseUnitWord(match[1] ?? match[2]);
}

/** Every word labelKind knows, normalised. */
const LABEL_WORDS = [...FOOTER_PREFIXES, '说明', ...TOTAL_WORDS, '其中', ...LOOKUP.keys()];

/** First characters of every word labelKind knows: most project names start with none of them. */
const LABEL_FIRST_CHARS = new Set(LABEL_WORDS.map((w) => w.charAt(0)));

/** The same first characters as char codes (each is one UTF-16 unit). */
const LABEL_FIRST_CODES = new Set([...LABEL_FIRST_CHARS].map((c) => c.charCodeAt(0)));

const isIdeograph = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** Two ideographs as one small integer (a Set of numbers, no string per row). */
const pairKey = (first: number, second: number): number => (first - 0x3400) * 0x10000 + second;

/** The first two characters of every word labelKind knows that starts with two ideographs. */
const LABEL_FIRST_PAIRS = new Set(
  LABEL_WORDS.filter((w) => isIdeograph(w.charCodeAt(0)) && isIdeograph(w.charCodeAt(1))).map((w) => pairKey(w.charCodeAt(0), w.charCodeAt(1))),
);

/** First characters of known words of one ideograph alone, or one and then something else: the pair says nothing there. */
const LABEL_LONE_FIRSTS = new Set(LABEL_WORDS.filter((w) => isIdeograph(w.charCodeAt(0)) && !isIdeograph(w.charCodeAt(1))).map((w) => w.charCodeAt(0)));

/**
 * For a text that starts with two ideographs (which normalise leaves as they are): do they start a word labelKind
 * knows? Every word labelKind matches is a prefix of the text's normal form. True where the pair cannot tell (any
 * other start). Most project names that pass mayStartLabel (总值班…, 项目甲…) stop here, without being normalised.
 */
export function mayStartLabelPair(text: string): boolean {
  const first = text.charCodeAt(0);
  const second = text.charCodeAt(1);
  if (!isIdeograph(first) || !isIdeograph(second) || LABEL_LONE_FIRSTS.has(first)) return true;
  return LABEL_FIRST_PAIRS.has(pairKey(first, second));
}

/**
 * Does the text's first character (after spaces, normalised) start a word labelKind knows? Asked of every row: for
 * printable ASCII, full-width ASCII and CJK ideographs, whose normal form is known, without a string per row.
 */
export function mayStartLabel(text: string): boolean {
  let c = text.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII folds to ASCII
  if (c > 0x20 && c < 0x7f) return LABEL_FIRST_CODES.has(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
  if (isIdeograph(c)) return LABEL_FIRST_CODES.has(c);
  // Spaces first, or another character: the string test.
  return LABEL_FIRST_CHARS.has(normalise(text.trimStart().charAt(0)));
}

/**
 * A 32-bit hash of normalise(text), equal for texts whose normal forms are equal: the duplicate check groups
 * thousands of project names by it without a normalised copy of each. Computed on the char codes for text made of
 * printable ASCII, full-width ASCII, spaces and CJK (whose normal form is known character by character); any other
 * text is hashed through normalise itself, with the same function.
 */
export function normalHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII folds to ASCII
    if (c < 0x80) {
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue; // spaces are dropped
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
    } else if (c === 0x3000 || c === 0xa0) {
      continue;
    } else if (!((c > 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff))) {
      return hashCodes(normalise(text));
    }
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return smallHash(hash);
}

/** 30 bits: a small integer in V8, a Map key without a number object (a 32-bit key made the Map ten times slower). */
function smallHash(hash: number): number {
  return hash & 0x3fffffff;
}

/** FNV-1a over a string's char codes: normalHash's function. */
function hashCodes(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return smallHash(hash);
}
