// The one pipeline every host runs: snapshot → parse → evaluate → compose. Pure.
import { chooseReportSheetName, MAX_CELL_TEXT, TRUNCATION_MARK, type HighlightPlan, type ReportPlan } from './compose/reportPlan';
import { composeReport, type ComposeOptions } from './compose/composeReport';
import { composeNarrative, type Block } from './compose/narrative';
import { cellRef } from './address';
import { fingerprintInput } from './record/fingerprint';
import { keepEdits, type KeptParagraph } from './record/keptEdits';
import { readReportRecord } from './record/reportRecord';
import { planHighlights } from './compose/highlight';
import { DEFAULT_CONFIG, type Config } from './config';
import { evaluate, nonFiniteNumbers } from './evaluate';
import { hasErrors, makeFinding, sortFindings } from './findings';
import type { Evaluation, EvaluationOptions, Finding, Worded, WorkbookSnapshot } from './model';
import { inBoth } from './wording';
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
  // The kept paragraphs' cells are where the plan put their blocks (report.blockRows).
  const keptCellsIn = (report: ReportPlan) => kept.map((k) => ({ ...k, cell: cellRef(name, report.blockRows[k.block], 0) }));
  const keptFindings = (report: ReportPlan) =>
    keptCellsIn(report).map((k) => makeFinding(k.id === null ? 'kept-addition' : 'kept-edit', k.cell, lang, { where: keptPlace(k) }));
  const fingerprint = fingerprintInput(parsed.input);
  const { evaluation, report } = composeWithCuts(raw, name, { narrative, fingerprint, replaces }, keptFindings);
  const keptCells = keptCellsIn(report);
  // Belt and braces: a NaN or ±Infinity in what would be written is a bug of ours; refuse rather than write it.
  // The rows' numbers were checked as the plan made them (report.nonFinite); the rest of the plan is small.
  const bad = [...(report.nonFinite ?? []), ...nonFiniteNumbers({ narrative, report: { ...report, rows: [], bodies: [], nonFinite: undefined } })];
  if (bad.length > 0) {
    const where = bad.slice(0, 5).map((b) => b.path).join(', ');
    return { ok: false, findings: sortFindings([...evaluation.findings, makeFinding('invalid-number', null, lang, { kind: 'not-finite', column: where, text: inBoth((w) => w.nonFinite.some) })]) };
  }
  return {
    ok: true,
    evaluation,
    narrative,
    report,
    highlights: planHighlights(evaluation, snapshot),
    findings: evaluation.findings,
    kept: keptCells,
    fingerprint,
  };
}

/**
 * The report, with the findings that name its own cells: the kept paragraphs (`placed`, from the plan's
 * block rows) and a `text-truncated` warning at each cell whose text the plan cut at Excel's limit. Those
 * findings are listed in 附表2 like the others, which moves the rows below it: the plan is composed again
 * until the cells the findings name are the ones found (the second pass has as many rows as the last, so at
 * most three passes, and only when a paragraph was kept or something was cut).
 */
function composeWithCuts(ev: Evaluation, name: string, options: ComposeOptions, placed: (report: ReportPlan) => Finding[]): { evaluation: Evaluation; report: ReportPlan } {
  const { lang } = ev.options;
  let evaluation = ev;
  let named: string[] = [];
  for (let pass = 1; ; pass++) {
    const report = composeReport(evaluation, name, options);
    const cut = [
      ...placed(report),
      ...(report.truncated ?? []).map((t) =>
        makeFinding('text-truncated', cellRef(name, t.row, t.col), lang, { length: t.length, limit: MAX_CELL_TEXT, mark: inBoth((_, l) => TRUNCATION_MARK[l]) }),
      ),
    ];
    const cells = cut.map((f) => `${f.code} ${f.cell ?? ''}`);
    // Stable by the third pass; the bound only guards against a loop should that ever change.
    if ((cells.length === named.length && cells.every((c, i) => c === named[i])) || pass === 4) return { evaluation, report };
    named = cells;
    evaluation = { ...ev, findings: sortFindings([...ev.findings, ...cut]) };
  }
}

function keptPlace(k: KeptParagraph): Worded {
  const { heading, ordinal } = k;
  return inBoth((w) => (heading === null ? w.keptPlaceGone : w.keptPlace(heading, ordinal)));
}

/** Findings as the JSON has always shown them: the message in the report's language, without its parameters. */
function jsonFindings(findings: readonly Finding[]): Omit<Finding, 'params'>[] {
  return findings.map(({ severity, code, cell, message }) => ({ severity, code, cell, message }));
}

/** The evaluation as the command's --json prints it: amounts in 万元 and rates as fractions, unrounded. */
export function evaluationJson(result: PipelineResult, options: EvaluationOptions): unknown {
  if (!result.ok) {
    return {
      department: { name: null, year: null, unit: '万元', target: options.target ?? null, explainBelow: options.explainBelow ?? null, basis: options.basis },
      totals: null,
      projects: [],
      score: null,
      findings: jsonFindings(result.findings),
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
      source: p.source ?? { kind: 'table', sheet: p.location.sheet },
      indicators: p.indicators.map((i) => ({
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        target: i.target,
        actual: i.actual,
        points: i.points,
        score: i.score,
        ruleScore: i.ruleScore,
        ruleRange: i.ruleRange,
        met: i.met,
        reason: i.reason,
        cell: i.cell,
      })),
      selfScore: p.selfScore,
    })),
    score: {
      total: ev.score.total,
      max: ev.score.max,
      unscored: ev.score.unscored,
      grade: ev.score.grade,
      provisional: ev.score.provisional,
      rows: ev.score.rows.map((r) => ({ name: r.name, kind: r.kind, points: r.points, actual: r.actual, score: r.score, note: r.note })),
    },
    findings: jsonFindings(ev.findings),
  };
}
