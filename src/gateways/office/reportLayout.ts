// ReportPlan → what Excel needs to draw the report sheet, worked out before any request: one values grid with
// its number formats, formats as a few rectangles (not one per cell), merges grouped for merge(across), row
// heights grouped by run. Only a translation: where things are (the chart, the print titles, the merges, each
// cell's number format) is the plan's. Pure: no Excel here, so it is tested directly.
import { GENERAL_FORMAT, MAX_ROW_HEIGHT, planRows, type CellStyle, type ChartPlan, type PlanCell, type ReportPlan } from '../../core/compose/reportPlan';
import { BORDER_RGB, HEADER_FILL, HIGHLIGHT_FILL_RGB, HIGHLIGHT_FONT_RGB, cellLook } from '../../core/compose/reportStyle';
import type { CellRange, Lang } from '../../core/model';

// Number formats and Excel's limits are the plan's (core), shared with the .xlsx gateway. Text cells get the
// text format before their values, so `=…`, `+…`, `-…`, `@…` stay text.
export { AMOUNT_FORMAT, GENERAL_FORMAT, MAX_ROW_HEIGHT, PERCENT_FORMAT, TEXT_FORMAT } from '../../core/compose/reportPlan';

export interface CellStyleSpec {
  fontName: string;
  fontSize: number;
  bold: boolean;
  horizontal: 'Left' | 'Center' | 'Right';
  vertical: 'Top' | 'Center';
  wrap: boolean;
  indent: number;
  fill: string | null;
  /** Font colour, or null for the default. */
  color: string | null;
  border: boolean;
}

export interface StyleBlock {
  range: CellRange;
  style: CellStyleSpec;
}

export interface ReportLayout {
  rowCount: number;
  colCount: number;
  values: (string | number)[][];
  /** Rows that hold formulas, as Excel's `formulas` takes them (`=…` where a formula goes, the value elsewhere). */
  formulas: Map<number, (string | number)[]>;
  numberFormats: string[][];
  /** The report's record column (hidden): its index and a text per row ('' where none). */
  keyColumn: number;
  keys: string[];
  styles: StyleBlock[];
  /** Under-target rows of the summary table: filled, with a darker font (where no rule draws them). */
  highlights: CellRange[];
  /** The summary's rule that follows the status (the plan's), when the host draws conditional formats. */
  summaryRule: ReportPlan['summaryRule'];
  merges: { range: CellRange; across: boolean }[];
  /** Points, per column. */
  columnWidths: number[];
  rowHeights: { top: number; bottom: number; height: number }[];
  /** The plan's chart, or null on a host without charts. */
  chart: ChartPlan | null;
}

export const HIGHLIGHT_FILL_COLOR = `#${HIGHLIGHT_FILL_RGB}`;
export const HIGHLIGHT_FONT_COLOR = `#${HIGHLIGHT_FONT_RGB}`;
export const HEADER_FILL_COLOR = `#${HEADER_FILL}`;
export const BORDER_COLOR = `#${BORDER_RGB}`;

const CAPITAL = { left: 'Left', center: 'Center', right: 'Right', top: 'Top', middle: 'Center' } as const;

/** The report's look (core/compose/reportStyle.ts, shared with the .xlsx gateway) in Office.js terms. */
export function styleSpec(style: CellStyle, text: boolean, lang: Lang): CellStyleSpec {
  const look = cellLook({ style, format: text ? 'text' : 'amount' }, lang);
  return {
    fontName: look.font,
    fontSize: look.size,
    bold: look.bold,
    horizontal: CAPITAL[look.horizontal],
    vertical: CAPITAL[look.vertical],
    wrap: look.wrap,
    indent: look.indent,
    fill: look.fill === null ? null : `#${look.fill}`,
    color: look.color === null ? null : `#${look.color}`,
    border: look.border,
  };
}

/** Excel's column width in characters → points (a character is 7 px at the default font, plus 5 px padding). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Rectangles of equal keys: runs along each row, stacked while the run below is the same. */
function rectangles(keys: (string | null)[][], width: number): { range: CellRange; key: string }[] {
  const out: { range: CellRange; key: string }[] = [];
  let open = new Map<string, { range: CellRange; key: string }>();
  keys.forEach((row, r) => {
    const next = new Map<string, { range: CellRange; key: string }>();
    let c = 0;
    while (c < width) {
      const key = row[c];
      if (key === null || key === undefined) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < width && row[end + 1] === key) end++;
      const id = `${c}:${end}:${key}`;
      const above = open.get(id);
      if (above) {
        above.range.bottom = r;
        next.set(id, above);
      } else {
        const block = { range: { top: r, bottom: r, left: c, right: end }, key };
        out.push(block);
        next.set(id, block);
      }
      c = end + 1;
    }
    open = next;
  });
  return out;
}

