/**
 * Generates the workbooks shipped in assets/:
 *
 *   assets/sample-2021.xlsx  — the seed department's fiscal-2021 figures (illustrative split), with illustrative
 *                              绩效指标 rows for its seven projects
 *   assets/template.xlsx     — the blank template with the same sheets and layout, plus 评分设置
 *                              (the default scoring profile, editable)
 *   assets/sample-forms.xlsx — 项目支出绩效自评表 forms only (national and Sichuan/split-target layouts),
 *                              an illustrative department; scripts/forms-layout.ts writes the forms
 *
 * Run with `npm run samples`. test/samples.test.ts rebuilds both workbooks in memory and
 * checks that the committed files still hold the same contents.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { addNationalForm, addSplitForm, type FormSpec } from './forms-layout';

export const ASSETS_DIR = path.join(__dirname, '..', 'assets');
export const SAMPLE_PATH = path.join(ASSETS_DIR, 'sample-2021.xlsx');
export const TEMPLATE_PATH = path.join(ASSETS_DIR, 'template.xlsx');
export const FORMS_PATH = path.join(ASSETS_DIR, 'sample-forms.xlsx');

/** Fixed so that regenerating the files gives the same document properties. */
const FIXED_DATE = new Date(Date.UTC(2022, 0, 1, 0, 0, 0));

const FMT_AMOUNT = '#,##0.00';
const FMT_RATE = '0.00%';
const FMT_PERCENT = '0%';

const RATE_ERR_BLANK = '""';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER_ALL: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };

type Kind = 'sample' | 'template';

/** Rounds to 6 decimals so stored sums carry no float noise (2222.3700000000003 → 2222.37). */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function formula(f: string, result: number | string): ExcelJS.CellFormulaValue {
  return { formula: f, result };
}

