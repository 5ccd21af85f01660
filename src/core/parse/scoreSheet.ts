// The 评分设置 sheet: the clerk's scoring profile, one row per indicator under a header
//   指标 | 分值 | 类型 | 得分 | 评分标准 (the last column is free text, not read)
// 类型 is 预算完成率 / 预算调整率 / 项目达标率 / 人工评分; 得分 is read for 人工评分 rows only (blank = unscored).
// Bad cells give a finding at their cell and leave that row out (bad 分值) or unscored (bad 得分).
// Below the indicators (optional), the bands as a second table
//   评分参数 | 值 | 说明 (说明 is free text, not read)
// one row per parameter (PARAM_LABELS): a missing row keeps the default, a bad value gives a finding at its cell
// and keeps the default, bands out of order give a finding and keep the default bands.
// The sheet may be Excel's renamed copy (评分设置 (2)): see pickScoreSheet.
import { cellRef } from '../address';
import { DEFAULT_CONFIG } from '../config';
import type { IndicatorOverrides } from '../score/indicators/rules';
import { makeFinding, numberFinding } from '../findings';
import { normalise } from '../headers';
import type { CellValue, Finding, Lang } from '../model';
import { inBoth, words, type Wording } from '../wording';
import { formatRate, isBlank, readNumber, roundHalfAway, type NumberRead } from '../numbers';
import {
  DEFAULT_SCORE_PROFILE,
  profileWith,
  SCORE_KIND_WORDS,
  type Grade,
  type ScoreBands,
  type ScoreIndicator,
  type ScoreKind,
  type ScoreProfile,
} from '../score/profile';
import { SCORE_PARAM_SCHEMA, validateFields, type ScoreParamField } from '../settings';
import type { Grid } from './grid';
import { readTargetValue } from './info';

/** A score-setting message, worded by the catalogue in the language asked for. */
type Say = (w: Wording, lang: Lang) => string;
/** A parameter's label in the template, in `lang`: PARAM_LABELS holds [zh, en]. */
const labelIn = (pair: readonly string[], lang: Lang) => pair[lang === 'zh' ? 0 : 1];

/** The grades with a lower bound (差 is what is below 中). */
type Banded = Exclude<Grade, '差'>;
const GRADE_EN: Record<Banded, string> = { 优: 'Excellent', 良: 'Good', 中: 'Fair' };

export const SCORE_SHEET_NAMES: readonly string[] = ['评分设置', 'Scoring'];
export const SCORE_HEADER = { name: ['指标', '指标名称', 'Indicator'], points: ['分值', 'Points'], kind: ['类型', '计分方式', 'Kind'], score: ['得分', 'Score'] } as const;
/** The header of the bands table (说明 is optional and not read). */
export const PARAM_HEADER = { label: ['评分参数', '参数', 'Parameter', 'Setting'], value: ['值', '数值', '取值', 'Value'] } as const;

/**
 * The parameter rows as the template writes them (zh, en). The parser also takes them without punctuation or
 * spaces, `第N档` / `band N` for any N (a fourth band needs both its rows), and the short forms in PARAM_WORDS.
 */
export const PARAM_LABELS = {
  step: ['预算完成率每低（个百分点）', 'Execution rate: step (percentage points)'],
  penalty: ['预算完成率每档扣分比例', 'Execution rate: points off per step (share)'],
  zero: ['预算调整率为 0 时得分比例', 'Adjustment rate: share at 0'],
  bound: (n: number) => [`预算调整率第${n}档上限`, `Adjustment rate: band ${n} up to`],
  share: (n: number) => [`预算调整率第${n}档得分比例`, `Adjustment rate: band ${n} share`],
  grade: (g: Banded) => [`等级“${g}”最低分`, `Grade ${GRADE_EN[g]} from`],
  // The indicator rule (项目支出绩效自评表): default points, qualitative band edges, the far-above share.
  indicatorPoints: (g: PointsGroup) => [`${POINTS_GROUP_ZH[g]}默认分值`, `Default points: ${POINTS_GROUP_EN[g]}`],
  qualitative: (b: 'met' | 'partial') => (b === 'met' ? ['定性指标“达成”最低得分比例', 'Qualitative: met from (share)'] : ['定性指标“部分达成”最低得分比例', 'Qualitative: partly met from (share)']),
  farAbove: ['完成值超出目标提示比例', 'Actual far above target (share)'],
} as const;

