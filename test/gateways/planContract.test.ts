/// <reference types="office-js" />
// One plan, two renderers: the .xlsx gateway (ExcelJS) and the Office gateway (on the fake, strict as real
// Office.js) lay out the same regions, values, formulas, number formats, merges, page setup, summary rule and
// chart from one ReportPlan; neither finds anything again from the cells. And a host without conditional
// formats marks the clerk's under-target rows from the plan alone.
import ExcelJS from 'exceljs';
import { cellAddress, rangeAddress } from '../../src/core/address';
import { GENERAL_FORMAT, HIGHLIGHT_FILL, planRows, type HighlightPlan, type PlanCell, type ReportPlan } from '../../src/core/compose/reportPlan';
import type { EvaluationOptions } from '../../src/core/model';
import { runPipeline } from '../../src/core/pipeline';
import { readSnapshot } from '../../src/gateways/office/readSnapshot';
import { writeResult } from '../../src/gateways/office/writeResult';
import { loadWorkbook } from '../../src/gateways/xlsx/readWorkbook';
import { writeHighlights, writeReportSheet } from '../../src/gateways/xlsx/writeWorkbook';
import { createFakeWorkbook, findSheet, formatRect, type FakeSheet, type FakeWorkbookState } from '../fakes/excel';
import { fakeInitFromLoaded, install, runExcel, SAMPLE, uninstall } from './office/helpers';

afterEach(uninstall);

const OPTIONS: EvaluationOptions = { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(2022, 0, 15) };

/** The sample's plan, with the ExcelJS workbook it was read from and the fake built from the same workbook. */
async function onePlan() {
  const loaded = await loadWorkbook(SAMPLE);
  const fake = createFakeWorkbook(fakeInitFromLoaded(loaded));
  const result = runPipeline(loaded.snapshot, OPTIONS);
  if (!result.ok) throw new Error(result.findings.map((f) => f.message).join('\n'));
  return { loaded, fake, plan: result.report, highlights: result.highlights };
}

async function renderXlsx(workbook: ExcelJS.Workbook, plan: ReportPlan, highlights: HighlightPlan): Promise<ExcelJS.Worksheet> {
  writeReportSheet(workbook, plan);
  writeHighlights(workbook, highlights);
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await workbook.xlsx.writeBuffer()) as ExcelJS.Buffer);
  return again.getWorksheet(plan.sheetName) as ExcelJS.Worksheet;
}

async function renderOffice(state: FakeWorkbookState, plan: ReportPlan, highlights: HighlightPlan, maxExcelApi?: string): Promise<FakeSheet> {
  install(state, maxExcelApi ? { maxExcelApi } : {});
  await runExcel(async (context) => writeResult(context, await readSnapshot(context), plan, highlights));
  return findSheet(state, plan.sheetName) as FakeSheet;
}

/** Every cell of the plan's grid: what each renderer wrote there, in one shape. */
function xlsxCells(ws: ExcelJS.Worksheet, plan: ReportPlan) {
  return planRows(plan).map((_, r) =>
    plan.columnWidths.map((_w, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      return { formula, format: cell.numFmt || GENERAL_FORMAT };
    }),
  );
}

function officeCells(sheet: FakeSheet, plan: ReportPlan) {
  return planRows(plan).map((_, r) =>
    plan.columnWidths.map((_w, c) => {
      const cell = sheet.rows[r]?.[c];
      return { formula: cell?.formula?.slice(1), format: cell?.numberFormat ?? GENERAL_FORMAT };
    }),
  );
}

/** Office.js takes margins in points (72 to the inch), to the hundredth. */
const points = (inches: number) => Math.round(inches * 7200) / 100;

