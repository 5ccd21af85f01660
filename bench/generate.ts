// Generates large budget workbooks in the layout of assets/sample-2021.xlsx (see scripts/make-samples.ts):
// 部门信息 (label | value), 部门支出 (万元, 基本支出 / 项目支出 / 合计) and 项目支出 (单位：元, one row per
// project, a 合计 row with the exact sums, a footer). Amounts are plain numbers, not formulas.
// Written with ExcelJS's streaming writer so that 50,000 rows take seconds, not minutes.
import ExcelJS from 'exceljs';
import { addNationalForm, addSplitForm, type FormIndicator, type FormSpec } from '../scripts/forms-layout';

const FMT_AMOUNT = '#,##0.00';
const FMT_RATE = '0.00%';
const FMT_PERCENT = '0%';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER_ALL: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const WRAP_TOP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

const PROJECT_HEADER = ['序号', '项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数', '执行率', '资金用途', '绩效目标完成情况', '偏差原因'];
const TOTALS_HEADER = ['支出类别', '年初预算数', '预算调整数', '调整后预算数', '实际支出数', '执行率'];

const TARGET = 0.95;
const EXPLAIN_BELOW = 0.9;

const NAME_STEMS = [
  '应急管理工作经费',
  '三防抢险工作经费',
  '专职安监员人员经费',
  '自然灾害综合风险普查工作经费',
  '应急指挥救援工作经费',
  '总值班室工作经费',
  '安全生产宣传教育经费',
  '危险化学品专项整治经费',
  '应急物资储备经费',
  '安全生产执法检查经费',
  '应急预案编制与演练经费',
  '消防安全专项经费',
];
const OUTCOMES = [
  '保障了日常工作的开展，全年各项任务按计划完成。',
  '按时完成了年度工作任务，群众满意度较高。',
  '完成了数据调查采集，形成了阶段性成果。',
  '落实了人员经费，队伍保持稳定。',
  '开展专项检查，督促整改隐患，事故总量下降。',
  '组织培训和宣传，提升了群众的安全意识。',
];
const REASONS = ['部分采购项目延期至下年度实施。', '受疫情影响，部分培训和演练活动取消。', '政府采购节约资金。', '项目实施进度滞后，已督促加快执行。'];

/** A small seeded generator (mulberry32), so every run benchmarks the same workbook. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * How the projects' rates are spread. `typical`: about 10% under the 95% target, a fifth of those below 90%
 * without a reason. `under`: most under target (70%), a third of all rows below the 90% explain-below
 * threshold and half of those without a reason: thousands of rows in 附表2 and of highlighted rows.
 */
export type Distribution = 'typical' | 'under';

export interface GeneratedWorkbook {
  file: string;
  rows: number;
  distribution: Distribution;
  /** Projects whose execution rate is below the 95% target. */
  underTarget: number;
  /** Of those, the ones below 90% with no 偏差原因 (each gives a needs-explanation warning). */
  missingReasons: number;
}

function styleHeader(row: ExcelJS.Row, count: number): void {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER_ALL;
  }
}

/**
 * notesBytes > 0 adds a sheet 备注 of long texts (two cells a row, 1,900 random letters each, all different) until
 * about that many bytes of text: the worst case of the unzipped-size limit (text weighs in memory as it does
 * unzipped; numbers and repeated names weigh far less).
 */