type PointsGroup = 'execution' | 'output' | 'effect' | 'satisfaction';
const POINTS_GROUP_ZH: Record<PointsGroup, string> = { execution: '项目预算执行率', output: '产出指标', effect: '效益指标', satisfaction: '满意度指标' };
const POINTS_GROUP_EN: Record<PointsGroup, string> = { execution: 'project execution rate', output: 'output', effect: 'effect', satisfaction: 'satisfaction' };

const HEADER_ROWS = 15;
/** An indicator's points at most: the total and the grade's scaling stay ordinary numbers (1e308 points would not). */
const MAX_POINTS = 1000;

/** 0 for 评分设置 / Scoring itself, n for the copy Excel names `评分设置 (n)`; null for any other sheet. */
export function scoreSheetCopy(name: string): number | null {
  const match = /^(.*?)(?:\((\d+)\))?$/.exec(normalise(name));
  if (!match || !SCORE_SHEET_NAMES.some((n) => normalise(n) === match[1])) return null;
  return match[2] === undefined ? 0 : Number(match[2]);
}

export function isScoreSheet(name: string): boolean {
  return scoreSheetCopy(name) !== null;
}

/**
 * The score sheet to read when a workbook has several (the template inserted twice gives 评分设置 and
 * 评分设置 (2)): the one without a number (the clerk's original), else the lowest number; a
 * `score-sheet-ignored` finding names each other one.
 */
export function pickScoreSheet<S extends { name: string }>(sheets: readonly S[], lang: Lang, findings: Finding[]): S | undefined {
  const found = sheets
    .map((sheet, index) => ({ sheet, index, copy: scoreSheetCopy(sheet.name) }))
    .filter((s): s is { sheet: S; index: number; copy: number } => s.copy !== null)
    .sort((a, b) => a.copy - b.copy || a.index - b.index);
  const [used, ...ignored] = found;
  for (const other of ignored) {
    findings.push(makeFinding('score-sheet-ignored', cellRef(other.sheet.name, 0, 0), lang, { used: used.sheet.name, ignored: other.sheet.name }));
  }
  return used?.sheet;
}

const KIND_LOOKUP = new Map<string, ScoreKind>();
for (const [kind, words] of Object.entries(SCORE_KIND_WORDS) as [ScoreKind, readonly string[]][]) {
  for (const word of words) KIND_LOOKUP.set(normalise(word), kind);
}

function findHeader<K extends string>(grid: Grid, words: Record<K, readonly string[]>, rows: Iterable<number>): { row: number; cols: Record<K, number> } | null {
  const keys = Object.keys(words) as K[];
  for (const r of rows) {
    const cols: Partial<Record<K, number>> = {};
    for (let c = 0; c < grid.width(r); c++) {
      const text = normalise(grid.text(r, c));
      for (const key of keys) {
        if (cols[key] === undefined && words[key].some((w) => normalise(w) === text)) cols[key] = c;
      }
    }
    if (keys.every((k) => cols[k] !== undefined)) return { row: r, cols: cols as Record<K, number> };
  }
  return null;
}

function* range(from: number, to: number): Iterable<number> {
  for (let r = from; r < to; r++) yield r;
}

// ---------------------------------------------------------------------------------------------
// The 评分参数 table
// ---------------------------------------------------------------------------------------------

type ParamKey =
  | { kind: 'step' }
  | { kind: 'penalty' }
  | { kind: 'zero' }
  | { kind: 'bound'; band: number }
  | { kind: 'share'; band: number }
  | { kind: 'grade'; grade: Banded }
  | { kind: 'indicatorPoints'; group: PointsGroup }
  | { kind: 'qualitative'; edge: 'met' | 'partial' }
  | { kind: 'farAbove' };

