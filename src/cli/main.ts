// budget-eval: the pipeline on an .xlsx file from the command line.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatAmount, formatRate } from '../core/numbers';
import type { EvaluationOptions, Finding, Lang } from '../core/model';
import { evaluationJson } from '../core/pipeline';
import { displayName } from '../core/names';
import { words } from '../core/wording';
import { validateSettings, type SettingsField, type StoredSettings } from '../core/settings';
import { evaluateXlsx } from '../gateways/xlsx/evaluateXlsx';
import { loadWorkbook, UnreadableWorkbookError } from '../gateways/xlsx/readWorkbook';
import { extensionOf, OTHER_FORMATS } from '../gateways/xlsx/sniff';
import { checkFreshness, type Freshness } from '../core/record/freshness';
import { checkOutputs, defaultWriteEnv, OutputError, writeOutputs, type OutputSpec, type WriteEnv } from './safeWrite';
import { jsonSafe, terminalSafe } from './terminal';
import { useNativeDeflate } from './nativeDeflate';

export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_BAD_INPUT = 2;
/** --check: the report no longer matches the data. */
export const EXIT_STALE = 3;

const HELP = `budget-eval — 部门整体支出绩效自评报告 from a budget workbook (.xlsx)

Usage:
  budget-eval [INPUT.xlsx] [-o OUTPUT.xlsx] [--docx REPORT.docx] [--json] [--lang zh|en] [--target PCT]
              [--explain-below PCT] [--basis adjusted|initial|adjusted-plus-carryover] [--style trim|fixed]
  budget-eval --check EVALUATED.xlsx [--lang zh|en] [--json]

  INPUT.xlsx          the workbook to evaluate (default: the bundled sample, fiscal 2021)
  -o, --output FILE   where to write the evaluated workbook (default: <input name>.evaluation.xlsx
                      in the current folder). An existing file is replaced; a symbolic link there is
                      itself replaced by the new file (the file it pointed to is left as it was).
                      Never the input itself, not even through a link or under another name; never a
                      folder, named pipe or device.
  --docx FILE         also write the report as a Word document laid out as an official document
                      (GB/T 9704: the narrative, 附表1 the score, 附表3 the projects' self-scores when
                      they have indicators, 附表4 the projects); the same rules as -o
  --json              print the evaluation as JSON on stdout (amounts in 万元, rates as fractions);
                      without -o, nothing is written
  --lang zh|en        language of the report and messages (default zh)
  --target PCT        execution-rate target, e.g. 95 or 95% (default: the workbook's 执行率目标, else 95%)
  --explain-below PCT rates below this need a written reason (default: the workbook's 说明阈值, else 90%)
                      (above the target: taken as the target, with a warning)
  --basis B           denominator of the execution rate: adjusted (调整后预算, default), initial (年初预算),
                      adjusted-plus-carryover (调整后预算 + 上年结转)
  --style S           numbers in the text: trim (126万元, 100%; default) or fixed (126.00万元, 100.00%)
  --check             check an evaluated workbook: does each report sheet still match the data it was
                      made from (its recorded data fingerprint)? Writes nothing.
  -h, --help          this help

The output is the input workbook plus a report sheet (绩效自评报告 / Evaluation report) and the
under-target projects highlighted in the project table. The input file is never written.
Outputs are written whole or not at all: every output's folder is checked first, each file is written to a
new temporary file beside it and then moved into place; if the Word document cannot be moved into place,
the workbook is put back as it was. Control characters from the workbook are shown as \\u001b-style escapes.

Exit status: 0 evaluated (warnings allowed); 2 the input cannot be evaluated, an output cannot be written
(missing or read-only folder, a folder or special file named, the input named) or the command was misused
(every problem on stderr, one a line, starting with its cell or the file name; nothing written);
1 an unexpected error (a bug: please report it).
With --check: 0 every report matches the data; 3 the data changed since a report was made (stale);
2 the file has no report made by this tool (never evaluated) or cannot be read.
`;

class UsageError extends Error {}

const SUMMARY_NAMES = 10;
const SUMMARY_FINDINGS = 20;