/** `IFERROR(num/den,"")` with its cached result ("" when the denominator is 0). */
function rateFormula(numAddr: string, denAddr: string, num: number, den: number): ExcelJS.CellFormulaValue {
  return formula(`IFERROR(${numAddr}/${denAddr},${RATE_ERR_BLANK})`, den === 0 ? '' : num / den);
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'budget-eval';
  wb.lastModifiedBy = 'budget-eval';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function setWidths(ws: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

function styleHeaderRow(ws: ExcelJS.Worksheet, rowNo: number, lastCol: number): void {
  const row = ws.getRow(rowNo);
  for (let c = 1; c <= lastCol; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
}

function borderBox(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, lastCol: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 1; c <= lastCol; c++) {
      ws.getCell(r, c).border = BORDER_ALL;
    }
  }
}

function title(ws: ExcelJS.Worksheet, range: string, text: string, center: boolean): void {
  ws.mergeCells(range);
  const cell = ws.getCell('A1');
  cell.value = text;
  cell.font = TITLE_FONT;
  cell.alignment = center ? { horizontal: 'center', vertical: 'middle' } : { vertical: 'middle' };
}

// ---------------------------------------------------------------------------------------------
// Sheet 部门信息
// ---------------------------------------------------------------------------------------------

const INFO_LABELS = [
  '部门名称',
  '年度',
  '金额单位',
  '执行率目标',
  '说明阈值',
  '部门职责',
  '年度工作',
  '绩效管理情况',
  '下属单位',
] as const;
type InfoLabel = (typeof INFO_LABELS)[number];

const INFO_FIRST_ROW = 3;
/** Labels whose values are long text and get wrap text. */
const INFO_LONG: ReadonlySet<InfoLabel> = new Set<InfoLabel>(['部门职责', '年度工作', '绩效管理情况', '下属单位']);
const INFO_PERCENT: ReadonlySet<InfoLabel> = new Set<InfoLabel>(['执行率目标', '说明阈值']);

const SAMPLE_INFO: Record<InfoLabel, string | number> = {
  部门名称: '广州市荔湾区应急管理局',
  年度: 2021,
  金额单位: '万元',
  执行率目标: 0.95,
  说明阈值: 0.9,
  部门职责:
    '统筹协调全区安全生产类、自然灾害类突发事件的应急处置，组织指导各方力量开展应急救援。' +
    '依法对全区工贸等行业领域的安全生产实施综合监督管理，督促生产经营单位落实安全生产主体责任。' +
    '牵头建设全区应急预案体系，组织编制区总体应急预案和专项预案，并指导开展应急演练。' +
    '承担区三防（防汛、防旱、防风）日常工作，组织开展自然灾害救助和应急物资储备管理，负责安全生产宣传教育和培训。',
  年度工作:
    '压紧压实安全生产责任，逐级签订责任书，推动属地、行业部门和生产经营单位各负其责。' +
    '持续开展安全生产检查和执法，聚焦危险化学品等重点领域开展专项整治，依法查处违法违规行为。' +
    '严格落实领导带班和24小时值班值守制度，确保突发事件信息及时报送、应急指挥顺畅高效。' +
    '扎实做好汛期三防工作，按要求推进第一次全国自然灾害综合风险普查。' +
    '广泛开展安全生产宣传和培训，提升全社会的安全意识和自救互救能力。',
  绩效管理情况:
    '年初结合部门职责和年度任务，为部门预算及各项目设定了绩效目标。' +
    '年度执行中定期跟踪预算执行进度和绩效目标完成情况，发现偏差及时纠正。' +
    '年度终了按要求组织开展部门整体支出绩效自评，形成本报告。',
  下属单位: '广州市荔湾区应急管理局本级、广州市荔湾区安全生产宣传教育中心、广州市荔湾区委区政府总值班室',
};

/** Defaults pre-filled in the template; everything else is left empty. */
const TEMPLATE_INFO: Partial<Record<InfoLabel, string | number>> = {
  金额单位: '万元',
  执行率目标: 0.95,
  说明阈值: 0.9,
};

const SAMPLE_NOTE =
  '本示例的金额与执行率取自该局2021年度部门整体支出绩效自评报告；' +
  '各项目年初预算与调整数的拆分、基本支出与项目支出的拆分为示意数据，原报告未公开。' +
  '「绩效指标」表的指标、目标值、完成值和得分均为示意数据，仅作演示。';

const TEMPLATE_INSTRUCTIONS = [
  '1. 在本表填写部门名称、年度、金额单位等基础信息，以及部门职责、年度工作、绩效管理情况和下属单位。',
  '2. 在「部门支出」表填写基本支出、项目支出、合计三行的年初预算数、预算调整数和实际支出数。',
  '3. 在「项目支出」表每个项目填写一行，行数不够可插入行。',
  '4. 金额单位以各表上方的“单位：元”或“单位：万元”为准，如与实际不符请直接修改该行。',
  '5. 调整后预算数和执行率可保留公式或留空，加载项会重新计算；名称为“合计”或“小计”的行视为合计行。',
  '6. 执行率低于说明阈值（默认90%）的项目，请在“偏差原因”栏写明原因。',
  '7. 在「绩效指标」表每个绩效指标填写一行，项目名称与「项目支出」表一致；未完成的指标请写明偏差原因。',
  '8. 填写完成后点击“生成自评报告”（或运行 npx budget-eval 文件.xlsx）。',
];

function buildInfoSheet(wb: ExcelJS.Workbook, kind: Kind, year: string): void {
  const ws = wb.addWorksheet('部门信息');
  setWidths(ws, [14, 90]);
  title(ws, 'A1:B1', `${year}年度部门整体支出绩效自评基础信息`, false);

  const values: Partial<Record<InfoLabel, string | number>> = kind === 'sample' ? SAMPLE_INFO : TEMPLATE_INFO;
  INFO_LABELS.forEach((label, i) => {
    const row = ws.getRow(INFO_FIRST_ROW + i);
    const labelCell = row.getCell(1);
    labelCell.value = label;
    labelCell.font = { bold: true };
    labelCell.alignment = { vertical: 'top' };
    const valueCell = row.getCell(2);
    const v = values[label];
    if (v !== undefined) valueCell.value = v;
    if (INFO_PERCENT.has(label)) valueCell.numFmt = FMT_PERCENT;
    valueCell.alignment = INFO_LONG.has(label) ? { vertical: 'top', wrapText: true } : { vertical: 'top', horizontal: 'left' };
  });

  const afterLabels = INFO_FIRST_ROW + INFO_LABELS.length; // first row after the labels (12), left blank
  if (kind === 'sample') {
    const row = ws.getRow(afterLabels + 1); // row 13
    row.getCell(1).value = '说明';
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).value = SAMPLE_NOTE;
    row.getCell(2).alignment = { vertical: 'top', wrapText: true };
  } else {
    let r = afterLabels + 1; // row 13
    ws.mergeCells(r, 1, r, 2);
    const head = ws.getCell(r, 1);
    head.value = '填写说明';
    head.font = { bold: true };
    for (const line of TEMPLATE_INSTRUCTIONS) {
      r++;
      ws.mergeCells(r, 1, r, 2);
      const cell = ws.getCell(r, 1);
      cell.value = line;
      cell.alignment = { vertical: 'top', wrapText: true };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet 部门支出 (万元)
// ---------------------------------------------------------------------------------------------

const TOTALS_HEADER = ['支出类别', '年初预算数', '预算调整数', '调整后预算数', '实际支出数', '执行率'];

/** [年初预算数, 预算调整数, 实际支出数] in 万元. */
const SAMPLE_TOTALS: Array<[string, number, number, number]> = [
  ['基本支出', 1602.685, 22.31, 1563.03],
  ['项目支出', 619.685, 25.72, 627.46],
];

function buildTotalsSheet(wb: ExcelJS.Workbook, kind: Kind, year: string): void {
  const ws = wb.addWorksheet('部门支出');
  setWidths(ws, [14, 14, 14, 14, 14, 12]);
  title(ws, 'A1:F1', `${year}年度部门整体支出情况表`, true);
  ws.getCell('A2').value = '单位：万元';

  ws.getRow(3).values = TOTALS_HEADER;
  styleHeaderRow(ws, 3, TOTALS_HEADER.length);

  const first = 4;
  const sums = { b: 0, c: 0, d: 0, e: 0 };
  SAMPLE_TOTALS.forEach(([name, budget, adjust, actual], i) => {
    const r = first + i;
    const row = ws.getRow(r);
    row.getCell(1).value = name;
    let adjusted = 0;
    if (kind === 'sample') {
      adjusted = round6(budget + adjust);
      row.getCell(2).value = budget;
      row.getCell(3).value = adjust;
      row.getCell(5).value = actual;
      sums.b = round6(sums.b + budget);
      sums.c = round6(sums.c + adjust);
      sums.d = round6(sums.d + adjusted);
      sums.e = round6(sums.e + actual);
    }
    row.getCell(4).value = formula(`B${r}+C${r}`, adjusted);
    row.getCell(6).value = rateFormula(`E${r}`, `D${r}`, kind === 'sample' ? actual : 0, adjusted);
  });

  const last = first + SAMPLE_TOTALS.length - 1; // 5
  const total = last + 1; // 6
  const totalRow = ws.getRow(total);
  totalRow.getCell(1).value = '合计';
  totalRow.getCell(2).value = formula(`SUM(B${first}:B${last})`, sums.b);
  totalRow.getCell(3).value = formula(`SUM(C${first}:C${last})`, sums.c);
  totalRow.getCell(4).value = formula(`SUM(D${first}:D${last})`, sums.d);
  totalRow.getCell(5).value = formula(`SUM(E${first}:E${last})`, sums.e);
  totalRow.getCell(6).value = rateFormula(`E${total}`, `D${total}`, sums.e, sums.d);
  totalRow.font = { bold: true };

  for (let r = first; r <= total; r++) {
    for (let c = 2; c <= 5; c++) ws.getCell(r, c).numFmt = FMT_AMOUNT;
    ws.getCell(r, 6).numFmt = FMT_RATE;
  }
  borderBox(ws, 3, total, TOTALS_HEADER.length);
}

// ---------------------------------------------------------------------------------------------
// Sheet 项目支出 (元 in the sample, 万元 in the template)
// ---------------------------------------------------------------------------------------------

const PROJECT_HEADER = [
  '序号',
  '项目名称',
  '年初预算数',
  '预算调整数',
  '调整后预算数',
  '实际支出数',
  '执行率',
  '资金用途',
  '绩效目标完成情况',
  '偏差原因',
];

interface Project {
  name: string;
  budget: number;
  adjust: number;
  actual: number;
  purpose: string;
  outcome: string;
}

/** Amounts in 元 (万元 × 10000). 偏差原因 deliberately empty so the report prompts for one. */
const SAMPLE_PROJECTS: Project[] = [
  {
    name: '应急管理工作经费',
    budget: 1800000,
    adjust: 102700,
    actual: 1902700,
    purpose: '应急管理工作经费支出',
    outcome: '保障了局机关应急管理各项日常工作的开展，全区应急管理体系运转顺畅。',
  },
  {
    name: '三防抢险工作经费',
    budget: 2300000,
    adjust: 78800,
    actual: 2240600,
    purpose: '三防抢险工作经费支出',
    outcome: '缩短了从预警发布到应急响应的时间差，汛期组织开展了三防值班值守督导检查。',
  },
  {
    name: '专职安监员人员经费',
    budget: 1260000,
    adjust: 0,
    actual: 1260000,
    purpose: '专职安监员工资、社保、公积金等人员经费支出',
    outcome: '按每人每年7万元的标准落实专职安监员人员经费，安监员队伍保持稳定。',
  },
  {
    name: '自然灾害综合风险普查工作经费',
    budget: 300000,
    adjust: 87500,
    actual: 385000,
    purpose: '普查工作经费支出',
    outcome: '完成了风险普查所需的致灾因子和承灾体（隐患与暴露度）数据调查采集。',
  },
  {
    name: '应急指挥救援工作经费（人员经费）',
    budget: 140000,
    adjust: 0,
    actual: 140000,
    purpose: '总值班室人员工资、社保、公积金等人员经费支出',
    outcome: '保障了值守人员经费，全年落实24小时值班值守。',
  },
  {
    name: '总值班室工作经费',
    budget: 180000,
    adjust: -11800,
    actual: 154800,
    purpose: '总值班室工作经费支出',
    outcome: '突发事件信息报送及时准确，值班值守工作获得市有关部门通报表扬。',
  },
  {
    name: '安全生产宣传教育中心工作经费',
    budget: 216850,
    adjust: 0,
    actual: 191500,
    purpose: '安全生产宣传教育中心工作经费支出',
    outcome: '全年举办安全生产培训59场，发放各类安全宣传资料，提升了群众的安全意识。',
  },
];

const TEMPLATE_PROJECT_ROWS = 20;

function buildProjectSheet(wb: ExcelJS.Workbook, kind: Kind, year: string): void {
  const ws = wb.addWorksheet('项目支出', { views: [{ state: 'frozen', xSplit: 0, ySplit: 3 }] });
  setWidths(ws, [6, 32, 14, 14, 14, 14, 10, 28, 40, 24]);
  title(ws, 'A1:J1', `${year}年度项目支出绩效情况表`, true);
  ws.getCell('A2').value = kind === 'sample' ? '单位：元' : '单位：万元';

  ws.getRow(3).values = PROJECT_HEADER;
  styleHeaderRow(ws, 3, PROJECT_HEADER.length);
  ws.getRow(3).height = 30;

  const first = 4;
  const count = kind === 'sample' ? SAMPLE_PROJECTS.length : TEMPLATE_PROJECT_ROWS;
  const sums = { c: 0, d: 0, e: 0, f: 0 };
  for (let i = 0; i < count; i++) {
    const r = first + i;
    const row = ws.getRow(r);
    row.getCell(1).value = i + 1;
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
    const p = kind === 'sample' ? SAMPLE_PROJECTS[i] : undefined;
    const adjusted = p ? round6(p.budget + p.adjust) : 0;
    if (p) {
      row.getCell(2).value = p.name;
      row.getCell(3).value = p.budget;
      row.getCell(4).value = p.adjust;
      row.getCell(6).value = p.actual;
      row.getCell(8).value = p.purpose;
      row.getCell(9).value = p.outcome;
      sums.c = round6(sums.c + p.budget);
      sums.d = round6(sums.d + p.adjust);
      sums.e = round6(sums.e + adjusted);
      sums.f = round6(sums.f + p.actual);
    }
    row.getCell(5).value = formula(`C${r}+D${r}`, adjusted);
    row.getCell(7).value = rateFormula(`F${r}`, `E${r}`, p ? p.actual : 0, adjusted);
  }

  const last = first + count - 1;
  const total = last + 1;
  const totalRow = ws.getRow(total);
  totalRow.getCell(2).value = '合计';
  totalRow.getCell(3).value = formula(`SUM(C${first}:C${last})`, sums.c);
  totalRow.getCell(4).value = formula(`SUM(D${first}:D${last})`, sums.d);
  totalRow.getCell(5).value = formula(`SUM(E${first}:E${last})`, sums.e);
  totalRow.getCell(6).value = formula(`SUM(F${first}:F${last})`, sums.f);
  totalRow.getCell(7).value = rateFormula(`F${total}`, `E${total}`, sums.f, sums.e);
  totalRow.font = { bold: true };

  for (let r = first; r <= total; r++) {
    for (let c = 3; c <= 6; c++) ws.getCell(r, c).numFmt = FMT_AMOUNT;
    ws.getCell(r, 7).numFmt = FMT_RATE;
    for (const c of [2, 8, 9, 10]) ws.getCell(r, c).alignment = { vertical: 'top', wrapText: true };
  }
  borderBox(ws, 3, total, PROJECT_HEADER.length);

  // Footer: one blank row, then the note and the signature line.
  const note = total + 2;
  ws.getCell(note, 1).value =
    kind === 'sample'
      ? '填报说明：金额单位为元；执行率 = 实际支出数 ÷ 调整后预算数。示例数据仅作演示。'
      : '填报说明：金额单位见表格上方“单位：”一行；执行率 = 实际支出数 ÷ 调整后预算数。';
  ws.getCell(note + 1, 1).value = '制表人：';
  ws.getCell(note + 1, 5).value = '审核人：';
}

// ---------------------------------------------------------------------------------------------
// Sheet 绩效指标 (issue 9): one indicator a row, joined to 项目支出 by 项目名称; split targets
// (指标性质 | 指标值 | 度量单位) as the split-target forms write them
// ---------------------------------------------------------------------------------------------

export const INDICATOR_HEADER = ['项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '分值', '得分', '偏差原因'];
const INDICATOR_OPERATORS = '"≥,≤,=,＞,＜,定性"';
const TEMPLATE_INDICATOR_ROWS = 60;

/**
 * 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 | 偏差原因. A number actual under `%` is a
 * fraction shown with a percent format, as Excel stores a typed 97%. Illustrative: the seed report gives no
 * indicators. Points are the default split (产出 50, 效益 30, 满意度 10; 预算执行率 10 comes from the money), and
 * every 得分 is what the published rule gives at 2 decimals (qualitative ones inside their band), so the
 * sample shows the indicators without raising a scoring finding; the two missed ones carry their reasons.
 */
export type IndicatorLine = [string, string, string, string, string | number, string, string | number, number, number, string?];

const OUT = '产出指标';
const EFF = '效益指标';
const SAT = '满意度指标';
const SOCIAL = '社会效益指标';
const SERVED = '服务对象满意度指标';

export const SAMPLE_INDICATORS: Record<string, IndicatorLine[]> = {
  应急管理工作经费: [
    [OUT, '数量指标', '开展安全生产检查次数', '≥', 200, '次', 215, 20, 20],
    [OUT, '质量指标', '检查发现隐患整改率', '≥', 95, '%', 0.97, 15, 15],
    [OUT, '时效指标', '年度工作任务按时完成率', '=', 100, '%', 1, 15, 15],
    [EFF, SOCIAL, '应急管理体系运转情况', '定性', '运转顺畅', '', '达到预期', 30, 28],
    [SAT, SERVED, '辖区企业满意度', '≥', 90, '%', 0.93, 10, 10],
  ],
  三防抢险工作经费: [
    [OUT, '数量指标', '三防值班值守督导检查次数', '≥', 12, '次', 12, 20, 20],
    [OUT, '质量指标', '抢险物资完好率', '≥', 95, '%', 0.98, 15, 15],
    [OUT, '时效指标', '预警信息发布及时率', '=', 100, '%', 1, 15, 15],
    [EFF, SOCIAL, '汛期因灾死亡人数', '≤', 0, '人', 0, 30, 30],
    [SAT, SERVED, '群众满意度', '≥', 90, '%', 0.92, 10, 10],
  ],
  专职安监员人员经费: [
    [OUT, '数量指标', '专职安监员人数', '=', 18, '人', 18, 20, 20],
    [OUT, '成本指标', '人均经费标准', '≤', 7, '万元', 7, 15, 15],
    [OUT, '时效指标', '经费按月发放率', '=', 100, '%', 1, 15, 15],
    [EFF, SOCIAL, '安监员队伍稳定性', '定性', '保持稳定', '', '达成', 30, 27],
    [SAT, SERVED, '安监员满意度', '≥', 85, '%', 0.9, 10, 10],
  ],
  自然灾害综合风险普查工作经费: [
    [OUT, '数量指标', '完成普查调查任务数', '≥', 6, '项', 6, 20, 20],
    [OUT, '质量指标', '普查数据质检合格率', '≥', 95, '%', 0.96, 15, 15],
    [OUT, '时效指标', '数据采集完成时间', '定性', '2021年12月底前完成', '', '按时完成', 15, 15],
    [EFF, SOCIAL, '为防灾减灾提供数据支撑', '定性', '效果明显', '', '效果明显', 30, 28],
    [SAT, SERVED, '相关部门满意度', '≥', 90, '%', 0.95, 10, 10],
  ],
  '应急指挥救援工作经费（人员经费）': [
    [OUT, '数量指标', '保障值守人员数', '=', 2, '人', 2, 20, 20],
    [OUT, '质量指标', '值班值守到岗率', '=', 100, '%', 1, 15, 15],
    [OUT, '时效指标', '工资按时发放率', '=', 100, '%', 1, 15, 15],
    [EFF, SOCIAL, '24小时值班值守落实情况', '定性', '全年落实', '', '完成', 30, 27],
    [SAT, SERVED, '值守人员满意度', '≥', 90, '%', 0.95, 10, 10],
  ],
  总值班室工作经费: [
    [OUT, '数量指标', '突发事件信息报送数', '≥', 100, '条', 126, 20, 20],
    [OUT, '质量指标', '信息报送准确率', '≥', 98, '%', 0.99, 15, 15],
    [OUT, '时效指标', '信息报送及时率', '≥', 95, '%', 0.93, 15, 14.68, '个别夜间突发事件首报超过规定时限，已完善夜间值班交接流程'],
    [EFF, SOCIAL, '应急指挥调度情况', '定性', '调度顺畅', '', '达到预期', 30, 27],
    [SAT, SERVED, '市有关部门满意度', '≥', 90, '%', 0.91, 10, 10],
  ],
  安全生产宣传教育中心工作经费: [
    [OUT, '数量指标', '举办安全生产培训场次', '≥', 60, '场', 59, 20, 19.67, '部分培训因疫情防控要求取消'],
    [OUT, '数量指标', '发放安全宣传资料份数', '≥', 10000, '份', 12000, 15, 15],
    [OUT, '时效指标', '宣传活动按时开展率', '≥', 95, '%', 1, 15, 15],
    [EFF, SOCIAL, '群众安全意识', '定性', '明显提升', '', '效果明显', 30, 27],
    [SAT, SERVED, '培训对象满意度', '≥', 90, '%', 0.94, 10, 10],
  ],
};

function buildIndicatorSheet(wb: ExcelJS.Workbook, kind: Kind, year: string): void {
  const ws = wb.addWorksheet('绩效指标', { views: [{ state: 'frozen', xSplit: 0, ySplit: 3 }] });
  setWidths(ws, [30, 12, 16, 26, 9, 16, 9, 14, 8, 8, 36]);
  title(ws, 'A1:K1', `${year}年度项目绩效指标表`, true);
  ws.mergeCells('A2:K2');
  ws.getCell('A2').value =
    kind === 'sample'
      ? '示例数据：本表的指标、目标值、完成值和得分均为示意，仅作演示。'
      : '每个指标一行，项目名称与「项目支出」表一致。定量指标填指标性质（≥ ≤ = ＞ ＜）、指标值和度量单位；定性指标的指标性质填“定性”，指标值写目标（如“效果明显”）。';
  ws.getCell('A2').alignment = { vertical: 'top', wrapText: true };
  ws.getRow(2).height = 30;
  ws.getRow(3).values = INDICATOR_HEADER;
  styleHeaderRow(ws, 3, INDICATOR_HEADER.length);

  const lines: Array<[string, IndicatorLine | null]> =
    kind === 'sample'
      ? SAMPLE_PROJECTS.flatMap((p) => (SAMPLE_INDICATORS[p.name] ?? []).map((line): [string, IndicatorLine] => [p.name, line]))
      : Array.from({ length: TEMPLATE_INDICATOR_ROWS }, (): [string, null] => ['', null]);
  const first = 4;
  lines.forEach(([project, line], i) => {
    const r = first + i;
    const row = ws.getRow(r);
    if (line) {
      const [level1, level2, name, op, value, unit, actual, points, score, reason] = line;
      // No empty strings: a blank cell is blank (Excel and the file read '' differently).
      row.values = [project, level1, level2, name, op, value, unit || null, actual, points, score, reason ?? null];
      // A percent typed as 97% is stored as 0.97 with a percent format: the reader sees it as shown.
      if (unit === '%' && typeof actual === 'number') row.getCell(8).numFmt = FMT_PERCENT;
    }
    row.getCell(5).dataValidation = { type: 'list', allowBlank: true, formulae: [INDICATOR_OPERATORS] };
    for (const c of [1, 4, 11]) row.getCell(c).alignment = { vertical: 'top', wrapText: true };
    for (const c of [5, 6, 7, 8, 9, 10]) row.getCell(c).alignment = { vertical: 'top', horizontal: 'center' };
  });
  borderBox(ws, 3, first + lines.length - 1, INDICATOR_HEADER.length);
}

// ---------------------------------------------------------------------------------------------
// Sheet 评分设置 (template only: the sample keeps the default scoring by not having it)
// ---------------------------------------------------------------------------------------------

const SCORE_HEADER = ['指标', '分值', '类型', '得分', '评分标准'];
const SCORE_KINDS = '"预算完成率,预算调整率,项目达标率,人工评分"';

/** The default profile (src/core/score/profile.ts) as the clerk sees it. */
const SCORE_ROWS: Array<[string, number, string, string]> = [
  ['预算完成率', 20, '预算完成率', '部门整体预算完成率 100% 得满分，每低 5 个百分点扣 2 分，扣完为止（自动计算；扣分档次见下方评分参数）'],
  ['预算调整率', 10, '预算调整率', '调整率绝对值为 0 得 100%，≤10% 得 75%，≤20% 得 50%，≤30% 得 25%，>30% 不得分（自动计算；各档见下方评分参数）'],
  ['项目执行达标率', 20, '项目达标率', '执行率达到目标的项目占比 × 分值（自动计算）'],
  ['预算编制科学性', 10, '人工评分', '人工评分：在“得分”栏填写'],
  ['绩效目标合理性', 10, '人工评分', '人工评分：在“得分”栏填写'],
  ['预算管理制度健全性', 10, '人工评分', '人工评分：在“得分”栏填写'],
  ['资金使用合规性', 10, '人工评分', '人工评分：在“得分”栏填写'],
  ['预决算信息公开', 10, '人工评分', '人工评分：在“得分”栏填写'],
];
const SCORE_SPARE_ROWS = 6;

/**
 * The 评分参数 table below the indicators: the bands of the default profile, with the labels the parser knows
 * (src/core/parse/scoreSheet.ts PARAM_LABELS). Percent cells hold fractions shown as percents.
 */
const PARAM_HEADER = ['评分参数', '值', '说明'];
const PARAM_ROWS: Array<[string, number, 'plain' | 'percent', string]> = [
  ['预算完成率每低（个百分点）', 5, 'plain', '预算完成率低于 100% 时，每低满这么多个百分点扣一档：填 5 时，95.00% 扣一档，94.99% 仍扣一档，90.00% 扣两档（可填 5、5% 或 0.05）'],
  ['预算完成率每档扣分比例', 0.1, 'percent', '每扣一档扣去该指标分值的比例：10% × 20 分 = 每档扣 2 分，扣完为止'],
  ['预算调整率为 0 时得分比例', 1, 'percent', '预算调整率（绝对值，下同）为 0 时得该指标分值的比例'],
  ['预算调整率第1档上限', 0.1, 'percent', '调整率不超过此值时按第1档得分'],
  ['预算调整率第1档得分比例', 0.75, 'percent', '第1档得该指标分值的比例：75% × 10 分 = 7.5 分'],
  ['预算调整率第2档上限', 0.2, 'percent', '高于第1档上限、不超过此值时按第2档得分；各档上限须逐档增大'],
  ['预算调整率第2档得分比例', 0.5, 'percent', '第2档得该指标分值的比例；各档比例不应高于上一档'],
  ['预算调整率第3档上限', 0.3, 'percent', '高于第2档上限、不超过此值时按第3档得分；超过最后一档上限不得分'],
  ['预算调整率第3档得分比例', 0.25, 'percent', '第3档得该指标分值的比例（要增加一档，照此添加“第4档上限”“第4档得分比例”两行）'],
  ['等级“优”最低分', 90, 'plain', '总分（百分制）不低于此分为“优”'],
  ['等级“良”最低分', 80, 'plain', '总分不低于此分、低于“优”的分数线为“良”'],
  ['等级“中”最低分', 60, 'plain', '总分不低于此分、低于“良”的分数线为“中”；再低为“差”'],
];

function buildScoreSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('评分设置');
  setWidths(ws, [28, 8, 14, 8, 70]);
  title(ws, 'A1:E1', '自评评分设置', false);
  ws.mergeCells('A2:E2');
  const help = ws.getCell('A2');
  help.value =
    '每行一个指标。类型为预算完成率、预算调整率、项目达标率的指标由加载项按数据计分；类型为人工评分的指标请在“得分”栏填写得分（留空为待评分）。' +
    '可按本地评分表修改指标名称和分值、增删指标；扣分档次和等级分数线在下方“评分参数”表修改（删去的行按默认值）。';
  help.alignment = { vertical: 'top', wrapText: true };
  ws.getRow(2).height = 48;
  ws.getRow(3).values = SCORE_HEADER;
  styleHeaderRow(ws, 3, SCORE_HEADER.length);
  const first = 4;
  const last = first + SCORE_ROWS.length + SCORE_SPARE_ROWS - 1;
  SCORE_ROWS.forEach(([name, points, kind, rule], i) => {
    const row = ws.getRow(first + i);
    row.getCell(1).value = name;
    row.getCell(2).value = points;
    row.getCell(3).value = kind;
    row.getCell(5).value = rule;
  });
  for (let r = first; r <= last; r++) {
    ws.getCell(r, 3).dataValidation = { type: 'list', allowBlank: true, formulae: [SCORE_KINDS] };
    ws.getCell(r, 5).alignment = { vertical: 'top', wrapText: true };
  }
  borderBox(ws, 3, last, SCORE_HEADER.length);

  // One blank row, then the 评分参数 table: 评分参数 | 值 | 说明 (说明 merged over C:E).
  const paramHeader = last + 2;
  ws.getRow(paramHeader).values = PARAM_HEADER;
  ws.mergeCells(paramHeader, 3, paramHeader, SCORE_HEADER.length);
  styleHeaderRow(ws, paramHeader, SCORE_HEADER.length);
  PARAM_ROWS.forEach(([label, value, form, note], i) => {
    const r = paramHeader + 1 + i;
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 2).value = value;
    if (form === 'percent') ws.getCell(r, 2).numFmt = FMT_PERCENT;
    ws.mergeCells(r, 3, r, SCORE_HEADER.length);
    ws.getCell(r, 3).value = note;
    ws.getCell(r, 1).alignment = { vertical: 'top', wrapText: true };
    ws.getCell(r, 3).alignment = { vertical: 'top', wrapText: true };
    // Excel does not grow a merged cell's row for wrapped text: about 44 CJK characters fit on a line of C:E.
    const lines = Math.ceil(note.length / 44);
    if (lines > 1) ws.getRow(r).height = 15 * lines + 2;
  });
  borderBox(ws, paramHeader, paramHeader + PARAM_ROWS.length, SCORE_HEADER.length);
}

// ---------------------------------------------------------------------------------------------

export async function buildSample(): Promise<ExcelJS.Workbook> {
  const wb = newWorkbook();
  buildInfoSheet(wb, 'sample', '2021');
  buildTotalsSheet(wb, 'sample', '2021');
  buildProjectSheet(wb, 'sample', '2021');
  buildIndicatorSheet(wb, 'sample', '2021');
  return wb;
}

export async function buildTemplate(): Promise<ExcelJS.Workbook> {
  const wb = newWorkbook();
  buildInfoSheet(wb, 'template', '');
  buildTotalsSheet(wb, 'template', '');
  buildProjectSheet(wb, 'template', '');
  buildIndicatorSheet(wb, 'template', '');
  buildScoreSheet(wb);
  return wb;
}

// ---------------------------------------------------------------------------------------------
// assets/sample-forms.xlsx: four forms of one (invented) department, no other sheet. Its name and year come
// from the forms' 主管部门 and titles, its units from 实施单位. Illustrative figures, said under each form.
// ---------------------------------------------------------------------------------------------

const FORMS_DEPARTMENT = '示例县农业农村局';
const FORMS_NOTE = '说明：本表为示例，项目、金额、指标和得分均为示意数据，仅作演示。';

export const SAMPLE_FORMS: Array<{ layout: 'national' | 'split'; spec: FormSpec }> = [
  {
    layout: 'national',
    spec: {
      sheet: '高标准农田',
      year: 2023,
      project: '高标准农田建设项目',
      department: FORMS_DEPARTMENT,
      unitName: '示例县农业农村局（本级）',
      moneyUnit: '万元',
      parts: [
        [480, 500, 492],
        [0, 20, 16],
        [0, 0, 0],
      ],
      purpose: '新建高标准农田 2000 亩，配套灌排、田间道路等设施，提升粮食综合生产能力。',
      outcome: '新建高标准农田 2050 亩，工程全部通过验收，亩均粮食产能提高 52 公斤。',
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '新建高标准农田面积', op: '≥', value: 2000, unit: '亩', actual: 2050, points: 20, score: 20 },
        { level1: '产出指标', level2: '质量指标', name: '工程验收合格率', op: '=', value: 100, unit: '%', actual: 1, points: 15, score: 15 },
        { level1: '产出指标', level2: '时效指标', name: '项目完工时间', op: '', value: '2023年11月底前', unit: '', actual: '按时完成', points: 15, score: 15 },
        { level1: '效益指标', level2: '经济效益指标', name: '亩均粮食产能提高', op: '≥', value: 50, unit: '公斤', actual: 52, points: 15, score: 15 },
        { level1: '效益指标', level2: '社会效益指标', name: '受益农户数', op: '≥', value: 3000, unit: '户', actual: 3200, points: 15, score: 15 },
        { level1: '满意度指标', level2: '服务对象满意度指标', name: '受益农户满意度', op: '≥', value: 90, unit: '%', actual: 0.95, points: 10, score: 10 },
      ],
      note: FORMS_NOTE,
    },
  },
  {
    layout: 'national',
    spec: {
      sheet: '农技推广',
      year: 2023,
      // A budget system's code before the name: kept in the JSON and the cell link, dropped from the report's text.
      project: '219-基层农技推广体系改革与建设补助项目',
      department: FORMS_DEPARTMENT,
      unitName: '示例县农业技术推广中心',
      moneyUnit: '万元',
      parts: [
        [80, 80, 70],
        [0, 0, 0],
        [0, 0, 0],
      ],
      purpose: '培训基层农技人员 300 人次，推广农业主推技术，覆盖农户 5000 户以上。',
      outcome: '培训基层农技人员 260 人次，主推技术到位率 96%，覆盖农户 5200 户。',
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '培训农技人员人次', op: '≥', value: 300, unit: '人次', actual: 260, points: 20, score: 17.33, reason: '下半年两期集中培训合并为一期举办，下年度提前安排培训计划' },
        { level1: '产出指标', level2: '质量指标', name: '农业主推技术到位率', op: '≥', value: 95, unit: '%', actual: 0.96, points: 15, score: 15 },
        { level1: '产出指标', level2: '时效指标', name: '补助资金拨付及时率', op: '=', value: 100, unit: '%', actual: 1, points: 15, score: 15 },
        { level1: '效益指标', level2: '社会效益指标', name: '主推技术覆盖农户数', op: '≥', value: 5000, unit: '户', actual: 5200, points: 30, score: 30 },
        { level1: '满意度指标', level2: '服务对象满意度指标', name: '农户满意度', op: '≥', value: 90, unit: '%', actual: 0.92, points: 10, score: 10 },
      ],
      note: FORMS_NOTE,
    },
  },
  {
    layout: 'split',
    spec: {
      sheet: '动物防疫',
      year: 2023,
      project: '动物防疫补助经费',
      department: FORMS_DEPARTMENT,
      unitName: '示例县动物疫病预防控制中心',
      moneyUnit: '万元',
      parts: [[120, 126, 121.5]],
      purpose: '完成春秋两季重大动物疫病强制免疫，免疫畜禽 50 万头只以上，全年不发生区域性重大动物疫情。',
      outcome: '完成强制免疫畜禽 52 万头只，免疫抗体合格率 82%，全年未发生区域性重大动物疫情。',
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '强制免疫畜禽数', op: '≥', value: 50, unit: '万头只', actual: 52, points: 20, score: 20 },
        { level1: '产出指标', level2: '质量指标', name: '免疫抗体合格率', op: '≥', value: 70, unit: '%', actual: 0.82, points: 15, score: 15 },
        { level1: '产出指标', level2: '时效指标', name: '春秋两季集中免疫完成时间', op: '定性', value: '按期完成', unit: '', actual: '完成', points: 15, score: 15 },
        { level1: '效益指标', level2: '社会效益指标', name: '区域性重大动物疫情发生次数', op: '≤', value: 0, unit: '次', actual: 0, points: 30, score: 30 },
        { level1: '满意度指标', level2: '服务对象满意度指标', name: '养殖户满意度', op: '≥', value: 90, unit: '%', actual: 0.93, points: 10, score: 10 },
      ],
      conclusion: '优',
      problems: '无',
      improvements: '无',
      note: FORMS_NOTE,
    },
  },
  {
    layout: 'split',
    spec: {
      sheet: '人居环境',
      year: 2023,
      project: '51000023R000000012345-农村人居环境整治项目',
      department: FORMS_DEPARTMENT,
      unitName: '示例县农村人居环境整治办公室',
      moneyUnit: '元',
      parts: [
        [1500000, 1500000, 1380000],
        [0, 200000, 150000],
      ],
      // The total row left at 0 by the export (a common fault): the reader sums the rows under it and says so.
      total: [0, 0, 0],
      reason: '部分村庄改厕选址调整，延至次年实施',
      purpose: '完成农村户厕改造 800 户，村庄生活垃圾有效处理率达到 90% 以上。',
      outcome: '完成农村户厕改造 720 户，改厕验收合格率 97%，村庄生活垃圾有效处理率 92%。',
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '农村户厕改造数', op: '≥', value: 800, unit: '户', actual: 720, points: 20, score: 18, reason: '部分村庄改厕选址调整，延至次年实施' },
        { level1: '产出指标', level2: '质量指标', name: '改厕验收合格率', op: '≥', value: 95, unit: '%', actual: 0.97, points: 15, score: 15 },
        { level1: '产出指标', level2: '成本指标', name: '户均改厕补助', op: '≤', value: 1500, unit: '元', actual: 1500, points: 15, score: 15 },
        { level1: '效益指标', level2: '生态效益指标', name: '村庄生活垃圾有效处理率', op: '≥', value: 90, unit: '%', actual: 0.92, points: 30, score: 30 },
        { level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', op: '≥', value: 90, unit: '%', actual: 0.9, points: 10, score: 10 },
      ],
      conclusion: '良',
      problems: '部分村庄改厕进度滞后，年底前未全部完工。',
      improvements: '加强项目调度，按月通报改厕进度，次年一季度前完成剩余改造。',
      note: FORMS_NOTE,
    },
  },
];

export async function buildForms(): Promise<ExcelJS.Workbook> {
  const wb = newWorkbook();
  for (const { layout, spec } of SAMPLE_FORMS) (layout === 'national' ? addNationalForm : addSplitForm)(wb, spec);
  return wb;
}

export async function writeSamples(): Promise<void> {
  await (await buildSample()).xlsx.writeFile(SAMPLE_PATH);
  await (await buildTemplate()).xlsx.writeFile(TEMPLATE_PATH);
  await (await buildForms()).xlsx.writeFile(FORMS_PATH);
}

if (require.main === module) {
  writeSamples().then(
    () => {
      console.log(`wrote ${path.relative(process.cwd(), SAMPLE_PATH)}`);
      console.log(`wrote ${path.relative(process.cwd(), TEMPLATE_PATH)}`);
      console.log(`wrote ${path.relative(process.cwd(), FORMS_PATH)}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
