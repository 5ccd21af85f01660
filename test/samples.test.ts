import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildForms, buildSample, buildTemplate, INDICATOR_HEADER, SAMPLE_FORMS, SAMPLE_INDICATORS } from '../scripts/make-samples';
import { executionFigures } from '../scripts/forms-layout';
import { readIndicatorSheet } from '../src/core/parse/forms/indicatorSheet';
import { runPipeline } from '../src/core/pipeline';
import { readScoreSheet } from '../src/core/parse/scoreSheet';
import { Grid } from '../src/core/parse/grid';
import { DEFAULT_SCORE_PROFILE } from '../src/core/score/profile';
import type { Finding } from '../src/core/model';
import { loadWorkbook } from '../src/gateways/xlsx/readWorkbook';

const SAMPLE_FILE = path.join(__dirname, '..', 'assets', 'sample-2021.xlsx');
const TEMPLATE_FILE = path.join(__dirname, '..', 'assets', 'template.xlsx');
const FORMS_FILE = path.join(__dirname, '..', 'assets', 'sample-forms.xlsx');

const REGENERATE = 'run `npm run samples` to regenerate assets/sample-2021.xlsx, assets/template.xlsx and assets/sample-forms.xlsx';

/**
 * Flattens the contents of a workbook into `key → JSON` entries: sheet names in order, and per
 * sheet its merged ranges, column widths, and every cell that has a value or a number format
 * (value incl. formula and cached result, and the number format).
 */
function snapshot(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  const sheets = wb.worksheets;
  out.set('sheet names', JSON.stringify(sheets.map((ws) => ws.name)));
  for (const ws of sheets) {
    out.set(`${ws.name} merges`, JSON.stringify([...ws.model.merges].sort()));
    const colCount = ws.columnCount;
    const rowCount = ws.rowCount;
    for (let c = 1; c <= colCount; c++) {
      out.set(`${ws.name} column ${ws.getColumn(c).letter} width`, JSON.stringify(ws.getColumn(c).width ?? null));
    }
    for (let r = 1; r <= rowCount; r++) {
      for (let c = 1; c <= colCount; c++) {
        const cell = ws.getCell(r, c);
        const hasValue = cell.value !== null && cell.value !== undefined;
        if (!hasValue && !cell.numFmt) continue;
        // cell.value drops falsy formula results (0, ""), so record the cached result separately.
        const result = cell.type === ExcelJS.ValueType.Formula ? cell.result : undefined;
        out.set(`${ws.name}!${cell.address} value`, JSON.stringify({ value: cell.value, result: result ?? null }));
        out.set(`${ws.name}!${cell.address} numFmt`, JSON.stringify(cell.numFmt ?? null));
      }
    }
  }
  return out;
}

/** Loads an .xlsx from disk, failing with a regenerate hint when it is missing. */
async function loadFile(file: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(process.cwd(), file)} is missing: ${REGENERATE}`);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * Writes the generated workbook to a buffer and reads it back, so both sides of the comparison
 * went through the same xlsx reader (compares contents, not bytes).
 */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

async function expectSameContents(file: string, build: () => Promise<ExcelJS.Workbook>): Promise<void> {
  const committed = snapshot(await loadFile(file));
  const generated = snapshot(await roundTrip(await build()));
  const keys = [...new Set([...committed.keys(), ...generated.keys()])];
  const diffs = keys
    .filter((k) => committed.get(k) !== generated.get(k))
    .map((k) => `  ${k}: file has ${committed.get(k) ?? '(nothing)'}, script makes ${generated.get(k) ?? '(nothing)'}`);
  if (diffs.length > 0) {
    const shown = diffs.slice(0, 25).join('\n');
    const more = diffs.length > 25 ? `\n  … and ${diffs.length - 25} more` : '';
    throw new Error(
      `${path.relative(process.cwd(), file)} is out of date with scripts/make-samples.ts (${diffs.length} differences): ${REGENERATE}\n${shown}${more}`,
    );
  }
}

function cellResult(ws: ExcelJS.Worksheet, address: string): unknown {
  const cell = ws.getCell(address);
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet ${name} not found: ${REGENERATE}`);
  return ws;
}

