// Small workbooks the command tests write to a temporary folder.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { WriteEnv } from '../../src/cli/safeWrite';

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'budget-eval-test-'));
}

export type Row = (string | number | null | ExcelJS.CellValue)[];

/** A workbook with one sheet per entry, rows written from A1. */
export async function writeWorkbook(file: string, sheets: Record<string, Row[]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row) => ws.addRow(row));
  }
  await wb.xlsx.writeFile(file);
}

export const PROJECT_HEADER = ['项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'];

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** The command in-process; `write` replaces parts of how outputs are written (a failing rename, signals…). */
export async function runCli(argv: string[], cwd: string, write?: Partial<WriteEnv>): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd, now: () => new Date(2026, 10, 29), write });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every text of a sheet, one string per cell, in reading order. */
export function sheetTexts(ws: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => {
    if (cell.type !== ExcelJS.ValueType.Merge) texts.push(String(cell.text));
  }));
  return texts;
}

export type ConditionalFormatting = { ref: string; rules: { type: string; formulae?: string[] }[] };

export function conditionalFormats(ws: ExcelJS.Worksheet): ConditionalFormatting[] {
  return (ws as unknown as { conditionalFormattings?: ConditionalFormatting[] }).conditionalFormattings ?? [];
}

/**
 * Rewrites the workbook's shared strings, e.g. to put `_x001B_` (ESC as OOXML writes it) into a cell: ExcelJS
 * drops control characters on writing, Excel keeps them.
 */
export async function patchSharedStrings(file: string, replacements: Record<string, string>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  let xml = await zip.file('xl/sharedStrings.xml')!.async('string');
  for (const [from, to] of Object.entries(replacements)) xml = xml.split(from).join(to);
  zip.file('xl/sharedStrings.xml', xml);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}
