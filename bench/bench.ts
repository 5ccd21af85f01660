// `npm run bench`: how long the budget-eval command takes on large workbooks, against ExcelJS alone.
//
// For 5,000 and 50,000 project rows (override with BENCH_SIZES=1000,10000) and two distributions of rates
// (BENCH_DISTRIBUTIONS=typical,under: about 10% under target, or 70% under target with a third of all rows
// below the explain-below threshold; bench/generate.ts) it generates a workbook in the sample's layout under
// os.tmpdir(), then measures, after one warm-up, the median of N runs of
//   - the whole command, `node bin/budget-eval.js FILE -o OUT`, in a child process (wall time);
//   - the regeneration: the command again over its own output (`OUT -o OUT2`: the previous report is read,
//     replaced, the clerk's edits looked for);
//   - a bare ExcelJS read + write of the same file (the input, and for the regeneration the evaluated file),
//     in a child process too (build/bench/bare-roundtrip.js);
//   - the pure pipeline (runPipeline) in a fresh process that holds only the snapshot (build/bench/pipeline-probe.js),
//     wall and CPU time: the mean of runs back to back after a warm-up, each paying for its own collections; the
//     figure is the median of that mean over several such processes (BENCH_PIPELINE_PROBES, default 3; first run
//     and regeneration taken in turn), so that a slow minute of the shared machine moves one of them, not the figure
//     (and, for comparison with earlier figures, the median of runs each timed after a forced full collection);
// and the command's CPU time and peak RSS (GNU /usr/bin/time -f '%U %S %M' when present, else
// process.resourceUsage() reported by a preloaded probe; BENCH_RSS=node forces the latter). CPU time is the
// steadier figure when other work shares the cores. Time per row at the largest size is
// compared with the smallest (linear cost: the ratio near 1). BENCH_RUNS=N sets the runs per size (default 5,
// 3 at 50,000 rows), BENCH_WARMUP=0 leaves out the warm-up runs but the first (whose output is regenerated).
// Then a workbook of 200 项目支出绩效自评表 forms (BENCH_FORMS=N, 0 to skip; BENCH_ONLY=forms runs it alone): the
// command, the bare round trip and the pipeline on it, with the time per form.
// BENCH_ONLY=limits runs only the worst cases under the size limits (measureLimits): peak memory and time.
// Prints a Markdown table and the aims, and writes the figures as JSON to a temp folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, promises as fs, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EvaluationOptions } from '../src/core/model';
import { runPipeline } from '../src/core/pipeline';
import JSZip from 'jszip';
import { DEFAULT_CONFIG } from '../src/core/config';
import { loadWorkbook } from '../src/gateways/xlsx/readWorkbook';
import { declaredSize } from '../src/gateways/xlsx/zipParts';
import { generateFormsWorkbook, generateWorkbook, type Distribution, type GeneratedWorkbook } from './generate';

/** The forms bench times the pipeline in this process (the rows' pipeline time is pipeline-probe.ts's). */
const OPTIONS: EvaluationOptions = { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(Date.UTC(2022, 2, 1)) };

const AIM_PIPELINE_MS_PER_10K = 50;
const AIM_RATIO = 1.5;
const AIM_RATIO_ROWS = 50_000;
const AIM_PER_ROW_GROWTH = 1.3;
const AIM_PEAK_RSS_MB = 1536;

const ROOT = path.resolve(__dirname, '..', '..'); // build/bench → the project
const CLI = path.join(ROOT, 'bin', 'budget-eval.js');
const BARE = path.join(__dirname, 'bare-roundtrip.js');
const PROBE = path.join(__dirname, 'rss-probe.js');
const PIPELINE_PROBE = path.join(__dirname, 'pipeline-probe.js');
const GNU_TIME = '/usr/bin/time';

type RssMethod = 'gnu-time' | 'node-maxRSS';

interface ChildRun {
  ms: number;
  rssKb: number | null;
  /** User + system CPU time of the child: steadier than wall time when other work shares the cores. */
  cpuMs: number | null;
}