describe('assets/sample-2021.xlsx', () => {
  it('matches what scripts/make-samples.ts generates', async () => {
    await expectSameContents(SAMPLE_FILE, buildSample);
  });

  it('holds the key figures', async () => {
    const wb = await loadFile(SAMPLE_FILE);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标']);

    const info = sheet(wb, '部门信息');
    expect(info.getCell('A3').value).toBe('部门名称');
    expect(info.getCell('B3').value).toBe('广州市荔湾区应急管理局');
    expect(info.getCell('B4').value).toBe(2021);
    expect(info.getCell('B5').value).toBe('万元');
    expect(info.getCell('B6').value).toBe(0.95);
    expect(info.getCell('B7').value).toBe(0.9);

    const totals = sheet(wb, '部门支出');
    expect(totals.getRow(3).values).toEqual([
      undefined,
      '支出类别',
      '年初预算数',
      '预算调整数',
      '调整后预算数',
      '实际支出数',
      '执行率',
    ]);
    expect(totals.getCell('A6').value).toBe('合计');
    expect(['B6', 'C6', 'D6', 'E6'].map((a) => cellResult(totals, a))).toEqual([2222.37, 48.03, 2270.4, 2190.49]);
    expect(totals.getCell('D4').value).toEqual({ formula: 'B4+C4', result: 1624.995 });
    expect(totals.getCell('D5').value).toEqual({ formula: 'B5+C5', result: 645.405 });
    expect(cellResult(totals, 'F6')).toBeCloseTo(2190.49 / 2270.4, 12);
    expect(totals.getCell('F6').numFmt).toBe('0.00%');

    const projects = sheet(wb, '项目支出');
    expect(projects.getCell('A2').value).toBe('单位：元');
    expect(projects.getCell('J3').value).toBe('偏差原因');
    expect(projects.getCell('B4').value).toBe('应急管理工作经费');
    expect(projects.getCell('B10').value).toBe('安全生产宣传教育中心工作经费');
    for (let r = 4; r <= 10; r++) {
      expect(projects.getCell(`A${r}`).value).toBe(r - 3);
      expect(projects.getCell(`J${r}`).value).toBeNull();
    }
    expect(projects.getCell('B11').value).toBe('合计');
    expect(['C11', 'D11', 'E11', 'F11'].map((a) => cellResult(projects, a))).toEqual([
      6196850, 257200, 6454050, 6274600,
    ]);
    // The project totals agree with the 项目支出 row of the department table (元 = 万元 × 10000).
    expect(6196850 / 10000).toBeCloseTo(619.685, 9);
    expect(6274600 / 10000).toBeCloseTo(cellResult(totals, 'E5') as number, 9);
  });
});

