// The one pipeline every host runs: snapshot → parse → evaluate → compose. Pure.
import { chooseReportSheetName, MAX_CELL_TEXT, TRUNCATION_MARK, type HighlightPlan, type ReportPlan } from './compose/reportPlan';
import { composeReport, narrativeRows, type ComposeOptions } from './compose/composeReport';
import { composeNarrative, type Block } from './compose/narrative';
import { cellRef } from './address';
import { fingerprintInput } from './record/fingerprint';
import { keepEdits, type KeptParagraph } from './record/keptEdits';
import { readReportRecord } from './record/reportRecord';
import { planHighlights } from './compose/highlight';
import { DEFAULT_CONFIG, type Config } from './config';
import { evaluate, nonFiniteNumbers } from './evaluate';
import { hasErrors, makeFinding, sortFindings } from './findings';
import type { Evaluation, EvaluationOptions, Finding, WorkbookSnapshot } from './model';
import { parseWorkbook } from './parse/parseWorkbook';

export type PipelineResult =
  | {
      ok: true;
      evaluation: Evaluation;
      /** The narrative as written: generated, with the clerk's rewritten paragraphs kept. */
      narrative: Block[];
      report: ReportPlan;
      highlights: HighlightPlan;
      findings: Finding[];
      replacesSheet: boolean;
      /** The clerk's paragraphs kept from the report this one replaces, with their cells in the new one. */
      kept: (KeptParagraph & { cell: string })[];
      fingerprint: string;
    }
  | { ok: false; findings: Finding[] };

export function runPipeline(snapshot: WorkbookSnapshot, options: EvaluationOptions, config: Config = DEFAULT_CONFIG): PipelineResult {
  const { lang } = options;
  const parsed = parseWorkbook(snapshot, lang, config);
  const contentFindings = snapshot.unkeptContent.map((c) => makeFinding('content-not-kept', null, lang, { what: c.what, where: c.where }));
  const parseFindings = [...parsed.findings, ...contentFindings];
  if (hasErrors(parseFindings)) return { ok: false, findings: sortFindings(parseFindings) };
  const raw = evaluate(parsed.input, options, parseFindings, config);
  // The evaluation's own errors (a sum beyond the amount limit, a rate that is not a number): no report either.
  if (hasErrors(raw.findings)) return { ok: false, findings: sortFindings(raw.findings) };
  const { name, replaces } = chooseReportSheetName(
    lang,
    snapshot.sheets.map((s) => s.name),
    snapshot.toolSheets,
  );
  // The report this one replaces: the clerk's rewritten paragraphs in it are kept.
  const previousSheet = replaces ? snapshot.sheets.find((s) => s.name === name) : undefined;
  const { blocks: narrative, kept } = keepEdits(composeNarrative(raw, config.lists), previousSheet ? readReportRecord(previousSheet) : null);
  const rowOf = narrativeRows(narrative);
  const keptCells = kept.map((k) => ({ ...k, cell: cellRef(name, rowOf[k.block], 0) }));
  const keptFindings = keptCells.map((k) => makeFinding(k.id === null ? 'kept-addition' : 'kept-edit', k.cell, lang, { where: keptPlace(k, lang) }));
  const fingerprint = fingerprintInput(parsed.input);
  const { evaluation, report } = composeWithCuts({ ...raw, findings: sortFindings([...raw.findings, ...keptFindings]) }, name, { narrative, fingerprint });
  // Belt and braces: a NaN or ±Infinity in what would be written is a bug of ours; refuse rather than write it.
  const bad = nonFiniteNumbers({ narrative, report });
  if (bad.length > 0) {
    const where = bad.slice(0, 5).map((b) => b.path).join(', ');
    return { ok: false, findings: sortFindings([...evaluation.findings, makeFinding('invalid-number', null, lang, { kind: 'not-finite', column: where, text: lang === 'zh' ? '非有限数' : 'a non-finite value' })]) };
  }
  return {
    ok: true,
    evaluation,
    narrative,
    report,
    highlights: planHighlights(evaluation, snapshot),
    findings: evaluation.findings,
    replacesSheet: replaces,
    kept: keptCells,
    fingerprint,
  };
}

/**
 * The report, with a `text-truncated` warning at each cell whose text the plan cut at Excel's limit. Those
 * findings are listed in 附表2 like the others, which moves the rows below it: the plan is composed again
 * until the cells the findings name are the ones cut (the second pass has as many rows as the last, so at
 * most three passes, and only when something was cut).
 */
function composeWithCuts(ev: Evaluation, name: string, options: ComposeOptions): { evaluation: Evaluation; report: ReportPlan } {
  const { lang } = ev.options;
  let evaluation = ev;
  let named: string[] = [];
  for (let pass = 1; ; pass++) {
    const report = composeReport(evaluation, name, options);
    const cut = (report.truncated ?? []).map((t) =>
      makeFinding('text-truncated', cellRef(name, t.row, t.col), lang, { length: t.length, limit: MAX_CELL_TEXT, mark: TRUNCATION_MARK[lang] }),
    );
    const cells = cut.map((f) => f.cell as string);
    // Stable by the third pass; the bound only guards against a loop should that ever change.
    if ((cells.length === named.length && cells.every((c, i) => c === named[i])) || pass === 4) return { evaluation, report };
    named = cells;
    evaluation = { ...ev, findings: sortFindings([...ev.findings, ...cut]) };
  }
}

function keptPlace(k: KeptParagraph, lang: EvaluationOptions['lang']): string {
  if (k.heading === null) return lang === 'zh' ? '原文已无对应位置，移至落款前' : 'its place is gone; moved before the signature';
  return lang === 'zh' ? `${k.heading} 第 ${k.ordinal} 段` : `${k.heading}, paragraph ${k.ordinal}`;
}

/** The evaluation as the command's --json prints it: amounts in 万元 and rates as fractions, unrounded. */
export function evaluationJson(result: PipelineResult, options: EvaluationOptions): unknown {
  if (!result.ok) {
    return {
      department: { name: null, year: null, unit: '万元', target: options.target ?? null, explainBelow: options.explainBelow ?? null, basis: options.basis },
      totals: null,
      projects: [],
      score: null,
      findings: result.findings,
    };
  }
  const ev = result.evaluation;
  const t = ev.totals;
  return {
    department: ev.department,
    totals: {
      initialBudget: t.initialBudget,
      adjustment: t.adjustment,
      adjustedBudget: t.adjustedBudget,
      carryover: t.carryover,
      actual: t.actual,
      adjustmentRate: t.adjustmentRate,
      executionRate: t.executionRate,
      source: t.source,
    },
    projects: ev.projects.map((p) => ({
      name: p.name,
      cell: p.cell,
      initialBudget: p.initialBudget,
      adjustment: p.adjustment,
      adjustedBudget: p.adjustedBudget,
      carryover: p.carryover,
      actual: p.actual,
      adjustmentRate: p.adjustmentRate,
      executionRate: p.executionRate,
      target: p.effectiveTarget,
      underTarget: p.underTarget,
    })),
    score: {
      total: ev.score.total,
      max: ev.score.max,
      unscored: ev.score.unscored,
      grade: ev.score.grade,
      provisional: ev.score.provisional,
      rows: ev.score.rows.map((r) => ({ name: r.name, kind: r.kind, points: r.points, actual: r.actual, score: r.score, note: r.note })),
    },
    findings: ev.findings,
  };
}