export async function generateWorkbook(file: string, rows: number, distribution: Distribution = 'typical', seed = 2021, notesBytes = 0): Promise<GeneratedWorkbook> {
  const rnd = random(seed + rows);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = 'budget-eval bench';
  wb.created = new Date(Date.UTC(2022, 0, 1));
  wb.modified = wb.created;

  // --- 部门信息 -------------------------------------------------------------------------------
  const info = wb.addWorksheet('部门信息');
  info.columns = [{ width: 14 }, { width: 90 }];
  info.mergeCells('A1:B1');
  const infoTitle = info.getRow(1);
  infoTitle.getCell(1).value = '2021年度部门整体支出绩效自评基础信息';
  infoTitle.getCell(1).font = TITLE_FONT;
  infoTitle.commit();
  const infoRows: [string, string | number][] = [
    ['部门名称', '广州市荔湾区应急管理局（基准测试）'],
    ['年度', 2021],
    ['金额单位', '万元'],
    ['执行率目标', TARGET],
    ['说明阈值', EXPLAIN_BELOW],
    ['部门职责', '统筹协调全区安全生产类、自然灾害类突发事件的应急处置，组织指导各方力量开展应急救援。'],
    ['年度工作', '压紧压实安全生产责任，持续开展安全生产检查和执法，扎实做好汛期三防工作。'],
    ['绩效管理情况', '年初设定绩效目标，年中跟踪预算执行进度，年度终了组织开展部门整体支出绩效自评。'],
    ['下属单位', '本级及下属单位'],
  ];
  infoRows.forEach(([label, value], i) => {
    const row = info.getRow(3 + i);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).value = value;
    if (typeof value === 'number' && value < 1) row.getCell(2).numFmt = FMT_PERCENT;
    row.getCell(2).alignment = typeof value === 'string' && value.length > 20 ? WRAP_TOP : { vertical: 'top', horizontal: 'left' };
    row.commit();
  });
  info.commit();

  // --- the projects (computed first: 部门支出 needs their sums) ------------------------------------
  interface Project {
    name: string;
    budget: number;
    adjust: number;
    adjusted: number;
    actual: number;
    purpose: string;
    outcome: string;
    reason: string;
  }
  const projects: Project[] = [];
  let underTarget = 0;
  let missingReasons = 0;
  for (let i = 0; i < rows; i++) {
    const stem = NAME_STEMS[i % NAME_STEMS.length];
    const budget = 100 * Math.round(500 + rnd() * 49500); // 5万 … 500万元
    const adjust = rnd() < 0.7 ? 0 : 100 * Math.round(((rnd() * 0.4 - 0.2) * budget) / 100); // within ±20%
    const adjusted = budget + adjust;
    let rate: number;
    let reasonShare = 0.8;
    if (distribution === 'typical') {
      rate = rnd() < 0.1 ? 0.6 + rnd() * 0.34 : 0.955 + rnd() * 0.045;
    } else {
      // A third below 90% (0.60–0.88), 37% between 90% and the target (0.905–0.945), 30% on target.
      const band = rnd();
      rate = band < 1 / 3 ? 0.6 + rnd() * 0.28 : band < 0.7 ? 0.905 + rnd() * 0.04 : 0.955 + rnd() * 0.045;
      reasonShare = 0.5;
    }
    const actual = round2(adjusted * rate);
    let reason = '';
    if (actual / adjusted < TARGET) {
      underTarget++;
      if (actual / adjusted < EXPLAIN_BELOW) {
        if (rnd() < reasonShare) reason = REASONS[i % REASONS.length];
        else missingReasons++;
      }
    }
    projects.push({
      name: `${stem}（${String(i + 1).padStart(6, '0')}）`,
      budget,
      adjust,
      adjusted,
      actual,
      purpose: `${stem}支出`,
      outcome: OUTCOMES[i % OUTCOMES.length],
      reason,
    });
  }
  const sums = { c: 0, d: 0, e: 0, f: 0 };
  for (const p of projects) {
    sums.c += p.budget;
    sums.d += p.adjust;
    sums.e += p.adjusted;
    sums.f += p.actual;
  }
  sums.f = round2(sums.f);

  // --- 部门支出 (万元) --------------------------------------------------------------------------
  const totals = wb.addWorksheet('部门支出');
  totals.columns = [14, 14, 14, 14, 14, 12].map((width) => ({ width }));
  totals.mergeCells('A1:F1');
  const totalsTitle = totals.getRow(1);
  totalsTitle.getCell(1).value = '2021年度部门整体支出情况表';
  totalsTitle.getCell(1).font = TITLE_FONT;
  totalsTitle.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  totalsTitle.commit();
  const unitRow = totals.getRow(2);
  unitRow.getCell(1).value = '单位：万元';
  unitRow.commit();
  const totalsHeader = totals.getRow(3);
  totalsHeader.values = TOTALS_HEADER;
  styleHeader(totalsHeader, TOTALS_HEADER.length);
  totalsHeader.commit();
  const basic = { budget: round6(sums.c / 10000 / 3), adjust: round6(sums.d / 10000 / 5), actualShare: 0.975 };
  const categories: [string, number, number, number][] = [
    ['基本支出', basic.budget, basic.adjust, round6((basic.budget + basic.adjust) * basic.actualShare)],
    ['项目支出', round6(sums.c / 10000), round6(sums.d / 10000), round6(sums.f / 10000)],
  ];
  const catSums = { b: 0, c: 0, d: 0, e: 0 };
  const totalsRow = (r: number, label: string, b: number, c: number, d: number, e: number, bold: boolean) => {
    const row = totals.getRow(r);
    row.values = [label, b, c, d, e, d === 0 ? '' : e / d];
    for (let col = 1; col <= 6; col++) {
      const cell = row.getCell(col);
      cell.border = BORDER_ALL;
      if (col >= 2 && col <= 5) cell.numFmt = FMT_AMOUNT;
      if (col === 6) cell.numFmt = FMT_RATE;
      if (bold) cell.font = { bold: true };
    }
    row.commit();
  };
  categories.forEach(([label, budget, adjust, actual], i) => {
    const adjusted = round6(budget + adjust);
    catSums.b = round6(catSums.b + budget);
    catSums.c = round6(catSums.c + adjust);
    catSums.d = round6(catSums.d + adjusted);
    catSums.e = round6(catSums.e + actual);
    totalsRow(4 + i, label, budget, adjust, adjusted, actual, false);
  });
  totalsRow(4 + categories.length, '合计', catSums.b, catSums.c, catSums.d, catSums.e, true);
  totals.commit();

  // --- 项目支出 (元) ---------------------------------------------------------------------------
  const ws = wb.addWorksheet('项目支出', { views: [{ state: 'frozen', xSplit: 0, ySplit: 3 }] });
  ws.columns = [6, 32, 14, 14, 14, 14, 10, 28, 40, 24].map((width) => ({ width }));
  ws.mergeCells('A1:J1');
  const title = ws.getRow(1);
  title.getCell(1).value = '2021年度项目支出绩效情况表';
  title.getCell(1).font = TITLE_FONT;
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.commit();
  const unit = ws.getRow(2);
  unit.getCell(1).value = '单位：元';
  unit.commit();
  const header = ws.getRow(3);
  header.values = PROJECT_HEADER;
  header.height = 30;
  styleHeader(header, PROJECT_HEADER.length);
  header.commit();

  const styleBodyRow = (row: ExcelJS.Row) => {
    for (let c = 1; c <= PROJECT_HEADER.length; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER_ALL;
      if (c >= 3 && c <= 6) cell.numFmt = FMT_AMOUNT;
      else if (c === 7) cell.numFmt = FMT_RATE;
      else if (c === 1) cell.alignment = { horizontal: 'center', vertical: 'top' };
      else cell.alignment = WRAP_TOP;
    }
  };
  const first = 4;
  projects.forEach((p, i) => {
    const row = ws.getRow(first + i);
    row.values = [i + 1, p.name, p.budget, p.adjust, p.adjusted, p.actual, p.actual / p.adjusted, p.purpose, p.outcome, p.reason || null];
    styleBodyRow(row);
    row.commit();
  });
  const total = ws.getRow(first + rows);
  total.values = [null, '合计', sums.c, sums.d, sums.e, sums.f, sums.e === 0 ? '' : sums.f / sums.e];
  styleBodyRow(total);
  total.font = { bold: true };
  total.commit();
  const note = ws.getRow(first + rows + 2);
  note.getCell(1).value = '填报说明：金额单位为元；执行率 = 实际支出数 ÷ 调整后预算数。基准测试数据。';
  note.commit();
  const signature = ws.getRow(first + rows + 3);
  signature.getCell(1).value = '制表人：';
  signature.getCell(5).value = '审核人：';
  signature.commit();
  ws.commit();

  if (notesBytes > 0) {
    const notes = wb.addWorksheet('备注');
    const letters = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const text = () => {
      let s = '';
      for (let i = 0; i < 1900; i++) s += letters[Math.floor(rnd() * letters.length)];
      return s;
    };
    for (let r = 1, written = 0; written < notesBytes; r++, written += 2 * 1900) {
      const row = notes.getRow(r);
      row.values = [text(), text()];
      row.commit();
    }
    notes.commit();
  }

  await wb.commit();
  return { file, rows, distribution, underTarget, missingReasons };
}

