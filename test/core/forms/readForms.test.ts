// Reading 项目支出绩效自评表 forms and the 绩效指标 sheet (issue 9): each layout, merged cells, two-row headers, the
// zero total row, 元 units, codes in names, percentages typed as numbers with a % format.
import type { Lang, SheetSnapshot } from '../../../src/core/model';
import { displayName, nameKey } from '../../../src/core/names';
import { parseWorkbook } from '../../../src/core/parse/parseWorkbook';
import { runPipeline } from '../../../src/core/pipeline';
import { sourceOf } from '../../../src/core/sources';
import { codes, only, options, projectSheet, sheet, workbook } from '../snapshot';
import { nationalForm, sichuanForm, splitForm, withFormats } from './formSheets';

const parse = (sheets: SheetSnapshot[], lang: Lang = 'zh') => parseWorkbook(workbook(sheets), lang);

describe('name codes', () => {
  it('drops a leading system code from the name the report shows, and only that', () => {
    expect(displayName('51000021R000000019951-工资性支出')).toBe('工资性支出');
    expect(displayName('219-池州市贵池区乡村道路项目')).toBe('池州市贵池区乡村道路项目');
    expect(displayName('COVID-19疫情防控经费')).toBe('COVID-19疫情防控经费');
    expect(displayName('2021-2022年校舍维修')).toBe('2021-2022年校舍维修');
    expect(displayName('AB-项目')).toBe('AB-项目'); // no digit in the code
    expect(displayName('12-项目')).toBe('12-项目'); // fewer than three characters
    expect(nameKey('219-池州市 乡村道路')).toBe(nameKey('池州市乡村道路'));
  });
});

