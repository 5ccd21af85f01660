// A written workbook recalculated by a spreadsheet engine (HyperFormula, tests only): the report's formulas and
// the highlight rules, computed by something other than our own code.
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';

export interface FormulaCell {
  address: string;
  formula: string;
  result: unknown;
}

export function formulaCells(ws: ExcelJS.Worksheet): FormulaCell[] {
  const out: FormulaCell[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) out.push({ address: cell.address, formula: cell.formula, result: cell.result });
    }),
  );
  return out;
}

/** The workbook as HyperFormula takes it; sheet names quoted in formulas (it reads only ASCII names bare). */
export function spreadsheet(wb: ExcelJS.Workbook): HyperFormula {
  const names = wb.worksheets.map((ws) => ws.name);
  const quote = (formula: string) => names.reduce((f, name) => f.replace(new RegExp(`(^|[^'])${name}!`, 'g'), `$1'${name}'!`), formula);
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: (string | number | boolean | null)[][] = [];
    ws.eachRow((row, r) => {
      const cells: (string | number | boolean | null)[] = [];
      row.eachCell((cell, c) => {
        const v = cell.value;
        if (cell.type === ExcelJS.ValueType.Formula) cells[c - 1] = `=${quote(cell.formula)}`;
        else if (cell.type === ExcelJS.ValueType.Merge) cells[c - 1] = null;
        else if (typeof v === 'number' || typeof v === 'boolean') cells[c - 1] = v;
        // Text as text: a leading apostrophe keeps HyperFormula from reading "95%" as a number.
        else if (typeof v === 'string') cells[c - 1] = `'${v}`;
        else cells[c - 1] = null;
      });
      rows[r - 1] = Array.from(cells, (x) => x ?? null);
    });
    sheets[ws.name] = Array.from(rows, (x) => x ?? []);
  }
  return HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
}

export function valueAt(hf: HyperFormula, sheet: string, address: string): unknown {
  const at = hf.simpleCellAddressFromString(address, hf.getSheetId(sheet) as number);
  if (!at) throw new Error(address);
  return hf.getCellValue(at);
}


/**
 * A conditional-format formula (relative to `top`, 1-based row, on `sheet`) as the spreadsheet computes it at
 * each of `rows`: written once in a spare column at `top`, then copied down, so the engine shifts the relative
 * references as Excel applies a rule to each cell of its range.
 */
export function ruleAt(hf: HyperFormula, sheet: string, formula: string, top: number, rows: number[]): unknown[] {
  const id = hf.getSheetId(sheet) as number;
  const col = hf.getSheetDimensions(id).width + 5;
  const source = { sheet: id, col, row: top - 1 };
  hf.setCellContents(source, `=${formula}`);
  return rows.map((row) => {
    if (row === top) return hf.getCellValue(source);
    hf.copy({ start: source, end: source });
    const target = { sheet: id, col, row: row - 1 };
    hf.paste(target);
    return hf.getCellValue(target);
  });
}