type Run = 'first' | 'regenerate';

/** How many fresh processes time the pipeline on each workbook: the figure is the median of their means. */
const PIPELINE_PROBES = Number(process.env.BENCH_PIPELINE_PROBES) || 3;

/** What pipeline-probe.ts prints, in ms: the back-to-back runs (wall and CPU), and runs after a forced collection. */
interface PipelineRuns {
  times: number[];
  cpuTimes: number[];
  afterGcTimes: number[];
}

interface SizeResult {
  distribution: Distribution;
  run: Run;
  rows: number;
  fileBytes: number;
  runs: number;
  underTarget: number;
  missingReasons: number;
  commandMs: number[];
  bareMs: number[];
  commandS: number;
  bareS: number;
  ratio: number;
  /** Median CPU seconds (user + system) of the command and of the bare round trip, and their ratio. */
  commandCpuS: number | null;
  bareCpuS: number | null;
  cpuRatio: number | null;
  /** The pipeline's runs, back to back, in the probe process whose mean is the median of the probes' (pipeline-probe.ts). */
  pipelineMs: number[];
  /** Each probe process's mean, per 10k rows, in the order taken: the figure is their median. */
  pipelineProbesMsPer10k: number[];
  pipelineMeanMs: number;
  pipelineMsPer10k: number;
  /** The same runs' CPU time (the probe process's user + system), per 10k rows. */
  pipelineCpuMsPer10k: number;
  /** The median of runs each timed after a forced full collection (how the figure was taken until 2026-11-29). */
  pipelineAfterGcMsPer10k: number;
  commandPeakRssMb: number | null;
  barePeakRssMb: number | null;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** GNU time when it is there and works (`-f %M -o FILE`); otherwise the in-process probe. */
function chooseRssMethod(scratch: string): RssMethod {
  if (process.env.BENCH_RSS === 'node') return 'node-maxRSS';
  if (!existsSync(GNU_TIME)) return 'node-maxRSS';
  const out = path.join(scratch, 'time-check.txt');
  const check = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, process.execPath, '-e', '0'], { stdio: 'ignore' });
  const ok = check.status === 0 && existsSync(out) && /^\d+\s*$/.test(readFileSync(out, 'utf8').trim().split('\n').at(-1) ?? '');
  return ok ? 'gnu-time' : 'node-maxRSS';
}

/** Runs `node ARGS…` to completion; wall time from spawn to exit, and the child's peak RSS in KiB. */
function runNode(args: string[], method: RssMethod, rssFile: string, cwd: string): Promise<ChildRun> {
  rmSync(rssFile, { force: true });
  const [command, argv, env] =
    method === 'gnu-time'
      ? [GNU_TIME, ['-f', '%U %S %M', '-o', rssFile, process.execPath, ...args], process.env]
      : [process.execPath, ['--require', PROBE, ...args], { ...process.env, BENCH_RSS_FILE: rssFile }];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume(); // the command's summary: drained, not kept
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 20_000) stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) {
        reject(new Error(`${path.basename(args[0])} exited with ${code}:\n${stderr.slice(0, 4000)}`));
        return;
      }
      // Lines of `USER SYS RSS` (GNU time: seconds, seconds, KiB, one line for the command and the processes it
      // waited for; the probe: ms, ms, KiB, a line per process — the launcher's and the command's): CPU summed,
      // the peak RSS of the largest process, as GNU time gives it.
      let rssKb: number | null = null;
      let cpuMs: number | null = null;
      if (existsSync(rssFile)) {
        const scale = method === 'gnu-time' ? 1000 : 1;
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        const usage = (method === 'gnu-time' ? lines.slice(-1) : lines).map((line) => line.split(/\s+/));
        if (usage.length > 0 && usage.every((fields) => fields.length === 3 && fields.every((f) => /^\d+(\.\d+)?$/.test(f)))) {
          cpuMs = usage.reduce((sum, fields) => sum + (Number(fields[0]) + Number(fields[1])) * scale, 0);
          rssKb = Math.max(...usage.map((fields) => Number(fields[2])));
        }
      }
      resolve({ ms, rssKb, cpuMs });
    });
  });
}