describe('the national layout', () => {
  it('reads the project, its money block, texts and indicators (merged cells, % formats)', () => {
    const { input, findings } = parse([nationalForm()]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(input.projects).toHaveLength(1);
    const p = input.projects[0];
    expect(p).toMatchObject({
      name: '219-池州市贵池区乡村道路项目',
      cell: '国家表!C3',
      source: { kind: 'form', sheet: '国家表' },
      initialBudget: 100,
      adjustedBudget: 120,
      adjustment: 20,
      carryover: 0,
      actual: 114,
      givenRate: null,
      purpose: '完成乡村道路建设 10 公里',
      outcome: '完成 9.5 公里，受雨季影响略有延后',
      reason: '',
    });
    expect(p.sources).toEqual({
      initialBudget: { ref: '国家表!C6', divisor: 1, formula: true },
      adjustedBudget: { ref: '国家表!D6', divisor: 1, formula: true },
      actual: { ref: '国家表!E6', divisor: 1, formula: true },
    });
    expect(p.form).toMatchObject({
      executionPoints: 10,
      executionScore: 9.5,
      executionScoreCell: '国家表!H6',
      givenRate: 0.95,
      givenRateCell: '国家表!G6',
      totalPoints: 100,
      totalScore: 95.5,
      totalScoreCell: '国家表!H18',
      department: '池州市贵池区农业农村局',
      departmentCell: '国家表!C4',
      unit: '贵池区农技中心',
      year: 2022,
      problems: null,
      improvements: null,
      conclusion: null,
    });
    expect(p.indicators!.map((i) => [i.level1, i.level1Points, i.level2, i.name, i.target, i.actual, i.points, i.score, i.reason, i.cell])).toEqual([
      ['产出指标', 50, '数量指标', '道路建设长度', '≥10公里', '9.5公里', 20, 19, '雨季影响', '国家表!D13'],
      ['产出指标', 50, '质量指标', '验收合格率', '100%', '95%', 15, 14, null, '国家表!D14'],
      ['产出指标', 50, '时效指标', '按时完成率', '100%', '90%', 15, 13, null, '国家表!D15'],
      ['效益指标', 30, '社会效益指标', '受益群众', '≥5000人', '6000人', 30, 30, null, '国家表!D16'],
      ['满意度指标', 10, '服务对象满意度指标', '群众满意度', '≥90%', '95%', 10, 10, null, '国家表!D17'],
    ]);
    expect(p.indicators![0].scoreCell).toBe('国家表!H13');
    // The form's sheet is neither a project table nor the information block; its year and department fill in.
    expect(input.projectTables).toEqual([]);
    expect(input.info).toMatchObject({ name: '池州市贵池区农业农村局', year: 2022, unitsIncluded: '贵池区农技中心' });
  });

  it('a total row that disagrees with its rows: the total is used, with a warning at its cell', () => {
    const { input, findings } = parse([nationalForm('表', { total: [null, '年度资金总额', 100, 125, 114, 10, 0.95, 9.5] })]);
    expect(input.projects[0].adjustedBudget).toBe(125);
    const mismatch = only(findings, 'form-total-mismatch');
    expect(mismatch.map((f) => [f.severity, f.cell])).toEqual([['warning', '表!D6']]);
    expect(mismatch[0].message).toBe('“池州市贵池区乡村道路项目”的“全年预算数”：合计行为 125，其下各行之和为 120（万元），已按合计行计算。');
  });

  it('amounts in 元 from the block header', () => {
    const { input } = parse([nationalForm('表', { unit: '元', total: [null, '年度资金总额', 1000000, 1200000, 1140000] })]);
    expect(input.projects[0]).toMatchObject({ initialBudget: 100, adjustedBudget: 120, actual: 114 });
    expect(sourceOf(input.projects[0], 'actual')).toEqual({ ref: '表!E6', divisor: 10000, formula: true });
  });
});

describe('the split-target layout', () => {
  it('joins 指标性质 | 指标值 | 度量单位 under a two-row header, and sums the rows under a zero total (元)', () => {
    const { input, findings } = parse([splitForm()]);
    const p = input.projects[0];
    expect(p.name).toBe('51000021R000000019951-工资性支出');
    expect([p.initialBudget, p.adjustedBudget, p.actual]).toEqual([100, 120, 114]);
    // A figure summed from the rows has no single cell.
    expect(p.sources).toEqual({});
    expect(only(findings, 'form-total-mismatch').map((f) => f.cell)).toEqual(['云南表!B5', '云南表!C5', '云南表!D5']);
    expect(only(findings, 'form-total-mismatch')[0].message).toContain('已按各行之和计算');
    expect(p.form).toMatchObject({ givenRate: 0.95, givenRateCell: '云南表!F5', executionPoints: 10, executionScore: 9.5, year: 2021, totalScore: null });
    expect(p.indicators!.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.points, i.score])).toEqual([
      ['产出指标', '数量指标', '发放人数', '≥120人', '118', 50, 49],
      ['产出指标', '成本指标', '人均成本', '≤5万元', '4.8', null, null],
      ['满意度指标', '服务对象满意度指标', '满意度', '＞90%', '96%', 10, 10],
    ]);
  });
});