/** The bundled sample, wherever this file runs from (src/cli under tsx, build/src/cli when compiled). */
export function samplePath(): string {
  for (const up of ['../..', '../../..']) {
    const candidate = path.resolve(__dirname, up, 'assets', 'sample-2021.xlsx');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('the bundled sample assets/sample-2021.xlsx is missing');
}

/** `95` or `95%` → 0.95; anything else → NaN, which the settings schema refuses (by the same bound as the hosts'). */
function percentArg(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  return match ? Number(match[1]) / 100 : NaN;
}

const FLAG: Record<SettingsField, string> = { target: '--target', explainBelow: '--explain-below', basis: '--basis', lang: '--lang', style: '--style' };

/** The flags through the one settings schema: every bad flag said at once, each by its name. */
function settingsFromFlags(values: Partial<Record<'target' | 'explain-below' | 'basis' | 'lang' | 'style', string>>): StoredSettings {
  const { settings, problems } = validateSettings(
    { target: percentArg(values.target), explainBelow: percentArg(values['explain-below']), basis: values.basis, lang: values.lang, style: values.style },
    (field) => FLAG[field],
  );
  if (problems.length > 0) {
    const text = (field: SettingsField) => values[field === 'explainBelow' ? 'explain-below' : field];
    const lines = problems.map((p) =>
      p.field === 'target' || p.field === 'explainBelow'
        ? `${p.path}: expected a percent between 0 and 100 such as 95 or 95%, got "${text(p.field)}"`
        : `${p.path}: expected ${p.expected.en}, got "${text(p.field)}"`,
    );
    throw new UsageError(lines.join('\nbudget-eval: '));
  }
  return settings;
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  now: () => Date;
  /** How outputs are written (tests replace parts: a failing rename, a read-only folder, signals). */
  write?: Partial<WriteEnv>;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  now: () => new Date(),
};

function findingLine(f: Finding, file: string): string {
  return `${f.cell ?? file}: ${f.message}`;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  useNativeDeflate(); // zlib for the files read and written: a fifth of the command's time at 50,000 rows went to pako
  // Human lines may carry workbook text (names, findings, sheet names): escaped. JSON and help go out as is.
  const human: Io = { ...io, out: (line) => io.out(terminalSafe(line)), err: (line) => io.err(terminalSafe(line)) };
  try {
    return await run(argv, human, io);
  } catch (error) {
    if (error instanceof UsageError) {
      human.err(`budget-eval: ${error.message}`);
      human.err('Try budget-eval --help.');
      return EXIT_BAD_INPUT;
    }
    io.err(`budget-eval: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return EXIT_BUG;
  }
}

async function run(argv: string[], io: Io, raw: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        docx: { type: 'string' },
        check: { type: 'boolean' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        target: { type: 'string' },
        'explain-below': { type: 'string' },
        basis: { type: 'string' },
        style: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    raw.out(HELP);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`one input file at a time, got ${positionals.length}: ${positionals.join(' ')}`);
  const flags = settingsFromFlags(values);
  const lang = flags.lang ?? 'zh';
  const options: EvaluationOptions = {
    lang,
    basis: flags.basis ?? 'adjusted',
    style: flags.style ?? 'trim',
    target: flags.target,
    explainBelow: flags.explainBelow,
    reportDate: io.now(),
  };

  const input = positionals[0] ? path.resolve(io.cwd, positionals[0]) : samplePath();
  const shown = positionals[0] ?? path.basename(input);
  const w = words(lang).cli;
  const fail = (message: string) => {
    io.err(`${shown}: ${message}`);
    return EXIT_BAD_INPUT;
  };
  // The page's list (sniff.ts): the command refused fewer (.numbers, .wps passed as "not a valid .xlsx").
  const ext = extensionOf(path.basename(input));
  if (OTHER_FORMATS.includes(ext)) {
    return fail(w.unsupported(ext));
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(w.noSuchFile);
    if (code === 'EISDIR') return fail(w.isFolder);
    return fail(w.cannotRead(String(code)));
  }

  const unreadable = (error: UnreadableWorkbookError) =>
    error.reason === 'encrypted'
      ? fail(w.encrypted)
      : // Damaged or over a size limit: the reader words the whole sentence (which limit, how to split the work).
        error.reason === 'corrupt' || error.reason === 'too-large'
        ? fail(error.message)
        : fail(w.notXlsx(error.message));

  if (values.check) {
    if (values.output !== undefined || values.docx !== undefined) throw new UsageError(w.checkWritesNothing);
    let snapshot;
    try {
      snapshot = (await loadWorkbook(bytes, lang)).snapshot;
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) return unreadable(error);
      throw error;
    }
    return reportFreshness(checkFreshness(snapshot, lang), io, raw, shown, lang, values.json === true);
  }

  const wantOutput = !values.json || values.output !== undefined;
  const output = values.output
    ? path.resolve(io.cwd, values.output)
    : path.resolve(io.cwd, `${path.basename(input, path.extname(input))}.evaluation.xlsx`);
  const docx = values.docx === undefined ? null : path.resolve(io.cwd, values.docx);
  const outputs: OutputSpec[] = [];
  if (wantOutput) outputs.push({ target: output, shown: values.output ?? path.basename(output), what: 'workbook' });
  if (docx) outputs.push({ target: docx, shown: values.docx || docx, what: 'docx' });
  const writeEnv: WriteEnv = { ...defaultWriteEnv, ...io.write };
  /** An output that cannot be written: exit 2 with what to do, in the user's language (null: done). */
  const writing = async (work: Promise<unknown>): Promise<number | null> => {
    try {
      await work;
      return null;
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      io.err(error[lang]);
      return EXIT_BAD_INPUT;
    }
  };
  // Before the (possibly long) evaluation: a wrong output path is said at once. Checked again when writing.
  const refused = await writing(checkOutputs(input, outputs, writeEnv));
  if (refused !== null) return refused;

  let evaluated;
  try {
    evaluated = await evaluateXlsx(bytes, options, wantOutput);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) return unreadable(error);
    throw error;
  }
  const { result } = evaluated;
  if (values.json) raw.out(jsonSafe(JSON.stringify(evaluationJson(result, options), null, 2)));
  if (!result.ok) {
    for (const f of result.findings.filter((x) => x.severity === 'error')) io.err(findingLine(f, shown));
    return EXIT_BAD_INPUT;
  }
  const files: { spec: OutputSpec; bytes: Uint8Array }[] = [];
  if (evaluated.output) files.push({ spec: outputs[0], bytes: evaluated.output });
  // Loaded only when asked for: the docx library is not needed otherwise.
  if (docx) files.push({ spec: outputs[outputs.length - 1], bytes: await (await import('../gateways/docx/writeDocx')).writeDocx(result.narrative, result.report, result.evaluation) });
  const failed = await writing(writeOutputs(input, files, writeEnv));
  if (failed !== null) return failed;
  const display = (file: string) => (path.relative(io.cwd, file).startsWith('..') ? file : path.relative(io.cwd, file));
  if (!values.json) printSummary(result, io, shown, evaluated.output ? display(output) : null);
  if (docx && !values.json) io.out(w.wroteDocx(display(docx)));
  return EXIT_OK;
}

/** --check: one line per report sheet; exit 0 current, 3 stale, 2 never evaluated (no fingerprinted report). */
function reportFreshness(freshness: Freshness, io: Io, raw: Io, file: string, lang: Lang, json: boolean): number {
  const w = words(lang).cli;
  const code = freshness.status === 'current' ? EXIT_OK : freshness.status === 'stale' ? EXIT_STALE : EXIT_BAD_INPUT;
  if (json) {
    raw.out(jsonSafe(JSON.stringify(freshness, null, 2)));
    return code;
  }
  if (freshness.status === 'none') {
    io.err(w.noReport(file));
    return code;
  }
  for (const r of freshness.reports) io.out(`${file}!${r.sheet}: ${w.freshness[r.status]}${r.recorded ? ` (${r.recorded.slice(0, 12)})` : ''}`);
  if (freshness.status === 'stale' && freshness.fingerprint === null) {
    io.out(w.staleWithErrors);
  }
  return code;
}

function printSummary(result: Extract<Awaited<ReturnType<typeof evaluateXlsx>>['result'], { ok: true }>, io: Io, file: string, written: string | null): void {
  const ev = result.evaluation;
  const w = words(ev.options.lang).cli;
  const pct = (v: number | null) => (v === null ? '—' : formatRate(v, 'fixed'));
  const t = ev.totals;
  const under = ev.projects.filter((p) => p.underTarget);
  const count = (s: Finding['severity']) => ev.findings.filter((f) => f.severity === s).length;
  const dept = `${ev.department.name ?? file}${ev.department.year ? ` ${ev.department.year}` : ''}`;
  // A terminal line, not the report: name the first few, count the rest (the report lists them all).
  // Names as the report shows them: without a leading system code (core/names.ts).
  const shown = under.slice(0, SUMMARY_NAMES).map((p) => `${displayName(p.name)} ${pct(p.executionRate)}`);
  const more = under.length - shown.length;
  const { score } = ev;
  const points = `${formatAmount(score.total, 'trim')} / ${formatAmount(score.max, 'trim')}`;
  const unscored = formatAmount(score.unscored, 'trim');
  io.out(w.rates(dept, pct(t.executionRate), pct(t.adjustmentRate)));
  io.out(w.projects(ev.projects.length, under.length, shown, more));
  io.out(w.score(points, score.provisional, unscored, score.grade));
  io.out(w.problems(count('warning'), count('info')));
  const listed = ev.findings.filter((x) => x.severity !== 'error');
  for (const f of listed.slice(0, SUMMARY_FINDINGS)) io.out(`  ${findingLine(f, file)}`);
  if (listed.length > SUMMARY_FINDINGS) {
    io.out(w.moreFindings(listed.length - SUMMARY_FINDINGS));
  }
  if (written) io.out(w.wrote(written, result.report.sheetName));
}