async function measureSize(generated: GeneratedWorkbook, runs: number, method: RssMethod, dir: string): Promise<SizeResult[]> {
  const { file, rows, distribution } = generated;
  const tag = `${distribution}-${rows}`;
  const commandOut = path.join(dir, `command-${tag}.out.xlsx`);
  const regenOut = path.join(dir, `command-${tag}.regen.xlsx`);
  const bareOut = path.join(dir, `bare-${tag}.out.xlsx`);
  const rssFile = path.join(dir, `rss-${tag}.txt`);
  const command = (input: string, output: string) => () => runNode([CLI, input, '-o', output], method, rssFile, dir);
  const bare = (input: string) => () => runNode([BARE, input, bareOut], method, rssFile, dir);

  // The first run's output is the regeneration's input (kept aside: each timed run writes a fresh file).
  const evaluated = path.join(dir, `evaluated-${tag}.xlsx`);
  process.stdout.write(`  ${tag}: warm-up`);
  await command(file, evaluated)();
  const timed = async (label: string, cmd: () => Promise<ChildRun>, base: () => Promise<ChildRun>, out: string) => {
    // A warm-up of each (file cache, disk); BENCH_WARMUP=0 leaves it out where time is short.
    if (process.env.BENCH_WARMUP !== '0') {
      await cmd();
      await base();
    }
    const commandRuns: ChildRun[] = [];
    const bareRuns: ChildRun[] = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved, so that drift on the machine touches both alike.
      rmSync(out, { force: true });
      commandRuns.push(await cmd());
      rmSync(bareOut, { force: true });
      bareRuns.push(await base());
      process.stdout.write(` · ${label} ${i + 1}/${runs}`);
    }
    if (!existsSync(out)) throw new Error(`the command wrote no ${out}`);
    return { commandRuns, bareRuns };
  };
  const first = await timed('run', command(file, commandOut), bare(file), commandOut);
  const again = await timed('regenerate', command(evaluated, regenOut), bare(evaluated), regenOut);

  // The pure pipeline, in a fresh process that holds only the snapshot (build/bench/pipeline-probe.js): in this
  // process the generated workbooks and ExcelJS's objects would make the garbage collector's work its own.
  process.stdout.write(' · pipeline');
  const pipeline = (input: string, expectReplace: boolean): PipelineRuns => {
    // Steady state: small tables get more runs (about a million rows in all: a few seconds, so that a burst of
    // other work on the shared cores moves the mean little).
    const pipelineRuns = Math.max(runs, Math.ceil(1_000_000 / rows));
    const args = ['--expose-gc', PIPELINE_PROBE, input, String(pipelineRuns), ...(expectReplace ? ['replaces'] : [])];
    const out = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (out.status !== 0) throw new Error(`pipeline-probe ${input} exited with ${out.status}:\n${(out.stderr ?? '').slice(0, 4000)}`);
    const measured = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as { projects: number; under: number } & PipelineRuns;
    if (measured.projects !== rows || measured.under !== generated.underTarget) {
      process.stdout.write(`\n  warning: generated ${rows} projects (${generated.underTarget} under target), the pipeline read ${measured.projects} (${measured.under})\n`);
    }
    return { times: measured.times, cpuTimes: measured.cpuTimes, afterGcTimes: measured.afterGcTimes };
  };
  // Several processes each, the first run's and the regeneration's in turn: a burst of other work on the shared
  // cores lands on one of them, and the median leaves it out.
  const pipelineFirst: PipelineRuns[] = [];
  const pipelineAgain: PipelineRuns[] = [];
  for (let probe = 0; probe < PIPELINE_PROBES; probe++) {
    pipelineFirst.push(pipeline(file, false));
    pipelineAgain.push(pipeline(evaluated, true));
  }
  process.stdout.write('\n');

  const peak = (list: ChildRun[]) => {
    const known = list.map((r) => r.rssKb).filter((v): v is number => v !== null);
    return known.length ? Math.max(...known) / 1024 : null;
  };
  const result = (run: Run, input: string, measured: { commandRuns: ChildRun[]; bareRuns: ChildRun[] }, probes: PipelineRuns[]): SizeResult => {
    // The probe whose mean is the median (the middle one by mean; the lower middle of an even number).
    const byMean = [...probes].sort((a, b) => mean(a.times) - mean(b.times));
    const pipelineRuns = byMean[(byMean.length - 1) >> 1];
    const pipelineMs = pipelineRuns.times;
    const commandMs = measured.commandRuns.map((r) => r.ms);
    const bareMs = measured.bareRuns.map((r) => r.ms);
    const cpu = (list: ChildRun[]) => (list.every((r) => r.cpuMs !== null) ? median(list.map((r) => r.cpuMs as number)) / 1000 : null);
    const [commandCpuS, bareCpuS] = [cpu(measured.commandRuns), cpu(measured.bareRuns)];
    const pipelineMeanMs = mean(pipelineMs);
    return {
      distribution,
      run,
      rows,
      fileBytes: statSync(input).size,
      runs,
      underTarget: generated.underTarget,
      missingReasons: generated.missingReasons,
      commandMs,
      bareMs,
      commandS: median(commandMs) / 1000,
      bareS: median(bareMs) / 1000,
      ratio: median(commandMs) / median(bareMs),
      commandCpuS,
      bareCpuS,
      cpuRatio: commandCpuS !== null && bareCpuS ? commandCpuS / bareCpuS : null,
      pipelineMs,
      pipelineProbesMsPer10k: probes.map((p) => (mean(p.times) / rows) * 10_000),
      pipelineMeanMs,
      pipelineMsPer10k: (pipelineMeanMs / rows) * 10_000,
      pipelineCpuMsPer10k: (mean(pipelineRuns.cpuTimes) / rows) * 10_000,
      pipelineAfterGcMsPer10k: (median(probes.flatMap((p) => p.afterGcTimes)) / rows) * 10_000,
      commandPeakRssMb: peak(measured.commandRuns),
      barePeakRssMb: peak(measured.bareRuns),
    };
  };
  return [result('first', file, first, pipelineFirst), result('regenerate', evaluated, again, pipelineAgain)];
}