describe('the Sichuan layout', () => {
  it('reads 预算执行情况（10分）, its unit from 年度预算数（万元）, 合计 and the texts below', () => {
    const { input, findings } = parse([sichuanForm()]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const p = input.projects[0];
    expect(p).toMatchObject({ name: '青神县义务教育保障项目', initialBudget: 50, adjustedBudget: 60, actual: 45, reason: '项目延期至次年', outcome: '全年保障学生 1,200 人' });
    expect(p.form).toMatchObject({
      executionPoints: 10,
      executionScore: 7.5,
      givenRate: 0.75,
      totalPoints: 90,
      totalScore: 80,
      unit: '青神县实验学校',
      conclusion: '良好',
      problems: '项目进度偏慢',
      improvements: null,
      year: 2023,
    });
    expect(p.indicators!.map((i) => [i.level1, i.name, i.target, i.actual, i.points, i.score, i.reason])).toEqual([
      ['产出指标', '培训人次', '≥200人次', '180', 50, 45, '疫情停课'],
      ['效益指标', '教学质量', '提升', '基本达成', 30, 25, null],
      ['满意度指标', '家长满意度', '≥90%', '92%', 10, 10, null],
    ]);
  });

  it('takes the execution points from （10分） when the 权重 cell is blank', () => {
    const s = sichuanForm();
    s.values[6][6] = null;
    expect(parse([s]).input.projects[0].form!.executionPoints).toBe(10);
  });
});

describe('forms beside the other sheets', () => {
  it('a project in a form and in a table row: the form wins and the warning names both cells', () => {
    const { input, findings } = parse([
      projectSheet('项目支出', [['池州市贵池区乡村道路项目', 90, 0, 90, 80], ['其他项目', 10, 0, 10, 10]]),
      nationalForm(),
    ]);
    expect(input.projects.map((p) => [p.name, p.source?.kind ?? 'table'])).toEqual([['其他项目', 'table'], ['219-池州市贵池区乡村道路项目', 'form']]);
    const dup = only(findings, 'form-table-duplicate');
    expect(dup.map((f) => [f.severity, f.cell])).toEqual([['warning', '项目支出!B3']]);
    expect(dup[0].message).toContain('国家表!C3');
  });

  it('two forms with one name are the duplicate-project finding', () => {
    const result = runPipeline(workbook([nationalForm('甲'), nationalForm('乙')]), options());
    expect(codes(result.findings)).toContain('duplicate-project');
  });

  it('forms that disagree on 主管部门 and year: the most frequent, and a warning naming the others', () => {
    const { input, findings } = parse([
      nationalForm('一', { project: '甲', department: '农业农村局', year: 2022 }),
      nationalForm('二', { project: '乙', department: '农业农村局', year: 2022 }),
      nationalForm('三', { project: '丙', department: '水利局', year: 2021 }),
    ]);
    expect(input.info).toMatchObject({ name: '农业农村局', year: 2022 });
    const mismatch = only(findings, 'form-info-mismatch');
    expect(mismatch.map((f) => f.cell)).toEqual(['三!C4', '三!C3']);
    expect(mismatch[0].message).toBe('各自评表的主管部门不一致：采用出现最多的“农业农村局”，另有 水利局（三!C4）。');
  });

  it('the information block still wins over the forms', () => {
    const info = sheet('基本信息', [['部门名称', '某某局'], ['年度', 2020], ['下属单位', '本级']]);
    const { input } = parse([info, nationalForm()]);
    expect(input.info).toMatchObject({ name: '某某局', year: 2020, unitsIncluded: '本级' });
  });

  it('a workbook of forms only makes a report (no 未找到项目支出表)', () => {
    const result = runPipeline(workbook([nationalForm(), splitForm(), sichuanForm()]), options());
    expect(codes(result.findings)).not.toContain('no-project-table');
    expect(result.ok).toBe(true);
  });

  it('finds a title anywhere within the first 60 rows and 20 columns, and not beyond', () => {
    const s = nationalForm();
    const moved = (rows: number, cols: number): SheetSnapshot => ({
      ...s,
      values: [...Array.from({ length: rows }, () => []), ...s.values.map((r) => [...Array.from({ length: cols }, () => null), ...r])],
      numberFormats: undefined,
      merges: [],
    });
    expect(parse([moved(59, 19)]).input.projects).toHaveLength(1);
    expect(parse([moved(60, 0)]).input.projects).toHaveLength(0);
  });
});

describe('the 绩效指标 sheet', () => {
  const header = ['项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '分值', '得分', '偏差原因'];

  it('links rows to projects by name, codes dropped; an unknown name is a warning and its rows are left out', () => {
    const indicators = withFormats(
      sheet('绩效指标', [
        header,
        ['甲项目', '产出指标（50分）', '数量指标', '培训人次', '≥', 100, '人次', 90, 50, 45, '场地不足'],
        [null, '满意度指标', '满意度指标', '满意度', '≥', 0.9, '%', 0.95, 10, 10],
        ['001A-乙项目', '效益指标', '社会效益', '覆盖率', '=', 1, '%', 1, 30, 30],
        ['丁项目', '产出指标', '数量指标', '次数', '≥', 1, '次', 1, 10, 10],
        [null, '产出指标', '数量指标', '人数', '≥', 1, '人', 1, 10, 10],
      ]),
      { F3: '0%', H3: '0%', F4: '0%', H4: '0%' },
    );
    const { input, findings } = parse([projectSheet('项目支出', [['甲项目', 100, 0, 100, 90], ['乙项目', 50, 0, 50, 50]]), indicators]);
    const [a, b] = input.projects;
    expect(a.indicators!.map((i) => [i.level1, i.level1Points, i.name, i.target, i.actual, i.cell])).toEqual([
      ['产出指标', 50, '培训人次', '≥100人次', '90', '绩效指标!D2'],
      ['满意度指标', null, '满意度', '≥90%', '95%', '绩效指标!D3'],
    ]);
    expect(b.indicators!.map((i) => [i.name, i.target, i.actual])).toEqual([['覆盖率', '=100%', '100%']]);
    const unknown = only(findings, 'indicator-unknown-project');
    expect(unknown.map((f) => [f.severity, f.cell])).toEqual([['warning', '绩效指标!A5']]);
    expect(unknown[0].message).toBe('绩效指标“次数”所属的项目“丁项目”不在项目表或自评表中，此行未计入。');
    // The sheet is not read as a project table (its 项目名称 header).
    expect(input.projectTables.map((t) => t.sheet)).toEqual(['项目支出']);
  });

  it('a 绩效指标 row naming a form’s project adds to the form’s indicators', () => {
    const indicators = sheet('绩效指标', [header, ['池州市贵池区乡村道路项目', '产出指标', '数量指标', '新增指标', '≥', 1, '个', 1, 5, 5]]);
    const { input } = parse([nationalForm(), indicators]);
    expect(input.projects[0].indicators!.map((i) => i.name)).toContain('新增指标');
    expect(input.projects[0].indicators).toHaveLength(6);
  });
});

describe('English findings', () => {
  it('words the new findings in English', () => {
    const { findings } = parse([splitForm()], 'en');
    expect(only(findings, 'form-total-mismatch')[0].message).toBe(
      '"工资性支出", "年初预算数": the total row gives 0 but the rows under it add up to 1000000 (yuan); the sum of the rows is used.',
    );
  });
});

describe('what is not a form', () => {
  it('a summary table titled 项目支出绩效自评表汇总表 is read as a project table', () => {
    const s = sheet('汇总', [['2022年项目支出绩效自评表汇总表'], ['项目名称', '年初预算数', '调整后预算数', '实际支出数'], ['甲', 10, 10, 9]]);
    const { input } = parse([s]);
    expect(input.projects.map((p) => [p.name, p.source?.kind ?? 'table'])).toEqual([['甲', 'table']]);
  });

  it('a sheet naming the form whose 项目名称 is a table header is read as a table, with no form finding', () => {
    const s = sheet('表', [['附：项目支出绩效自评表'], ['项目名称', '年初预算数', '全年预算数', '全年执行数'], ['甲', 10, 10, 9]]);
    const { input, findings } = parse([s]);
    expect(input.projects.map((p) => p.name)).toEqual(['甲']);
    expect(codes(findings).filter((c) => c.startsWith('form'))).toEqual([]);
  });

  it('a form with no total row takes its rows’ sum without a warning', () => {
    const s = nationalForm();
    s.values[5] = [null, '其他资金', 5, 5, 5];
    const { input, findings } = parse([s]);
    expect(input.projects[0]).toMatchObject({ initialBudget: 105, adjustedBudget: 125, actual: 119 });
    expect(only(findings, 'form-total-mismatch')).toEqual([]);
  });

  it('reads the same from cell values alone (no merges reported, as on older Excel)', () => {
    const withMerges = parse([nationalForm(), splitForm(), sichuanForm()]).input.projects;
    const without = parse([nationalForm(), splitForm(), sichuanForm()].map((s) => ({ ...s, merges: [] }))).input.projects;
    expect(without).toEqual(withMerges);
  });
});

describe('limits', () => {
  it('an amount beyond the limit is an error at its cell and makes no project', () => {
    const { input, findings } = parse([nationalForm('表', { total: [null, '年度资金总额', 100, 1e300, 114] })]);
    expect(input.projects).toEqual([]);
    expect(only(findings, 'invalid-number').map((f) => [f.severity, f.cell])).toEqual([['error', '表!D6']]);
  });
});

describe('labels and values in one cell', () => {
  it('reads 主管部门：… and 实施单位（盖章）：… written in one cell', () => {
    const s = sichuanForm();
    s.values[3] = ['主管部门：青神县教育局', null, '实施单位（盖章）：青神县实验学校'];
    const p = parse([s]).input.projects[0];
    expect(p.form).toMatchObject({ department: '青神县教育局', departmentCell: '四川表!A4', unit: '青神县实验学校' });
  });
});
