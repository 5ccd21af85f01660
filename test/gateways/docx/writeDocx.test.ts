// The Word document of the report (GB/T 9704 layout): written for the sample, read back by unzipping it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Block } from '../../../src/core/compose/narrative';
import type { EvaluationOptions } from '../../../src/core/model';
import type { PipelineResult } from '../../../src/core/pipeline';
import { planRows, cellText } from '../../../src/core/compose/reportPlan';
import { fitColumns, MARGINS, PAGE, writeDocx } from '../../../src/gateways/docx/writeDocx';
import { docxFileName, reportDocxName } from '../../../src/gateways/docx/names';
import { evaluateXlsx } from '../../../src/gateways/xlsx/evaluateXlsx';
import { readDocx } from './docxText';

const SAMPLE = readFileSync(path.join(__dirname, '..', '..', '..', 'assets', 'sample-2021.xlsx'));
const OPTIONS: EvaluationOptions = { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(2022, 0, 15) };

async function evaluated(options: Partial<EvaluationOptions> = {}): Promise<Extract<PipelineResult, { ok: true }>> {
  const { result } = await evaluateXlsx(SAMPLE, { ...OPTIONS, ...options }, false);
  if (!result.ok) throw new Error('the sample should evaluate');
  return result;
}

async function sampleDocx(options: Partial<EvaluationOptions> = {}) {
  const result = await evaluated(options);
  return { result, docx: await readDocx(await writeDocx(result.narrative, result.report, result.evaluation)) };
}