describe('the sample’s 绩效指标 sheet (issue 9: illustrative indicators, said so)', () => {
  it('says it is illustrative, in the notes and on the sheet', async () => {
    const wb = await loadFile(SAMPLE_FILE);
    expect(String(sheet(wb, '部门信息').getCell('B13').value)).toContain('「绩效指标」表的指标、目标值、完成值和得分均为示意数据');
    expect(String(sheet(wb, '绩效指标').getCell('A2').value)).toContain('示意');
  });

  it('gives each of the seven projects its indicators, read as shown (0.97 under 0% is 97%), points 50 / 30 / 10', async () => {
    const { snapshot: snap } = await loadWorkbook(new Uint8Array(fs.readFileSync(SAMPLE_FILE)));
    const result = runPipeline(snap, { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(Date.UTC(2022, 2, 1)) });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message).join('\n'));
    // Linking the sheet raises nothing: every row names a project of 项目支出.
    expect(result.findings.map((f) => f.code)).toEqual(['needs-explanation']);
    const projects = result.evaluation.projects;
    expect(projects).toHaveLength(7);
    for (const p of projects) {
      const indicators = p.indicators ?? [];
      expect(indicators.map((i) => i.name)).toEqual(SAMPLE_INDICATORS[p.name].map((line) => line[2]));
      const points = (level1: string) => indicators.filter((i) => i.level1 === level1).reduce((s, i) => s + (i.points ?? 0), 0);
      expect([points('产出指标'), points('效益指标'), points('满意度指标')]).toEqual([50, 30, 10]);
    }
    const edu = projects.find((p) => p.name === '安全生产宣传教育中心工作经费')!.indicators![0];
    expect(edu).toMatchObject({ target: '≥60场', actual: '59', points: 20, score: 19.67, reason: '部分培训因疫情防控要求取消', cell: '绩效指标!D34' });
    const first = projects[0].indicators![1];
    expect(first).toMatchObject({ target: '≥95%', actual: '97%' });
  });

  it('scores each quantitative indicator as the published rule does, at 2 decimals (the clerk’s 得分 are right)', () => {
    // positive: points × min(1, actual ÷ target); reverse: full when actual ≤ target; equal: full when equal.
    for (const lines of Object.values(SAMPLE_INDICATORS)) {
      for (const [, , name, op, value, unit, actual, points, score, reason] of lines) {
        if (op === '定性' || typeof value !== 'number' || typeof actual !== 'number') continue;
        const a = unit === '%' ? actual * 100 : actual;
        const rule = op === '≥' ? points * Math.min(1, a / value) : op === '≤' ? (a <= value ? points : (points * value) / a) : a === value ? points : 0;
        expect([name, Math.round(rule * 100) / 100]).toEqual([name, score]);
        // A missed one has its reason; nothing far above its target (≤ 1.5 ×).
        if (rule < points) expect(reason).toBeTruthy();
        if (op === '≥') expect(a).toBeLessThanOrEqual(value * 1.5);
      }
    }
  });
});