interface FormsResult {
  forms: number;
  indicators: number;
  underTarget: number;
  fileBytes: number;
  runs: number;
  commandS: number;
  bareS: number;
  ratio: number;
  commandCpuS: number | null;
  commandMsPerForm: number;
  pipelineMeanMs: number;
  pipelineMsPerForm: number;
  commandPeakRssMb: number | null;
}

/** The command, the bare round trip and the pipeline on a workbook of `forms` forms (one project a sheet). */
/** The command at the size limits (BENCH_ONLY=limits): one run each, wall time, CPU time and peak RSS. */
interface LimitCase {
  case: string;
  cells: string;
  unzippedMb: number;
  s: number;
  cpuS: number | null;
  peakMb: number | null;
}

/** The sum of the parts' unzipped sizes, from the zip's directory. */
async function unzippedBytes(file: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return Object.values(zip.files).reduce((sum, entry) => (entry.dir ? sum : sum + declaredSize(entry)), 0);
}

/**
 * The worst cases under the size limits (src/core/config.ts), run as a user runs the command (bin/, the heap
 * capped by its launcher): the most cells (94,000 projects, 70% under target: 940,034 cells), a regeneration
 * over the tool's own report on 50,000 such projects (926,199 cells), and the most text (a sheet of long texts
 * up to the unzipped-size limit). Aim: peak RSS under 1.5 GB (issue 11), the launcher's ~40 MB included.
 */