// --- A workbook of 项目支出绩效自评表 forms (issue 9) --------------------------------------------------

export interface GeneratedForms {
  file: string;
  forms: number;
  /** Forms whose rate is below the 95% target. */
  underTarget: number;
  indicators: number;
}

const FORM_STEMS = ['高标准农田建设', '基层农技推广补助', '动物防疫补助', '农村人居环境整治', '耕地地力保护', '农业产业化发展', '农产品质量安全监管', '乡村道路建设'];

/**
 * `forms` forms, one a sheet, alternating the national and the Sichuan/split-target layouts (scripts/forms-layout.ts,
 * as assets/sample-forms.xlsx), 5–8 indicators each, a tenth under target; every third in 元. No other sheet:
 * the department comes from the forms. Written whole (a few hundred sheets of 30 rows: no streaming needed).
 */
export async function generateFormsWorkbook(file: string, forms: number, seed = 2023): Promise<GeneratedForms> {
  const rnd = random(seed + forms);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'budget-eval bench';
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  let underTarget = 0;
  let indicators = 0;
  for (let i = 0; i < forms; i++) {
    const stem = FORM_STEMS[i % FORM_STEMS.length];
    const yuan = i % 3 === 2;
    const scale = yuan ? 10000 : 1;
    const initial = Math.round(20 + rnd() * 480);
    const adjusted = initial + (rnd() < 0.6 ? 0 : Math.round(initial * (rnd() * 0.2 - 0.1)));
    const rate = rnd() < 0.1 ? 0.7 + rnd() * 0.24 : 0.955 + rnd() * 0.045;
    if (rate < 0.95) underTarget++;
    const actual = Math.round(adjusted * rate * 100) / 100;
    const out: FormIndicator[] = [];
    const counts: Array<[FormIndicator['level1'], number, string[]]> = [
      ['产出指标', 50, ['数量指标', '质量指标', '时效指标', '成本指标']],
      ['效益指标', 30, ['社会效益指标', '经济效益指标']],
      ['满意度指标', 10, ['服务对象满意度指标']],
    ];
    for (const [level1, points, level2s] of counts) {
      const n = level1 === '产出指标' ? 2 + Math.floor(rnd() * 3) : level1 === '效益指标' ? 1 + Math.floor(rnd() * 2) : 1;
      const each = points / n;
      for (let k = 0; k < n; k++) {
        const target = 50 + Math.round(rnd() * 950);
        // Most met (within 1.3 × the target), one in eight missed by up to a fifth.
        const missed = rnd() < 0.125;
        const achieved = Math.round(target * (missed ? 0.8 + rnd() * 0.19 : 1 + rnd() * 0.3));
        const percent = level1 === '满意度指标' || level2s[k % level2s.length] === '质量指标';
        const score = Math.round(each * Math.min(1, achieved / target) * 100) / 100;
        out.push(
          percent
            ? { level1, level2: level2s[k % level2s.length], name: `${level2s[k % level2s.length].replace('指标', '')}${k + 1}`, op: '≥', value: 90, unit: '%', actual: missed ? 0.85 : 0.95, points: each, score: missed ? Math.round(each * (85 / 90) * 100) / 100 : each, reason: missed ? '样本中有部分对象未达标，已督促整改' : undefined }
            : { level1, level2: level2s[k % level2s.length], name: `${stem}${level2s[k % level2s.length].replace('指标', '')}${k + 1}`, op: '≥', value: target, unit: '个', actual: achieved, points: each, score, reason: missed ? '部分任务延至次年实施' : undefined },
        );
      }
    }
    indicators += out.length;
    const spec: FormSpec = {
      sheet: `表${String(i + 1).padStart(3, '0')}`,
      year: 2023,
      project: `${stem}项目（${String(i + 1).padStart(3, '0')}）`,
      department: '示例县农业农村局（基准测试）',
      unitName: `示例县${stem}中心`,
      moneyUnit: yuan ? '元' : '万元',
      parts: [[initial * scale, adjusted * scale, Math.round(actual * scale * 100) / 100]],
      purpose: `完成${stem}年度任务。`,
      outcome: `${stem}年度任务基本完成，执行率 ${(rate * 100).toFixed(2)}%。`,
      reason: rate < 0.95 ? REASONS[i % REASONS.length] : undefined,
      indicators: out,
      conclusion: '良',
      problems: '无',
      improvements: '无',
    };
    (i % 2 === 0 ? addNationalForm : addSplitForm)(wb, spec);
  }
  await wb.xlsx.writeFile(file);
  return { file, forms, underTarget, indicators };
}