/** Attribute values of every `<w:tag …/>`, e.g. all page margins. */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<w:${tag}((?: w:\\w+="[^"]*")*)\\s*/?>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1].matchAll(/w:(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

describe('writeDocx on the sample', () => {
  it('holds every section of the narrative and its figures, and no cell references', async () => {
    const { result, docx } = await sampleDocx();
    const text = docx.paragraphs.join('\n');
    expect(docx.paragraphs[0]).toBe('广州市荔湾区应急管理局\n2021年部门整体支出绩效自评报告');
    for (const heading of ['一、基本情况', '二、综合评价分析', '三、存在的主要问题', '四、下一步改进措施', '（一）部门概况', '（三）部门整体支出情况', '（一）自评结论综述']) {
      expect(docx.paragraphs).toContain(heading);
    }
    for (const figure of ['2222.37', '48.03', '2190.49', '2.16%', '96.48%']) expect(text).toContain(figure);
    for (const name of ['三防抢险工作经费', '总值班室工作经费', '安全生产宣传教育中心工作经费']) {
      expect(docx.paragraphs.some((p) => p.includes(`${name}执行率`))).toBe(true);
    }
    // Every paragraph of the narrative, in order, as the pipeline composed it.
    const narrative = result.narrative.filter((b) => b.kind !== 'title').map((b) => b.text);
    expect(docx.paragraphs.filter((p) => narrative.includes(p))).toEqual(narrative);
    expect(docx.paragraphs).toEqual(expect.arrayContaining(['广州市荔湾区应急管理局', '2022年1月15日']));
    // The 依据 cells stay in the workbook: the document goes to the finance bureau.
    expect(text).not.toMatch(/项目支出!|部门支出!|依据/);
  });

  it('has 附表1 (the score, with its total) and 附表4 (every project, with the total row), but not 附表2', async () => {
    const { result, docx } = await sampleDocx();
    const p = docx.paragraphs;
    expect(p).toEqual(expect.arrayContaining(['附表1', '自评评分表', '附表4', '项目支出绩效情况汇总表']));
    expect(p.join('\n')).not.toMatch(/附表2|数据问题清单/);
    const score = p.slice(p.indexOf('自评评分表'), p.indexOf('附表4'));
    expect(score.slice(1, 6)).toEqual(['指标', '分值', '实际值', '得分', '说明']);
    expect(score.slice(6, 11)).toEqual(['预算完成率', '20.00', '96.48%', '20.00', '100% 得满分，每低 5 个百分点扣 2 分']);
    const total = score.indexOf('合计');
    expect(score.slice(total, total + 5)).toEqual(['合计', '100.00', '', '38.93', '另有 50 分待人工评分；等级暂定“差”']);
    expect(score[total + 5]).toMatch(/^注：指标与分值取自默认评分标准/);

    const summary = p.slice(p.indexOf('项目支出绩效情况汇总表'));
    expect(summary.slice(1, 10)).toEqual(['项目名称', '年初预算数\n（万元）', '预算调整数\n（万元）', '调整后预算数\n（万元）', '实际支出数\n（万元）', '执行率', '执行率目标', '状态', '应急管理工作经费']);
    const row = summary.indexOf('安全生产宣传教育中心工作经费');
    expect(summary.slice(row, row + 8)).toEqual(['安全生产宣传教育中心工作经费', '21.69', '0.00', '21.69', '19.15', '88.31%', '95.00%', '未达标（需说明原因）']);
    const sum = summary.indexOf('合计（各项目之和）');
    const s = result.evaluation.projectSum;
    expect(summary.slice(sum, sum + 7)).toEqual(['合计（各项目之和）', '619.69', '25.72', '645.41', '627.46', '97.22%', '']);
    expect(s.actual).toBeCloseTo(627.46, 2);
    for (const project of result.evaluation.projects) expect(summary).toContain(project.name);
    expect(summary.join('\n')).toMatch(/注：执行率 = 实际支出数 ÷ 调整后预算数/);
  });

  it('is laid out as GB/T 9704 asks: A4, its margins, the fonts and sizes, 22 lines a page, page numbers', async () => {
    const { docx } = await sampleDocx();
    const { document, styles } = docx;
    // A4 portrait for the text and 附表1; 附表4 on the same paper turned (landscape).
    expect(PAGE).toEqual({ width: 11906, height: 16838 });
    expect(MARGINS).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 }); // 37, 35, 28, 26 mm
    const sizes = elements(document, 'pgSz');
    expect(sizes).toEqual([
      { w: '11906', h: '16838', orient: 'portrait' },
      { w: '16838', h: '11906', orient: 'landscape' },
    ]);
    expect(elements(document, 'pgMar')[0]).toMatchObject({ top: '2098', bottom: '1984', left: '1587', right: '1474' });
    // Fonts Chinese offices have, by their GB names.
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) expect(styles).toContain(`w:eastAsia="${font}"`);
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
    expect(style('Title')).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/); // 2号 = 22 pt
    expect(style('Title')).toContain('<w:jc w:val="center"/>');
    expect(style('Heading1')).toMatch(/w:eastAsia="黑体"[\s\S]*<w:sz w:val="32"\/>/); // 3号 = 16 pt
    expect(style('Heading2')).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    expect(style('Heading3')).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:b\/>/);
    // The body: 仿宋_GB2312 3号, two characters in, a fixed 28.95 pt line (22 lines in the 225 mm type area).
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>[\s\S]*<\/w:docDefaults>/);
    expect(style('BodyText')).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
    expect(style('BodyText')).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
    expect(Math.floor((PAGE.height - MARGINS.top - MARGINS.bottom) / 579)).toBe(22);
    // Tables: bordered, the header row repeated on each page, no row split.
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(3); // 附表1, 附表3 (the sample has indicators), 附表4
    expect(document).toMatch(/<w:tblBorders>[\s\S]*<w:insideV w:val="single"/);
    // Page numbers: "— 1 —" in 4号 宋体, odd pages at the right, even at the left.
    expect(docx.footers.length).toBeGreaterThanOrEqual(2);
    for (const footer of docx.footers) {
      expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/);
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(docx.footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort()).toEqual(expect.arrayContaining(['left', 'right']));
  });

  it('signs at the right: the date four characters in, the department centred over it', async () => {
    const { docx } = await sampleDocx();
    const paragraphs = [...docx.document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const signature = (text: string) => paragraphs.find((p) => p.includes('w:val="Signature"') && p.includes(text)) ?? '';
    expect(signature('2022年1月15日')).toContain('w:right="1280"'); // 4 × 16 pt
    // 广州市荔湾区应急管理局 (11 characters) over 2022年1月15日 (3 + 7 half-width digits = 6.5): (6.5 − 11) / 2 + 4 = 1.75.
    expect(signature('广州市荔湾区应急管理局')).toContain('w:right="560"');
  });

  it('shows 上年结转 in the summary table by the report sheet’s rule', async () => {
    const { docx } = await sampleDocx({ basis: 'adjusted-plus-carryover' });
    expect(docx.paragraphs).toContain('上年结转\n（万元）');
    const { docx: plain } = await sampleDocx();
    expect(plain.paragraphs).not.toContain('上年结转\n（万元）');
  });

  it('writes the English report with the same layout and English headers', async () => {
    const { docx } = await sampleDocx({ lang: 'en' });
    const p = docx.paragraphs;
    expect(p[0]).toMatch(/^广州市荔湾区应急管理局: Self-evaluation/);
    expect(p).toEqual(expect.arrayContaining(['1. Basic information', 'Table 1', 'Self-evaluation score', 'Table 4', 'Projects', 'Indicator', 'Initial budget\n(10k yuan)', 'Total (sum of projects)']));
    expect(p.join('\n')).not.toMatch(/附表|Table 2/);
    expect(docx.styles).toContain('w:ascii="Times New Roman"');
    expect(docx.styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(elements(docx.document, 'pgSz')[0]).toEqual({ w: '11906', h: '16838', orient: 'portrait' });
  });

  it('takes 附表1 and 附表4 from the plan the report sheet is written from: a cell changed there is changed here', async () => {
    const result = await evaluated();
    const { summary } = result.report.regions;
    const rows = planRows(result.report).map((row, r) => (r === summary.first ? { ...row, cells: row.cells.map((c, i) => (i === 0 ? { ...c, value: '计划里的项目名' } : c)) } : row));
    const docx = await readDocx(await writeDocx(result.narrative, { ...result.report, rows, bodies: [] }, result.evaluation));
    const p = docx.paragraphs.slice(docx.paragraphs.indexOf('项目支出绩效情况汇总表'));
    const texts = (r: number) => summary.columns.map((c) => cellText(rows[r].cells[c]));
    expect(p.slice(1 + summary.columns.length, 1 + 2 * summary.columns.length)).toEqual(texts(summary.first));
    expect(p).toContain('计划里的项目名');
  });

  it('widens a column to its header’s longest line and shares the rest in proportion to the plan’s widths', () => {
    const widths = fitColumns([34, 13, 13, 13, 13, 11, 11, 20], ['项目名称', '年初预算数\n（万元）', '预算调整数\n（万元）', '调整后预算数\n（万元）', '实际支出数\n（万元）', '执行率', '执行率目标', '状态'], 12756, 10.5);
    // 调整后预算数: 6 characters of 五号 (10.5 pt = 210 twips) and the cell margins.
    expect(widths[3]).toBeGreaterThanOrEqual(6 * 210 + 120);
    expect(widths[6]).toBeGreaterThanOrEqual(5 * 210 + 120);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(12756);
    expect(widths[0]).toBeGreaterThan(14 * 210);
  });

  it('takes the narrative it is given (a clerk’s kept paragraph) and ignores fields it does not know', async () => {
    const result = await evaluated();
    const narrative = result.narrative.map((b) =>
      b.kind === 'paragraph' && b.text.startsWith('压紧压实') ? ({ ...b, text: '本段为科室改写的内容。', id: 'p3', kept: true } as Block) : b,
    );
    const docx = await readDocx(await writeDocx(narrative, result.report, result.evaluation));
    expect(docx.paragraphs).toContain('本段为科室改写的内容。');
    expect(docx.paragraphs.join('\n')).not.toMatch(/压紧压实|p3|true/);
  });
});

describe('the Word file’s name', () => {
  it('is the opened file’s name in the browser page', () => {
    expect(docxFileName('sample-2021.xlsx')).toBe('sample-2021.docx');
    expect(docxFileName('2021 预算.v2.xlsx')).toBe('2021 预算.v2.docx');
    expect(docxFileName('budget')).toBe('budget.docx');
    expect(docxFileName('a/b:c.xlsx')).toBe('a_b_c.docx');
  });

  it('is the department’s (else the workbook’s) report in Excel', () => {
    expect(reportDocxName('广州市荔湾区应急管理局', '预算.xlsx', 'zh')).toBe('广州市荔湾区应急管理局自评报告.docx');
    expect(reportDocxName(null, '预算表.xlsx', 'zh')).toBe('预算表自评报告.docx');
    expect(reportDocxName(null, null, 'zh')).toBe('部门整体支出绩效自评报告.docx');
    expect(reportDocxName('A/B 局', null, 'en')).toBe('A_B 局 self-evaluation report.docx');
    expect(reportDocxName(null, null, 'en')).toBe('Self-evaluation report.docx');
  });
});