async function measureLimits(method: RssMethod, dir: string): Promise<LimitCase[]> {
  const { maxUncompressedBytes } = DEFAULT_CONFIG.limits;
  const rssFile = path.join(dir, 'rss-limits.txt');
  const results: LimitCase[] = [];
  const run = async (name: string, cells: string, input: string) => {
    const out = path.join(dir, `limits-${results.length}.out.xlsx`);
    const measured = await runNode([CLI, input, '-o', out], method, rssFile, dir);
    results.push({
      case: name,
      cells,
      unzippedMb: (await unzippedBytes(input)) / 2 ** 20,
      s: measured.ms / 1000,
      cpuS: measured.cpuMs === null ? null : measured.cpuMs / 1000,
      peakMb: measured.rssKb === null ? null : measured.rssKb / 1024,
    });
    console.log(`  ${name}: ${(measured.ms / 1000).toFixed(1)} s, peak ${measured.rssKb === null ? '?' : (measured.rssKb / 1024).toFixed(0)} MB`);
    return out;
  };
  const most = await generateWorkbook(path.join(dir, 'limits-94000.xlsx'), 94_000, 'under');
  await run('94,000 projects, under', '940,034', most.file);
  const fifty = await generateWorkbook(path.join(dir, 'limits-50000.xlsx'), 50_000, 'under');
  const evaluated = await run('50,000 projects, under (first run)', '500,034', fifty.file);
  await run('regeneration over that output', '926,199', evaluated);
  // 10,000 projects take about 10 MB unzipped; the long texts fill the rest to 4 MB under the limit.
  const notesBytes = maxUncompressedBytes - 14 * 2 ** 20;
  const text = await generateWorkbook(path.join(dir, 'limits-text.xlsx'), 10_000, 'under', 2021, notesBytes);
  // The generated table has 10 cells a project and 34 more; the notes 2 cells a row of 3,800 bytes.
  await run('10,000 projects + long texts', (100_034 + 2 * Math.ceil(notesBytes / 3800)).toLocaleString('en-US'), text.file);
  return results;
}

function limitsTable(rows: LimitCase[]): string {
  const lines = ['| case | cells | unzipped MB | command s | CPU s | peak RSS MB | under 1.5 GB |', '|---|---:|---:|---:|---:|---:|---|'];
  for (const r of rows) {
    const peak = r.peakMb === null ? 'n/a' : r.peakMb.toFixed(0);
    const under = r.peakMb === null ? 'n/a' : r.peakMb + 40 < 1536 ? 'yes' : 'NO';
    lines.push(`| ${r.case} | ${r.cells} | ${r.unzippedMb.toFixed(1)} | ${r.s.toFixed(1)} | ${r.cpuS === null ? 'n/a' : r.cpuS.toFixed(1)} | ${peak} | ${under} |`);
  }
  return lines.join('\n');
}