describe('assets/template.xlsx', () => {
  it('matches what scripts/make-samples.ts generates', async () => {
    await expectSameContents(TEMPLATE_FILE, buildTemplate);
  });

  it('is blank apart from the defaults and formulas', async () => {
    const wb = await loadFile(TEMPLATE_FILE);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标', '评分设置']);

    const info = sheet(wb, '部门信息');
    expect(info.getCell('B3').value).toBeNull();
    expect(info.getCell('B4').value).toBeNull();
    expect(info.getCell('B5').value).toBe('万元');
    expect(info.getCell('B6').value).toBe(0.95);
    expect(info.getCell('B7').value).toBe(0.9);

    const totals = sheet(wb, '部门支出');
    expect(totals.getCell('B4').value).toBeNull();
    expect(totals.getCell('A6').value).toBe('合计');
    expect(['B6', 'C6', 'D6', 'E6'].map((a) => cellResult(totals, a))).toEqual([0, 0, 0, 0]);

    const projects = sheet(wb, '项目支出');
    expect(projects.getCell('A2').value).toBe('单位：万元');
    for (let r = 4; r <= 23; r++) {
      expect(projects.getCell(`A${r}`).value).toBe(r - 3);
      expect(projects.getCell(`B${r}`).value).toBeNull();
      expect(projects.getCell(`E${r}`).formula).toBe(`C${r}+D${r}`);
      expect(projects.getCell(`G${r}`).formula).toBe(`IFERROR(F${r}/E${r},"")`);
    }
    expect(projects.getCell('B24').value).toBe('合计');
    expect(projects.getCell('C24').formula).toBe('SUM(C4:C23)');
  });

  it('carries the default scoring profile in 评分设置, with empty 得分 cells', async () => {
    const wb = await loadFile(TEMPLATE_FILE);
    const score = sheet(wb, '评分设置');
    expect(score.getRow(3).values).toEqual([undefined, '指标', '分值', '类型', '得分', '评分标准']);
    const rows = [];
    for (let r = 4; r <= 11; r++) rows.push([score.getCell(`A${r}`).value, score.getCell(`B${r}`).value, score.getCell(`C${r}`).value]);
    expect(rows).toEqual([
      ['预算完成率', 20, '预算完成率'],
      ['预算调整率', 10, '预算调整率'],
      ['项目执行达标率', 20, '项目达标率'],
      ['预算编制科学性', 10, '人工评分'],
      ['绩效目标合理性', 10, '人工评分'],
      ['预算管理制度健全性', 10, '人工评分'],
      ['资金使用合规性', 10, '人工评分'],
      ['预决算信息公开', 10, '人工评分'],
    ]);
    for (let r = 4; r <= 11; r++) expect(score.getCell(`D${r}`).value).toBeNull();
    expect(score.getCell('A12').value).toBeNull();
  });

  it('reads back, through the parser, as the default profile of src/core/score/profile.ts', async () => {
    const { snapshot: snap } = await loadWorkbook(new Uint8Array(fs.readFileSync(TEMPLATE_FILE)));
    const findings: Finding[] = [];
    const profile = readScoreSheet(new Grid(snap.sheets.find((s) => s.name === '评分设置')!), 'zh', findings);
    expect(findings).toEqual([]);
    expect(profile?.indicators).toEqual(
      DEFAULT_SCORE_PROFILE.indicators.map((ind, i) => ({
        ...ind,
        pointsCell: `评分设置!B${4 + i}`,
        // The hand-scored rows' 得分 cells, blank in the template: the report's formulas point at them.
        ...(ind.kind === 'manual' ? { scoreCell: `评分设置!D${4 + i}` } : {}),
      })),
    );
    // The 评分参数 table reads back as the default bands.
    expect(profile?.execution).toEqual(DEFAULT_SCORE_PROFILE.execution);
    expect(profile?.adjustment).toEqual(DEFAULT_SCORE_PROFILE.adjustment);
    expect(profile?.grades).toEqual(DEFAULT_SCORE_PROFILE.grades);
    // … and its cells are the ones read: a clerk's edit of 值 changes the profile.
    const edited = snap.sheets.find((s) => s.name === '评分设置')!;
    const values = edited.values.map((row) => [...row]);
    values[19][1] = 4; // B20 预算完成率每低（个百分点）
    values[22][1] = 0.05; // B23 预算调整率第1档上限
    values[29][1] = 70; // B30 等级“良”最低分
    const again = readScoreSheet(new Grid({ ...edited, values }), 'zh', findings);
    expect(findings).toEqual([]);
    expect(again?.execution.step).toBe(0.04);
    expect(again?.adjustment.bands[0]).toEqual({ upTo: 0.05, share: 0.75 });
    expect(again?.grades[1]).toEqual({ grade: '良', from: 70 });
  });

  it('carries the bands in a 评分参数 table below the indicators, each row explained', async () => {
    const wb = await loadFile(TEMPLATE_FILE);
    const score = sheet(wb, '评分设置');
    expect([score.getCell('A19').value, score.getCell('B19').value, score.getCell('C19').value]).toEqual(['评分参数', '值', '说明']);
    const rows = [];
    for (let r = 20; r <= 31; r++) rows.push([score.getCell(`A${r}`).value, score.getCell(`B${r}`).value]);
    expect(rows).toEqual([
      ['预算完成率每低（个百分点）', 5],
      ['预算完成率每档扣分比例', 0.1],
      ['预算调整率为 0 时得分比例', 1],
      ['预算调整率第1档上限', 0.1],
      ['预算调整率第1档得分比例', 0.75],
      ['预算调整率第2档上限', 0.2],
      ['预算调整率第2档得分比例', 0.5],
      ['预算调整率第3档上限', 0.3],
      ['预算调整率第3档得分比例', 0.25],
      ['等级“优”最低分', 90],
      ['等级“良”最低分', 80],
      ['等级“中”最低分', 60],
    ]);
    for (let r = 20; r <= 31; r++) expect(String(score.getCell(`C${r}`).value)).not.toBe('');
    expect(score.getCell('B21').numFmt).toBe('0%');
    expect(score.getCell('A32').value).toBeNull();
  });

  it('has a blank 绩效指标 sheet the parser reads as one (header found, no rows)', async () => {
    const wb = await loadFile(TEMPLATE_FILE);
    expect(sheet(wb, '绩效指标').getRow(3).values).toEqual([undefined, ...INDICATOR_HEADER]);
    const { snapshot: snap } = await loadWorkbook(new Uint8Array(fs.readFileSync(TEMPLATE_FILE)));
    const findings: Finding[] = [];
    const read = readIndicatorSheet(new Grid(snap.sheets.find((s) => s.name === '绩效指标')!), 'zh', findings);
    expect(read?.rows).toEqual([]);
    expect(findings).toEqual([]);
    // The 指标性质 cells offer the operators.
    expect(sheet(wb, '绩效指标').getCell('E4').dataValidation).toMatchObject({ type: 'list', formulae: ['"≥,≤,=,＞,＜,定性"'] });
  });
});

