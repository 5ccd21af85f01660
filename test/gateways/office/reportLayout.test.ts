// The report sheet as Excel needs it, worked out before any request: few format rectangles however many rows,
// merges grouped for merge(across), heights within Excel's 409 points, text formatted as text.
import { numberFormatOf, PAGE_SETUP_MARGINS, type PlanCell, type ReportPlan } from '../../../src/core/compose/reportPlan';
import { AMOUNT_FORMAT, layoutReport, MAX_ROW_HEIGHT, PERCENT_FORMAT, TEXT_FORMAT, widthInPoints } from '../../../src/gateways/office/reportLayout';

type Draft = Omit<PlanCell, 'numberFormat'>;

function plan(projects: number): ReportPlan {
  const rows: { cells: Draft[]; spanAll?: boolean; height?: number }[] = [
    { cells: [{ value: 'Title', format: 'text', style: 'title' }], spanAll: true, height: 30 },
    { cells: [{ value: 'A very long paragraph', format: 'text', style: 'paragraph' }], spanAll: true, height: 900 },
    { cells: [{ value: 'Another', format: 'text', style: 'paragraph' }], spanAll: true, height: 900 },
    { cells: [] },
    {
      cells: ['Project', 'Actual', 'Rate', 'Target'].map((value) => ({ value, format: 'text' as const, style: 'tableHeader' as const })),
      height: 30,
    },
  ];
  for (let i = 0; i < projects; i++) {
    const h = i % 3 === 0;
    rows.push({
      cells: [
        { value: `=P${i}`, format: 'text', style: 'tableCell', ...(h ? { highlight: true } : {}) },
        { value: 100 + i, format: 'amount', style: 'tableCell', ...(h ? { highlight: true } : {}) },
        { value: i % 3 === 0 ? 0.9 : 1, format: 'percent', style: 'tableCell', ...(h ? { highlight: true } : {}) },
        { value: 0.95, format: 'percent', style: 'tableCell', ...(h ? { highlight: true } : {}) },
      ],
    });
  }
  rows.push({ cells: [{ value: 'Total', format: 'text', style: 'tableTotal' }, { value: null, format: 'amount', style: 'tableTotal' }] });
  rows.push({ cells: [{ value: 'Error', format: 'text', style: 'tableCell' }, { value: 'x', format: 'text', style: 'tableCell' }, { value: 'msg', format: 'text', style: 'tableCell' }] });
  rows.push({ cells: [{ value: 'Error', format: 'text', style: 'tableCell' }, { value: 'y', format: 'text', style: 'tableCell' }, { value: 'msg', format: 'text', style: 'tableCell' }] });
  const last = rows.length - 1;
  const region = { header: 4, first: 5, last: 4 + projects, total: 5 + projects, widths: [30, 12, 10, 10], columns: [0, 1, 2, 3], note: '' };
  return {
    sheetName: 'R',
    lang: 'en',
    replaces: false,
    columnWidths: [30, 12, 10, 10],
    rows: rows.map((row) => ({ ...row, cells: row.cells.map((c) => ({ ...c, numberFormat: numberFormatOf(c) })) })),
    bodies: [],
    regions: {
      score: region,
      scoreTotal: { row: region.total, col: 1 },
      summary: { ...region, named: { name: 0, initial: -1, adjustment: -1, adjusted: -1, carryover: -1, actual: 1, rate: 2, target: 3, status: -1 } },
    },
    chart:
      projects > 60
        ? null
        : {
            name: 'BudgetEval_Chart',
            title: 'Chart',
            kind: 'barClustered',
            data: { top: 4, bottom: 4 + projects, left: 2, right: 3 },
            categories: { top: 5, bottom: 4 + projects, left: 0, right: 0 },
            series: [],
            reversed: true,
            anchor: { top: last + 2, bottom: last + 20, left: 0, right: 3 },
          },
    pageSetup: { paper: 'A4', orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, margins: PAGE_SETUP_MARGINS, printTitleRows: { top: 4, bottom: 4 }, showGridlines: false },
    blockRows: [0, 1, 2],
    summaryRule: null,
    fingerprint: 'f'.repeat(64),
    keys: [{ row: 0, text: `budget-eval:fingerprint:${'f'.repeat(64)}` }],
    keyColumn: 10,
    merges: [
      ...[0, 1, 2].map((r) => ({ top: r, bottom: r, left: 0, right: 3 })),
      { top: last - 1, bottom: last - 1, left: 2, right: 3 },
      { top: last, bottom: last, left: 2, right: 3 },
    ],
  };
}

describe('layoutReport', () => {
  it('formats text as text and numbers by their kind', () => {
    const layout = layoutReport(plan(3));
    expect(layout.values[5]).toEqual(['=P0', 100, 0.9, 0.95]);
    expect(layout.numberFormats[5]).toEqual([TEXT_FORMAT, AMOUNT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT]);
    expect(layout.values[8]).toEqual(['Total', '', '', '']);
    expect(layout.columnWidths).toEqual([30, 12, 10, 10].map(widthInPoints));
  });

  it('needs the same few format rectangles for 30 rows or 30,000', () => {
    const few = layoutReport(plan(30));
    const many = layoutReport(plan(30000));
    expect(many.styles.length).toBe(few.styles.length);
    expect(many.styles.length).toBeLessThan(15);
    expect(many.highlights.length).toBe(10000);
  });

  it('groups merges for merge(across) and keeps heights within 409 points', () => {
    const layout = layoutReport(plan(3));
    expect(layout.merges).toEqual([
      { range: { top: 0, bottom: 2, left: 0, right: 3 }, across: true },
      { range: { top: 9, bottom: 10, left: 2, right: 3 }, across: true },
    ]);
    expect(layout.rowHeights).toEqual([
      { top: 0, bottom: 0, height: 30 },
      { top: 1, bottom: 2, height: MAX_ROW_HEIGHT },
      { top: 4, bottom: 4, height: 30 },
    ]);
  });

  it('takes the chart as the plan places it, or none on a host without charts', () => {
    const report = plan(3);
    expect(layoutReport(report).chart).toBe(report.chart);
    expect(layoutReport(plan(100)).chart).toBeNull();
    expect(layoutReport(report, { chart: false }).chart).toBeNull();
  });
});