async function measureForms(forms: number, runs: number, method: RssMethod, dir: string): Promise<FormsResult> {
  const file = path.join(dir, `forms-${forms}.xlsx`);
  const started = Date.now();
  const generated = await generateFormsWorkbook(file, forms);
  console.log(`  forms-${forms}: generated in ${((Date.now() - started) / 1000).toFixed(1)} s (${generated.indicators} indicators, ${generated.underTarget} under target), median of ${runs}`);
  const out = path.join(dir, `forms-${forms}.out.xlsx`);
  const bareOut = path.join(dir, `forms-${forms}.bare.xlsx`);
  const rssFile = path.join(dir, `rss-forms-${forms}.txt`);
  process.stdout.write(`  forms-${forms}: warm-up`);
  await runNode([CLI, file, '-o', out], method, rssFile, dir);
  await runNode([BARE, file, bareOut], method, rssFile, dir);
  const commandRuns: ChildRun[] = [];
  const bareRuns: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { force: true });
    commandRuns.push(await runNode([CLI, file, '-o', out], method, rssFile, dir));
    rmSync(bareOut, { force: true });
    bareRuns.push(await runNode([BARE, file, bareOut], method, rssFile, dir));
    process.stdout.write(` · run ${i + 1}/${runs}`);
  }
  process.stdout.write(' · pipeline\n');
  const { snapshot } = await loadWorkbook(await fs.readFile(file), OPTIONS.lang);
  const check = runPipeline(snapshot, OPTIONS);
  if (!check.ok) throw new Error(`the forms workbook does not evaluate:\n${check.findings.map((f) => `${f.cell}: ${f.message}`).join('\n')}`);
  const read = check.evaluation.projects.filter((p) => p.source?.kind === 'form').length;
  if (read !== forms) throw new Error(`generated ${forms} forms, the pipeline read ${read}`);
  for (let i = 0; i < 2; i++) runPipeline(snapshot, OPTIONS);
  // Back to back, as pipeline-probe.ts times the rows' pipeline: the mean is the figure.
  gc();
  const times: number[] = [];
  for (let i = 0; i < Math.max(runs, 20); i++) {
    const t = process.hrtime.bigint();
    runPipeline(snapshot, OPTIONS);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const commandMs = median(commandRuns.map((r) => r.ms));
  const bareMs = median(bareRuns.map((r) => r.ms));
  const cpu = commandRuns.every((r) => r.cpuMs !== null) ? median(commandRuns.map((r) => r.cpuMs as number)) / 1000 : null;
  const rss = commandRuns.map((r) => r.rssKb).filter((v): v is number => v !== null);
  const pipelineMeanMs = mean(times);
  return {
    forms,
    indicators: generated.indicators,
    underTarget: generated.underTarget,
    fileBytes: statSync(file).size,
    runs,
    commandS: commandMs / 1000,
    bareS: bareMs / 1000,
    ratio: commandMs / bareMs,
    commandCpuS: cpu,
    commandMsPerForm: commandMs / forms,
    pipelineMeanMs,
    pipelineMsPerForm: pipelineMeanMs / forms,
    commandPeakRssMb: rss.length ? Math.max(...rss) / 1024 : null,
  };
}

function formsTable(r: FormsResult): string {
  return [
    '| forms | indicators | command s | bare read+write s | ratio | command CPU s | command ms/form | pipeline ms | pipeline ms/form | peak RSS MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${r.forms} | ${r.indicators.toLocaleString('en-US')} | ${r.commandS.toFixed(2)} | ${r.bareS.toFixed(2)} | ${r.ratio.toFixed(2)} | ${r.commandCpuS === null ? 'n/a' : r.commandCpuS.toFixed(2)} | ${r.commandMsPerForm.toFixed(1)} | ${r.pipelineMeanMs.toFixed(0)} | ${r.pipelineMsPerForm.toFixed(2)} | ${r.commandPeakRssMb === null ? 'n/a' : r.commandPeakRssMb.toFixed(0)} |`,
  ].join('\n');
}

/** Time per row at the largest size ÷ at the smallest, for the same distribution and run (1 = linear). */
function perRowGrowth(results: SizeResult[], r: SizeResult): number | null {
  const same = results.filter((o) => o.distribution === r.distribution && o.run === r.run);
  const smallest = same.reduce((a, b) => (b.rows < a.rows ? b : a));
  if (smallest.rows === r.rows) return null;
  return r.commandS / r.rows / (smallest.commandS / smallest.rows);
}

function table(results: SizeResult[]): string {
  const lines = [
    '| distribution | run | rows | command s | bare read+write s | ratio | CPU s command / bare (ratio) | s/row vs smallest | pipeline ms/10k rows (CPU) [each probe] | after a forced GC | peak RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const rss = r.commandPeakRssMb === null ? 'n/a' : r.commandPeakRssMb.toFixed(0);
    const growth = perRowGrowth(results, r);
    const cpu = r.commandCpuS === null || r.bareCpuS === null || r.cpuRatio === null ? 'n/a' : `${r.commandCpuS.toFixed(2)} / ${r.bareCpuS.toFixed(2)} (${r.cpuRatio.toFixed(2)})`;
    lines.push(
      `| ${r.distribution} | ${r.run} | ${r.rows.toLocaleString('en-US')} | ${r.commandS.toFixed(2)} | ${r.bareS.toFixed(2)} | ${r.ratio.toFixed(2)} | ${cpu} | ${growth === null ? '—' : growth.toFixed(2)} | ${r.pipelineMsPer10k.toFixed(1)} (${r.pipelineCpuMsPer10k.toFixed(1)}) [${r.pipelineProbesMsPer10k.map((m) => m.toFixed(1)).join(', ')}] | ${r.pipelineAfterGcMsPer10k.toFixed(1)} | ${rss} |`,
    );
  }
  return lines.join('\n');
}