describe('assets/sample-forms.xlsx (issue 9: forms only, illustrative)', () => {
  it('matches what scripts/make-samples.ts generates', async () => {
    await expectSameContents(FORMS_FILE, buildForms);
  });

  it('reads as four forms of one department: name and year from the forms, units from 实施单位, indicators as shown', async () => {
    const { snapshot: snap } = await loadWorkbook(new Uint8Array(fs.readFileSync(FORMS_FILE)));
    const result = runPipeline(snap, { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(Date.UTC(2024, 2, 1)) });
    if (!result.ok) throw new Error(result.findings.map((f) => `${f.cell}: ${f.message}`).join('\n'));
    const ev = result.evaluation;
    expect([ev.department.name, ev.department.year]).toEqual(['示例县农业农村局', 2023]);
    expect(ev.info.unitsIncluded).toBe('示例县农业农村局（本级）、示例县农业技术推广中心、示例县动物疫病预防控制中心、示例县农村人居环境整治办公室');
    expect(ev.projects.map((p) => [p.name, p.source?.kind, p.adjustedBudget, p.actual])).toEqual([
      ['高标准农田建设项目', 'form', 520, 508],
      ['219-基层农技推广体系改革与建设补助项目', 'form', 80, 70],
      ['动物防疫补助经费', 'form', 126, 121.5],
      // 元 divided into 万元, from the rows under the total row the export left at 0.
      ['51000023R000000012345-农村人居环境整治项目', 'form', 170, 153],
    ]);
    for (const [i, { spec }] of SAMPLE_FORMS.entries()) {
      const indicators = ev.projects[i].indicators ?? [];
      expect(indicators.map((ind) => [ind.level1, ind.name, ind.points, ind.score])).toEqual(spec.indicators.map((ind) => [ind.level1, ind.name, ind.points, ind.score]));
    }
    expect(ev.projects[0].indicators?.[5]).toMatchObject({ target: '≥90%', actual: '95%', level1Points: 10 });
    expect(ev.projects[2].indicators?.[0]).toMatchObject({ target: '≥50万头只', actual: '52' });
    // What the sample shows on purpose: the zero total row (three columns) and a national form under 90% with no 原因 cell.
    expect(result.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code} ${f.cell}`)).toEqual([
      'form-total-mismatch 人居环境!C7',
      'form-total-mismatch 人居环境!D7',
      'form-total-mismatch 人居环境!E7',
      'needs-explanation 农技推广!C3',
    ]);
  });

  it('writes each form’s own 执行率, execution 得分 and 总分 as a careful clerk would (nothing for the rule to dispute)', async () => {
    const wb = await loadFile(FORMS_FILE);
    const national = sheet(wb, '高标准农田');
    expect(national.getCell('G6').value).toBeCloseTo(508 / 520, 12);
    expect(national.getCell('H6').value).toBe(executionFigures(520, 508).score);
    expect(national.getCell('H6').value).toBe(9.77);
    expect([national.getCell('G19').value, national.getCell('H19').value]).toEqual([100, 99.77]);
    for (const name of ['高标准农田', '农技推广', '动物防疫', '人居环境']) {
      const text = sheet(wb, name)
        .getSheetValues()
        .flat()
        .filter((v) => typeof v === 'string');
      expect(text.some((t) => (t as string).includes('均为示意数据'))).toBe(true);
    }
  });
});