describe('one plan, two workbook gateways', () => {
  it('lay out the same cells, formulas, number formats, merges, page setup and rule', async () => {
    const { loaded, fake, plan, highlights } = await onePlan();
    const ws = await renderXlsx(loaded.workbook, plan, highlights);
    const sheet = await renderOffice(fake, plan, highlights);

    // Formulas and number formats, cell by cell, are the plan's in both (a cell under a merge has its first cell's).
    const master = new Map<string, PlanCell>();
    for (const m of plan.merges) for (let c = m.left + 1; c <= m.right; c++) master.set(`${m.top}:${c}`, planRows(plan)[m.top].cells[m.left]);
    const expected = planRows(plan).map((row, r) =>
      plan.columnWidths.map((_w, c) => ({ formula: row.cells[c]?.formula, format: (master.get(`${r}:${c}`) ?? row.cells[c])?.numberFormat ?? GENERAL_FORMAT })),
    );
    expect(plan.merges.every((m) => m.top === m.bottom)).toBe(true);
    expect(xlsxCells(ws, plan)).toEqual(expected);
    expect(officeCells(sheet, plan)).toEqual(expected);

    // The regions: the summary's header, first and last project and total rows, the score total.
    const { summary, scoreTotal } = plan.regions;
    for (const row of [summary.header, summary.first, summary.last, summary.total]) {
      expect(ws.getCell(row + 1, 1).value).toBe(planRows(plan)[row].cells[0].value);
      expect(sheet.rows[row]?.[0]?.value).toBe(planRows(plan)[row].cells[0].value);
    }
    expect(planRows(plan)[summary.header].cells[0].value).toBe('项目名称');
    expect(planRows(plan)[summary.total].cells[0].value).toBe('合计（各项目之和）');
    expect(planRows(plan)[scoreTotal.row].cells[0].value).toBe('合计');
    const totalAddress = cellAddress(scoreTotal.row, scoreTotal.col);
    expect(ws.getCell(totalAddress).formula).toBe(planRows(plan)[scoreTotal.row].cells[scoreTotal.col].formula);

    // Merges: every merged area of the plan, none else.
    const planned = plan.merges.map(rangeAddress).sort();
    expect([...(ws.model as unknown as { merges: string[] }).merges].sort()).toEqual(planned);
    expect(sheet.merges.map((m) => formatRect(m)).sort()).toEqual(planned);

    // Page setup: A4 portrait, one page wide, the plan's margins, the summary header as print titles.
    const page = plan.pageSetup;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${summary.header + 1}:${summary.header + 1}` });
    expect(ws.pageSetup.margins).toEqual(page.margins);
    expect(sheet.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftMargin: points(page.margins.left),
      topMargin: points(page.margins.top),
      headerMargin: points(page.margins.header),
      printTitleRows: `$${summary.header + 1}:$${summary.header + 1}`,
    });
    expect(sheet.showGridlines).toBe(false);

    // The summary's rule (the status formula's), the same range and formula in both.
    const rule = plan.summaryRule as NonNullable<ReportPlan['summaryRule']>;
    const xlsxRules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    expect(xlsxRules.map((cf) => [cf.ref, cf.rules[0].formulae?.[0]])).toEqual([[rangeAddress(rule.range), rule.formula]]);
    expect(sheet.conditionalFormats.map((cf) => [cf.areas.map((a) => formatRect(a)).join(','), cf.formula])).toEqual([[rangeAddress(rule.range), `=${rule.formula}`]]);

    // The chart is the plan's: its data, categories, title and place. (ExcelJS cannot write charts: the
    // .xlsx gateway leaves it out, as the README says.)
    const chart = plan.chart as NonNullable<ReportPlan['chart']>;
    expect(sheet.charts).toHaveLength(1);
    const drawn = sheet.charts[0];
    expect(drawn).toMatchObject({ name: chart.name, title: chart.title, chartType: 'BarClustered', reversePlotOrder: chart.reversed });
    expect(drawn.source.rect).toEqual(chart.data);
    expect(drawn.series.map((s) => s.xAxisValues?.rect)).toEqual(chart.series.map(() => chart.categories));
    expect(drawn.position?.start).toMatchObject({ top: chart.anchor.top, left: chart.anchor.left });
  });

  it('marks the clerk’s under-target rows on a host without conditional formats, from the plan alone', async () => {
    const { fake, plan, highlights } = await onePlan();
    expect(highlights.fallbackFills.length).toBeGreaterThan(0);
    await renderOffice(fake, plan, highlights, '1.5');
    for (const fill of highlights.fallbackFills) {
      const sheet = findSheet(fake, fill.sheet) as FakeSheet;
      for (let r = fill.range.top; r <= fill.range.bottom; r++) {
        for (let c = fill.range.left; c <= fill.range.right; c++) expect(sheet.rows[r]?.[c]?.fill?.toUpperCase()).toBe(`#${HIGHLIGHT_FILL.slice(2)}`);
      }
    }
  });

  it('refuses, in both, to replace a sheet the tool did not make', async () => {
    const { loaded, fake, plan, highlights } = await onePlan();
    const clerks = { ...plan, sheetName: '项目支出', replaces: true };
    expect(() => writeReportSheet(loaded.workbook, clerks)).toThrow('refusing to replace "项目支出"');
    install(fake);
    await expect(runExcel(async (context) => writeResult(context, await readSnapshot(context), clerks, highlights))).rejects.toThrow('refusing to replace "项目支出"');
    expect(findSheet(fake, '项目支出')).toBeDefined();
  });
});
