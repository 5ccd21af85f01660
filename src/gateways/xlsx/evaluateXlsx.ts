// The whole job on .xlsx bytes: read, run the pipeline, write the evaluated workbook. No fs: Node and browser.
import type { EvaluationOptions } from '../../core/model';
import { runPipeline, type PipelineResult } from '../../core/pipeline';
import { loadWorkbook } from './readWorkbook';
import { writeHighlights, writeReportSheet } from './writeWorkbook';

export interface XlsxEvaluation {
  result: PipelineResult;
  /** The evaluated workbook, when the input could be evaluated and an output was asked for. */
  output: Uint8Array | null;
}

export async function evaluateXlsx(bytes: Uint8Array, options: EvaluationOptions, produceOutput = true): Promise<XlsxEvaluation> {
  const { workbook, snapshot } = await loadWorkbook(bytes, options.lang);
  const result = runPipeline(snapshot, options);
  if (!result.ok || !produceOutput) return { result, output: null };
  writeReportSheet(workbook, result.report, result.replacesSheet);
  writeHighlights(workbook, result.highlights);
  const buffer = await workbook.xlsx.writeBuffer();
  return { result, output: new Uint8Array(buffer as ArrayBuffer) };
}