function keyTexts(plan: ReportPlan, rowCount: number): string[] {
  const keys = new Array<string>(rowCount).fill('');
  for (const key of plan.keys) keys[key.row] = key.text;
  return keys;
}

export function layoutReport(plan: ReportPlan, options: { chart?: boolean; rules?: boolean } = {}): ReportLayout {
  const rule = options.rules === false ? null : plan.summaryRule;
  const ruled = (r: number, c: number) => !!rule && r >= rule.range.top && r <= rule.range.bottom && c >= rule.range.left && c <= rule.range.right;
  const width = plan.columnWidths.length;
  const rowCount = plan.rows.length;
  const rows = planRows(plan);
  const values: (string | number)[][] = [];
  const formulas = new Map<number, (string | number)[]>();
  const numberFormats: string[][] = [];
  const styleKeys: (string | null)[][] = [];
  const highlightKeys: (string | null)[][] = [];
  const specs = new Map<string, CellStyleSpec>();

  // Cells without a plan cell take the style of the cell whose merge covers them.
  const owner: (PlanCell | undefined)[][] = rows.map((row) => {
    const cells: (PlanCell | undefined)[] = [];
    for (let c = 0; c < width; c++) cells.push(row.cells[c] ?? (row.spanAll ? row.cells[0] : undefined));
    return cells;
  });
  for (const m of plan.merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) owner[r][c] = owner[r][c] ?? rows[m.top].cells[m.left];
  }
  // A cell under a merge takes its first cell's number format, as a merge in a file does (ExcelJS copies it).
  const formatOwner = new Map<number, PlanCell>();
  for (const m of plan.merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) formatOwner.set(r * width + c, rows[m.top].cells[m.left]);
  }

  rows.forEach((row, r) => {
    const rowValues: (string | number)[] = [];
    const rowFormats: string[] = [];
    const rowStyles: (string | null)[] = [];
    const rowHighlights: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row.cells[c];
      const value = cell?.value;
      rowValues.push(typeof value === 'number' ? (Number.isFinite(value) ? value : '') : (value ?? ''));
      rowFormats.push((formatOwner.get(r * width + c) ?? cell)?.numberFormat ?? GENERAL_FORMAT);
      const styled = owner[r][c];
      if (styled) {
        const text = styled.format === 'text';
        const key = `${styled.style}|${text ? 't' : 'n'}`;
        if (!specs.has(key)) specs.set(key, styleSpec(styled.style, text, plan.lang));
        rowStyles.push(key);
      } else rowStyles.push(null);
      rowHighlights.push(styled?.highlight && !ruled(r, c) ? 'h' : null);
    }
    values.push(rowValues);
    if (row.cells.some((c) => c.formula)) formulas.set(r, rowValues.map((v, c) => (row.cells[c]?.formula ? `=${row.cells[c].formula}` : v)));
    numberFormats.push(rowFormats);
    styleKeys.push(rowStyles);
    highlightKeys.push(rowHighlights);
  });

  const merges: ReportLayout['merges'] = [];
  const singleRow = plan.merges.filter((m) => m.top === m.bottom).sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  for (const m of singleRow) {
    const last = merges.at(-1);
    if (last && last.range.left === m.left && last.range.right === m.right && last.range.bottom === m.top - 1) last.range.bottom = m.top;
    else merges.push({ range: { ...m }, across: true });
  }
  for (const m of plan.merges) if (m.top !== m.bottom) merges.push({ range: { ...m }, across: false });

  const rowHeights: ReportLayout['rowHeights'] = [];
  rows.forEach((row, r) => {
    if (!row.height) return;
    const height = Math.min(MAX_ROW_HEIGHT, row.height);
    const last = rowHeights.at(-1);
    if (last && last.height === height && last.bottom === r - 1) last.bottom = r;
    else rowHeights.push({ top: r, bottom: r, height });
  });

  return {
    rowCount,
    colCount: width,
    values,
    formulas,
    numberFormats,
    keyColumn: plan.keyColumn,
    keys: keyTexts(plan, rowCount),
    styles: rectangles(styleKeys, width).map(({ range, key }) => ({ range, style: specs.get(key) as CellStyleSpec })),
    highlights: rectangles(highlightKeys, width).map(({ range }) => range),
    summaryRule: rule,
    merges,
    columnWidths: plan.columnWidths.map(widthInPoints),
    rowHeights,
    chart: options.chart === false ? null : plan.chart,
  };
}