/** Label text without case, spaces or punctuation: `预算完成率每低（个百分点）` → `预算完成率每低个百分点`. */
const bare = (text: string) => normalise(text).replace(/[:：()（）[\]【】“”"'‘’「」、,，.。;；\-—–_·/]/g, '');

const PARAM_WORDS: Record<'step' | 'penalty' | 'zero', string[]> = {
  step: [PARAM_LABELS.step[0], PARAM_LABELS.step[1], '预算完成率每低百分点', '完成率每低个百分点', '每低个百分点', '每低百分点', '扣分步长', 'Execution step', 'Step'],
  penalty: [PARAM_LABELS.penalty[0], PARAM_LABELS.penalty[1], '完成率每档扣分比例', '每档扣分比例', 'Execution penalty per step', 'Penalty per step'],
  zero: [PARAM_LABELS.zero[0], PARAM_LABELS.zero[1], '预算调整率为0得分比例', '调整率为0时得分比例', '调整率为0得分比例', 'Adjustment share at 0', 'Share at 0'],
};
const PARAM_LOOKUP = new Map<string, ParamKey>();
for (const [kind, words] of Object.entries(PARAM_WORDS) as ['step' | 'penalty' | 'zero', string[]][]) {
  for (const word of words) PARAM_LOOKUP.set(bare(word), { kind });
}
for (const group of Object.keys(POINTS_GROUP_ZH) as PointsGroup[]) {
  for (const word of [...PARAM_LABELS.indicatorPoints(group), `${POINTS_GROUP_ZH[group]}分值`]) PARAM_LOOKUP.set(bare(word), { kind: 'indicatorPoints', group });
}
for (const edge of ['met', 'partial'] as const) for (const word of PARAM_LABELS.qualitative(edge)) PARAM_LOOKUP.set(bare(word), { kind: 'qualitative', edge });
for (const word of PARAM_LABELS.farAbove) PARAM_LOOKUP.set(bare(word), { kind: 'farAbove' });

const ZH_DIGITS = '一二三四五六七八九';
const bandNumber = (text: string) => (/^\d+$/.test(text) ? Number(text) : text.length === 1 ? ZH_DIGITS.indexOf(text) + 1 : 0);
const ZH_BAND = /^(?:预算)?(?:调整率)?第(\d+|[一二三四五六七八九])档(?:调整率)?(上限|不超过|得分比例|比例)$/;
const EN_BAND = /^(?:adjustment(?:rate)?)?band(\d+)(upto|limit|share)$/;
const ZH_GRADE = /^(?:等级)?(优|良|中)(?:秀|好|等)?(?:最低分|分数线|下限|不低于)?$/;
const EN_GRADE = /^(?:grade)?(excellent|good|fair)(?:from|min|minimum)?$/;
const GRADE_OF: Record<string, Banded> = { 优: '优', 良: '良', 中: '中', excellent: '优', good: '良', fair: '中' };

function paramKey(label: string): ParamKey | null {
  const text = bare(label);
  const fixed = PARAM_LOOKUP.get(text);
  if (fixed) return fixed;
  const zhBand = ZH_BAND.exec(text);
  const enBand = EN_BAND.exec(text);
  if (zhBand || enBand) {
    const band = zhBand ? bandNumber(zhBand[1]) : Number(enBand![1]);
    const share = zhBand ? zhBand[2].endsWith('比例') : enBand![2] === 'share';
    return band >= 1 ? (share ? { kind: 'share', band } : { kind: 'bound', band }) : null;
  }
  const grade = ZH_GRADE.exec(text) ?? EN_GRADE.exec(text);
  return grade ? { kind: 'grade', grade: GRADE_OF[grade[1]] } : null;
}

const keyId = (key: ParamKey) =>
  'band' in key ? `${key.kind}${key.band}` : 'grade' in key ? `grade${key.grade}` : 'group' in key ? `points-${key.group}` : 'edge' in key ? `edge-${key.edge}` : key.kind;

/** How a parameter's cell is read and its value shown; whether the value is taken is SCORE_PARAM_SCHEMA's rule. */
interface Form {
  read: (raw: CellValue) => number | null;
  show: (v: number, lang: Lang) => string;
}

const pct = (v: number) => formatRate(v, 'trim');

const FORMS: Record<ScoreParamField, Form> = {
  // Percentage points, as the label asks (5); 5% and 0.05 too. A plain 1 is 1 point (a step of 100 points means nothing).
  step: {
    read: (raw) => {
      const n = readNumber(raw, false);
      if (!n || !n.ok) return null;
      return n.percent || n.value >= 1 ? n.value / 100 : n.value;
    },
    show: (v, lang) => words(lang).score.points(roundHalfAway(v * 100, 2)),
  },
  // Shares and bounds as the information block reads 执行率目标: 10%, 0.1 or 10 (a plain number above 1 is a percent).
  penalty: {
    read: (raw) => readTargetValue(raw, false),
    show: pct,
  },
  share: {
    read: (raw) => readTargetValue(raw, false),
    show: pct,
  },
  bound: {
    read: (raw) => readTargetValue(raw, false),
    show: pct,
  },
  // Points of 100 (90); 90% is read as 90.
  grade: {
    read: (raw) => {
      const n = readNumber(raw, false);
      return n && n.ok ? n.value : null;
    },
    show: (v) => String(v),
  },
  // An indicator group's default points (50); not a percent.
  points: {
    read: (raw) => {
      const n = readNumber(raw, false);
      return n && n.ok && !n.percent ? n.value : null;
    },
    show: (v) => String(v),
  },
  edge: {
    read: (raw) => readTargetValue(raw, false),
    show: pct,
  },
  excess: {
    read: (raw) => readTargetValue(raw, false),
    show: pct,
  },
};

const FIELD_OF: Record<ParamKey['kind'], ScoreParamField> = {
  step: 'step',
  penalty: 'penalty',
  zero: 'share',
  bound: 'bound',
  share: 'share',
  grade: 'grade',
  indicatorPoints: 'points',
  qualitative: 'edge',
  farAbove: 'excess',
};
const fieldOf = (key: ParamKey): ScoreParamField => FIELD_OF[key.kind];

function defaultOf(key: ParamKey, d: ScoreProfile): number | undefined {
  switch (key.kind) {
    case 'step':
      return d.execution.step;
    case 'penalty':
      return d.execution.penaltyShare;
    case 'zero':
      return d.adjustment.zeroShare;
    case 'bound':
      return d.adjustment.bands[key.band - 1]?.upTo;
    case 'share':
      return d.adjustment.bands[key.band - 1]?.share;
    case 'grade':
      return d.grades.find((g) => g.grade === key.grade)?.from;
    case 'indicatorPoints':
      return DEFAULT_CONFIG.indicators.points[key.group];
    case 'qualitative':
      return DEFAULT_CONFIG.indicators.bands[key.edge][0];
    case 'farAbove':
      return DEFAULT_CONFIG.indicators.farAbove;
  }
}

interface ParamValue {
  /** NaN when the cell was bad (and the default is used). */
  value: number;
  row: number;
  col: number;
}

/** The bands the 评分参数 table sets (each one read, or the default), with a finding for each problem. */
function readParams(
  grid: Grid,
  from: number,
  to: number,
  cols: { label: number; value: number },
  lang: Lang,
  problem: (row: number, col: number, say: Say) => void,
  stored: (row: number, col: number) => boolean,
  d: ScoreProfile,
): Partial<ScoreBands> {
  const values = new Map<string, ParamValue>();
  for (let r = from; r < to; r++) {
    const label = grid.text(r, cols.label);
    if (label === '') continue;
    const raw = grid.value(r, cols.value);
    const key = paramKey(label);
    if (!key) {
      // A line of notes under the table has no value: only a label with a value is a parameter gone wrong.
      if (!isBlank(raw)) problem(r, cols.label, (w) => w.scoreSheet.unknownParam(label));
      continue;
    }
    const id = keyId(key);
    if (values.has(id)) {
      const first = values.get(id)!;
      const where = cellRef(grid.name, first.row, first.col);
      problem(r, cols.label, (w) => w.scoreSheet.duplicateParam(label, where));
      continue;
    }
    const field = fieldOf(key);
    const form = FORMS[field];
    const value = isBlank(raw) ? null : form.read(raw);
    if (stored(r, cols.value)) {
      values.set(id, { value: NaN, row: r, col: cols.value }); // reported as an error; a second row is still a duplicate
      continue;
    }
    // The schema's rule, the path being the cell; a blank or unreadable cell is NaN, refused like a bad number.
    const [bad] = validateFields(SCORE_PARAM_SCHEMA, { [field]: value ?? NaN }, () => cellRef(grid.name, r, cols.value)).problems;
    if (bad) {
      const found = isBlank(raw) ? null : grid.text(r, cols.value) || String(raw);
      const fallback = defaultOf(key, d);
      problem(r, cols.value, (w, l) => w.scoreSheet.badValue(label, bad.expected[l], found, fallback === undefined ? null : form.show(fallback, l)));
      // Marked as read, so a second row of the same parameter is still a duplicate.
      values.set(id, { value: NaN, row: r, col: cols.value });
      continue;
    }
    values.set(id, { value: value ?? NaN, row: r, col: cols.value });
  }
  const got = (key: ParamKey): ParamValue | undefined => {
    const v = values.get(keyId(key));
    return v && !Number.isNaN(v.value) ? v : undefined;
  };
  /** Where a parameter's row is (read or bad), if the table has it. */
  const cellOf = (key: ParamKey): ParamValue | undefined => values.get(keyId(key));
  /** Marks a value in a message as the default (its row missing, or its cell bad). */
  const isDefault = (where: ParamValue | undefined) => !(where && !Number.isNaN(where.value));
  // Every caller has a cell: a band or grade is only checked when one of its parameters is in the table.
  const at = (where: ParamValue | undefined, say: Say) => problem(where?.row ?? from - 1, where?.col ?? cols.label, say);
  const out: Partial<ScoreBands> = {};

  // 预算完成率
  const step = got({ kind: 'step' });
  const penalty = got({ kind: 'penalty' });
  if (step || penalty) out.execution = { step: step?.value ?? d.execution.step, penaltyShare: penalty?.value ?? d.execution.penaltyShare };

  // 预算调整率: bands 1…n, each bound and share read or default; bounds increasing, shares not.
  const bandNumbers = [...values.keys()].flatMap((id) => {
    const band = /^(?:bound|share)(\d+)$/.exec(id);
    return band ? [Number(band[1])] : [];
  });
  const bandCount = Math.max(d.adjustment.bands.length, ...bandNumbers);
  const bands: { upTo: number; share: number; upToCell?: ParamValue; shareCell?: ParamValue; band: number }[] = [];
  let anyBand = false;
  for (let n = 1; n <= bandCount; n++) {
    const boundKey: ParamKey = { kind: 'bound', band: n };
    const shareKey: ParamKey = { kind: 'share', band: n };
    const upTo = got(boundKey)?.value ?? defaultOf(boundKey, d);
    const share = got(shareKey)?.value ?? defaultOf(shareKey, d);
    if (got(boundKey) || got(shareKey)) anyBand = true;
    if (upTo === undefined || share === undefined) {
      const present = got(boundKey) ?? got(shareKey);
      if (present) {
        const hasBound = got(boundKey) !== undefined;
        at(present, (w, l) => w.scoreSheet.bandIncomplete(n, hasBound, labelIn(PARAM_LABELS.bound(n), l), labelIn(PARAM_LABELS.share(n), l)));
      }
      continue;
    }
    bands.push({ upTo, share, upToCell: cellOf(boundKey), shareCell: cellOf(shareKey), band: n });
  }
  const zero = got({ kind: 'zero' });
  if (zero || anyBand) {
    const zeroShare = zero?.value ?? d.adjustment.zeroShare;
    let fine = true;
    for (let i = 1; i < bands.length && fine; i++) {
      const [prev, next] = [bands[i - 1], bands[i]];
      if (Math.round(next.upTo * 10000) <= Math.round(prev.upTo * 10000)) {
        fine = false;
        const [n, p] = [next, prev].map((b) => ({ band: b.band, value: pct(b.upTo), isDefault: isDefault(b.upToCell) }));
        at(next.upToCell ?? prev.upToCell, (w) => w.scoreSheet.boundsNotIncreasing(n, p));
      }
    }
    const shares = [{ share: zeroShare, cell: cellOf({ kind: 'zero' }), band: 0 }, ...bands.map((b) => ({ share: b.share, cell: b.shareCell, band: b.band }))];
    for (let i = 1; i < shares.length && fine; i++) {
      if (shares[i].share > shares[i - 1].share + 1e-12) {
        fine = false;
        const [n, p] = [shares[i], shares[i - 1]].map((s) => ({ band: s.band, value: pct(s.share), isDefault: isDefault(s.cell) }));
        at(shares[i].cell ?? shares[i - 1].cell, (w) => w.scoreSheet.sharesIncreasing(n, p));
      }
    }
    if (fine) out.adjustment = { zeroShare, bands: bands.map((b) => ({ upTo: b.upTo, share: b.share })) };
  }

  // Grades: 优 above 良 above 中.
  const grades = d.grades.map((g) => {
    const key: ParamKey = { kind: 'grade', grade: g.grade as Banded };
    return { grade: g.grade as Banded, from: got(key)?.value ?? g.from, cell: cellOf(key) };
  });
  if (grades.some((g) => g.cell !== undefined)) {
    let fine = true;
    for (let i = 1; i < grades.length && fine; i++) {
      if (grades[i].from >= grades[i - 1].from) {
        fine = false;
        const [n, p] = [grades[i], grades[i - 1]].map((g) => ({ grade: g.grade, value: g.from, isDefault: isDefault(g.cell) }));
        at(grades[i].cell ?? grades[i - 1].cell, (w) => w.scoreSheet.gradesNotDecreasing(n, p));
      }
    }
    if (fine) out.grades = grades.map((g) => ({ grade: g.grade, from: g.from }));
  }

  // The indicator rule: default points, the two qualitative edges (达成 above 部分达成), the far-above share.
  const rules: IndicatorOverrides = {};
  for (const group of Object.keys(POINTS_GROUP_ZH) as PointsGroup[]) {
    const v = got({ kind: 'indicatorPoints', group });
    if (v) rules.points = { ...rules.points, [group]: v.value };
  }
  const met = got({ kind: 'qualitative', edge: 'met' });
  const partial = got({ kind: 'qualitative', edge: 'partial' });
  if (met || partial) {
    const dq = DEFAULT_CONFIG.indicators.bands;
    const [m, p] = [met?.value ?? dq.met[0], partial?.value ?? dq.partial[0]];
    if (p >= m) {
      const [pw, mw] = [{ value: pct(p), isDefault: isDefault(partial) }, { value: pct(m), isDefault: isDefault(met) }];
      at(partial ?? met, (w) => w.scoreSheet.qualitativeEdges(pw, mw));
    } else rules.bands = { met: [m, 1], partial: [p, m], missed: [0, p] };
  }
  const far = got({ kind: 'farAbove' });
  if (far) rules.farAbove = far.value;
  if (Object.keys(rules).length > 0) out.indicatorRules = rules;
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * The profile a 评分设置 sheet holds, or null (and a finding) when it has no usable header. `defaults` is the
 * configuration's scoring: the sheet's indicators replace its indicators, its 评分参数 rows its bands.
 */
export function readScoreSheet(grid: Grid, lang: Lang, findings: Finding[], defaults: ScoreProfile = DEFAULT_SCORE_PROFILE): ScoreProfile | null {
  // Worded in both languages: the pane shows the finding in its own.
  const problem = (row: number, col: number, say: Say) => findings.push(makeFinding('score-setting', cellRef(grid.name, row, col), lang, { text: inBoth(say) }));
  /** A score cell the file stores as a non-number or a date: an error (not a setting left at its default), true when so. */
  const stored = (read: NumberRead | null, row: number, col: number, column: string): boolean => {
    if (!read || read.ok || (read.reason !== 'invalid' && read.reason !== 'date')) return false;
    findings.push(numberFinding(read, cellRef(grid.name, row, col), lang, column));
    return true;
  };
  const header = findHeader(grid, SCORE_HEADER, range(0, Math.min(grid.rowCount, HEADER_ROWS)));
  if (!header) {
    problem(0, 0, (w) => w.scoreSheet.noHeader);
    return null;
  }
  const { cols } = header;
  // The 评分参数 table, below the indicators (or above them): each table ends where the other begins.
  const params = findHeader(grid, PARAM_HEADER, [...range(header.row + 1, grid.rowCount), ...range(0, header.row)]);
  const indicatorsEnd = params && params.row > header.row ? params.row : grid.rowCount;
  const indicators: ScoreIndicator[] = [];
  for (let r = header.row + 1; r < indicatorsEnd; r++) {
    const name = grid.text(r, cols.name);
    if (name === '') continue;
    const rawPoints = grid.value(r, cols.points);
    const points = readNumber(rawPoints, false);
    if (stored(points, r, cols.points, grid.text(header.row, cols.points))) continue;
    if (!points || !points.ok || points.value <= 0 || points.value > MAX_POINTS || points.percent) {
      const found = grid.text(r, cols.points) || String(rawPoints);
      problem(r, cols.points, (w) => w.scoreSheet.badPoints(name, MAX_POINTS, found, isBlank(rawPoints)));
      continue;
    }
    const kindText = grid.text(r, cols.kind);
    const kind = KIND_LOOKUP.get(normalise(kindText));
    if (!kind) {
      const kinds = Object.values(SCORE_KIND_WORDS).map((w) => w[0]);
      problem(r, cols.kind, (w) => w.scoreSheet.badKind(name, kindText, kinds));
      continue;
    }
    let manualScore: number | null = null;
    const rawScore = grid.value(r, cols.score);
    if (kind === 'manual' && !isBlank(rawScore)) {
      const score = readNumber(rawScore, false);
      if (stored(score, r, cols.score, grid.text(header.row, cols.score))) {
        // reported as an error: nothing is scored from it
      } else if (!score || !score.ok || score.percent || score.value < 0 || score.value > points.value) {
        const found = grid.text(r, cols.score) || String(rawScore);
        problem(r, cols.score, (w) => w.scoreSheet.badScore(name, points.value, found));
      } else manualScore = score.value;
    }
    const indicator: ScoreIndicator = { name, points: points.value, kind, manualScore };
    // Plain numbers only: a formula elsewhere may point at them (text such as '9.5' or a percent may not). A
    // hand score's cell also while it is blank: the report's formula shows the score once the clerk enters it.
    if (typeof rawPoints === 'number') indicator.pointsCell = cellRef(grid.name, r, cols.points);
    if (kind === 'manual' && ((manualScore !== null && typeof rawScore === 'number') || isBlank(rawScore))) indicator.scoreCell = cellRef(grid.name, r, cols.score);
    indicators.push(indicator);
  }
  if (indicators.length === 0) {
    problem(header.row, cols.name, (w) => w.scoreSheet.noIndicators);
    return null;
  }
  const max = indicators.reduce((s, i) => s + i.points, 0);
  if (Math.abs(max - 100) > 1e-9) {
    problem(header.row, cols.points, (w) => w.scoreSheet.pointsNot100(max));
  }
  const bands = params ? readParams(grid, params.row + 1, params.row < header.row ? header.row : grid.rowCount, params.cols, lang, problem, (row, col) => stored(readNumber(grid.value(row, col), false), row, col, grid.text(params.row, params.cols.value)), defaults) : {};
  return profileWith(indicators, bands, defaults);
}
