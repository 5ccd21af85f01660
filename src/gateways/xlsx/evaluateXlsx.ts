// The whole job on .xlsx bytes: read, run the pipeline, write the evaluated workbook. No fs: Node and browser.
import type ExcelJS from 'exceljs';
import type { Limits } from '../../core/config';
import type { EvaluationOptions, WorkbookSnapshot } from '../../core/model';
import { runPipeline, type PipelineResult } from '../../core/pipeline';
import { leanWrite, leanWriteAvailable } from './excelAdapter';
import { loadWorkbook } from './readWorkbook';
import { writeHighlights, writeReportSheet, writeReportShell } from './writeWorkbook';

export interface XlsxEvaluation {
  result: PipelineResult;
  /** The evaluated workbook, when the input could be evaluated and an output was asked for. */
  output: Uint8Array | null;
}

/** `limits`: the size limits (the defaults of core/config.ts unless given; tests lower them). */
export async function evaluateXlsx(bytes: Uint8Array, options: EvaluationOptions, produceOutput = true, limits?: Limits): Promise<XlsxEvaluation> {
  const loaded: { workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot | null } = await loadWorkbook(bytes, options.lang, limits);
  const { workbook } = loaded;
  const result = runPipeline(loaded.snapshot!, options);
  // The snapshot (every cell of every sheet, again) is not needed for the write: let the collector have it.
  loaded.snapshot = null;
  if (!result.ok || !produceOutput) return { result, output: null };
  // The workbook is not used after this write: its sheets' cells may go as soon as they are rendered.
  return { result, output: await writeEvaluation(workbook, result, true) };
}

/**
 * Applies an evaluation's plans (report sheet, highlight) to the workbook it was read from; its bytes. Written
 * sheet by sheet where this ExcelJS allows (the command; the same bytes as ExcelJS's writeBuffer); `consume`:
 * the workbook's cells may be dropped as they are written (the caller no longer needs the workbook).
 */
export async function writeEvaluation(workbook: ExcelJS.Workbook, result: Extract<PipelineResult, { ok: true }>, consume = false): Promise<Uint8Array> {
  if (leanWriteAvailable(workbook)) {
    // The report sheet's rows written straight from the plan, the same text as its ExcelJS cells would give.
    const rows = writeReportShell(workbook, result.report);
    if (!rows) writeReportSheet(workbook, result.report);
    writeHighlights(workbook, result.highlights);
    return leanWrite(workbook, consume, rows ? new Map([[result.report.sheetName, rows]]) : undefined);
  }
  writeReportSheet(workbook, result.report);
  writeHighlights(workbook, result.highlights);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