interface Aim {
  aim: string;
  measured: string;
  pass: boolean | null;
}

function aims(results: SizeResult[]): Aim[] {
  const worst = results.reduce<SizeResult | null>((w, r) => (w === null || r.pipelineMsPer10k > w.pipelineMsPer10k ? r : w), null);
  const big = results.filter((r) => r.rows === AIM_RATIO_ROWS);
  const name = (r: SizeResult) => `${r.distribution}/${r.run}`;
  const growths = results.flatMap((r) => {
    const g = perRowGrowth(results, r);
    return g === null ? [] : [{ r, g }];
  });
  const rss = results.filter((r) => r.commandPeakRssMb !== null);
  return [
    {
      aim: `pipeline ≤ ${AIM_PIPELINE_MS_PER_10K} ms per 10k rows (every size)`,
      measured: worst
        ? `${results.map((r) => `${name(r)} ${r.rows.toLocaleString('en-US')}: ${r.pipelineMsPer10k.toFixed(1)}`).join(', ')} ms/10k rows`
        : 'not measured',
      pass: worst ? worst.pipelineMsPer10k <= AIM_PIPELINE_MS_PER_10K : null,
    },
    {
      aim: `command ≤ ${AIM_RATIO} × bare read+write at ${AIM_RATIO_ROWS.toLocaleString('en-US')} rows`,
      measured: big.length
        ? big.map((r) => `${name(r)} ${r.commandS.toFixed(2)} s / ${r.bareS.toFixed(2)} s = ${r.ratio.toFixed(2)} × (CPU time: ${r.cpuRatio === null ? 'n/a' : `${r.cpuRatio.toFixed(2)} ×`})`).join('; ')
        : 'not measured (size not run)',
      pass: big.length ? big.every((r) => r.ratio <= AIM_RATIO) : null,
    },
    {
      aim: `time per row at the largest size ≤ ${AIM_PER_ROW_GROWTH} × that at the smallest`,
      measured: growths.length ? growths.map(({ r, g }) => `${name(r)}: ${g.toFixed(2)} ×`).join('; ') : 'not measured (one size)',
      pass: growths.length ? growths.every(({ g }) => g <= AIM_PER_ROW_GROWTH) : null,
    },
    {
      aim: `command's peak RSS ≤ ${AIM_PEAK_RSS_MB} MB`,
      measured: rss.length ? `largest ${Math.max(...rss.map((r) => r.commandPeakRssMb as number)).toFixed(0)} MB` : 'not measured',
      pass: rss.length ? rss.every((r) => (r.commandPeakRssMb as number) <= AIM_PEAK_RSS_MB) : null,
    },
  ];
}

/** Share of all CPUs' time spent busy over one second: other work on the machine skews every timing. */
async function cpuBusy(ms = 1000): Promise<number> {
  const sample = () => os.cpus().reduce((acc, c) => ({ idle: acc.idle + c.times.idle, total: acc.total + c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle }), { idle: 0, total: 0 });
  const a = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = sample();
  const total = b.total - a.total;
  return total > 0 ? 1 - (b.idle - a.idle) / total : 0;
}

function sizesFromEnv(): number[] {
  const raw = process.env.BENCH_SIZES;
  if (!raw) return [5_000, 50_000];
  const sizes = raw.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`BENCH_SIZES: expected positive integers such as 1000,10000, got "${raw}"`);
  return sizes;
}

function distributionsFromEnv(): Distribution[] {
  const raw = process.env.BENCH_DISTRIBUTIONS;
  if (!raw) return ['typical', 'under'];
  const list = raw.split(',').map((s) => s.trim());
  for (const d of list) if (d !== 'typical' && d !== 'under') throw new Error(`BENCH_DISTRIBUTIONS: expected typical and/or under, got "${raw}"`);
  return list as Distribution[];
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'build', 'src', 'cli', 'main.js'))) throw new Error('build/ is missing: run `npm run build:cli` first (npm run bench does)');
  const sizes = sizesFromEnv();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'budget-eval-bench-'));
  const method = chooseRssMethod(dir);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`budget-eval bench — node ${process.version}, ${os.platform()} ${os.arch()}, ${cpu} × ${os.cpus().length}`);
  console.log(`work folder ${dir}; CPU time and peak RSS via ${method === 'gnu-time' ? `${GNU_TIME} -f '%U %S %M'` : 'process.resourceUsage() (preloaded probe)'}`);
  if (!(globalThis as { gc?: unknown }).gc) console.log("(run with --expose-gc to free each size's workbooks before the next)");
  const busyBefore = await cpuBusy();
  if (busyBefore > 0.25) console.log(`warning: the CPUs were ${(busyBefore * 100).toFixed(0)}% busy before the bench started: other work is running, timings will be noisy`);

  const results: SizeResult[] = [];
  const runsFor = (rows: number) => Number(process.env.BENCH_RUNS) || (rows >= 50_000 ? 3 : 5);
  if (process.env.BENCH_ONLY === 'limits') {
    const limits = await measureLimits(method, dir);
    console.log('');
    console.log('At the size limits (the command as installed: bin/, its heap capped by the launcher; peak RSS of the largest process, the launcher adds about 40 MB):');
    console.log(limitsTable(limits));
    return;
  }
  const onlyForms = process.env.BENCH_ONLY === 'forms';
  for (const distribution of onlyForms ? [] : distributionsFromEnv()) {
    for (const rows of sizes) {
      const runs = runsFor(rows);
      const started = Date.now();
      const generated = await generateWorkbook(path.join(dir, `projects-${distribution}-${rows}.xlsx`), rows, distribution);
      console.log(
        `  ${distribution}-${rows}: generated in ${((Date.now() - started) / 1000).toFixed(1)} s (${generated.underTarget} under target, ${generated.missingReasons} without a needed reason), median of ${runs}`,
      );
      const measured = await measureSize(generated, runs, method, dir);
      results.push(...measured);
      // Each size as it is done (a long bench can be read before it ends).
      for (const line of table(results).split('\n').slice(-measured.length)) console.log(`  ${line}`);
      gc();
    }
  }

  const formCount = process.env.BENCH_FORMS === undefined ? 200 : Number(process.env.BENCH_FORMS);
  if (!Number.isInteger(formCount) || formCount < 0) throw new Error(`BENCH_FORMS: expected a whole number of forms, got "${process.env.BENCH_FORMS}"`);
  const forms = formCount > 0 ? await measureForms(formCount, Number(process.env.BENCH_RUNS) || 5, method, dir) : null;

  const aimList = aims(results);
  if (results.length > 0) {
    console.log('');
    console.log(table(results));
    console.log('');
    console.log('Aims:');
    for (const a of aimList) console.log(`- ${a.aim}: ${a.measured} — ${a.pass === null ? 'N/A' : a.pass ? 'PASS' : 'MISS'}`);
  }
  if (forms) {
    console.log('');
    console.log('Forms (项目支出绩效自评表, one project a sheet):');
    console.log(formsTable(forms));
  }

  const jsonFile = path.join(dir, 'results.json');
  const json = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu,
    cpus: os.cpus().length,
    rssMethod: method,
    cpuBusyBefore: busyBefore,
    aims: aimList,
    results,
    forms,
  };
  await fs.writeFile(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
  if (process.env.BENCH_KEEP !== '1') {
    for (const name of await fs.readdir(dir)) if (name.endsWith('.xlsx') || name.endsWith('.txt')) rmSync(path.join(dir, name), { force: true });
  }
  console.log('');
  console.log(`JSON: ${jsonFile}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
