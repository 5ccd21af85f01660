// The pure pipeline alone, in a fresh process that holds only the snapshot (issue 10's decision): the bench's own
// process keeps the generated workbooks and ExcelJS's objects alive, and the garbage collector's work on them
// is not the pipeline's. Usage: node --expose-gc build/bench/pipeline-probe.js IN.xlsx RUNS [replaces]
// Loads IN once, drops everything but the snapshot, warms up, then prints the runs' times (ms) as JSON.
//
// The figure is the runs' mean, timed back to back: each run pays for the collections its own garbage causes,
// and none is left out of the timing. (Until 2026-11-29 each run was timed after a forced full collection, left
// out of the timing. That collection also let V8 drop the maps of the previous run's objects and the optimised
// code built on them, so each timed run ran partly unoptimised again: at 5,000 rows 85 ms where a steady run takes
// 27. Those times are still printed, as `afterGcTimes`, for comparison with earlier figures.)
import { readFileSync } from 'node:fs';
import type { EvaluationOptions, WorkbookSnapshot } from '../src/core/model';
import { runPipeline } from '../src/core/pipeline';
import { loadWorkbook } from '../src/gateways/xlsx/readWorkbook';

const PROBE_OPTIONS: EvaluationOptions = { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(Date.UTC(2022, 2, 1)) };

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function main(input: string, runs: number, expectReplace: boolean): Promise<void> {
  // Only the snapshot survives this function: the file's bytes and ExcelJS's workbook are garbage after it.
  const snapshot: WorkbookSnapshot = (await loadWorkbook(readFileSync(input), PROBE_OPTIONS.lang)).snapshot;
  // ExcelJS's read leaves its workbook reachable until the event loop turns (at 50,000 rows 150 MB beside a 20 MB
  // snapshot, marked by every full collection of the runs): one turn, then it is garbage.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const check = runPipeline(snapshot, PROBE_OPTIONS); // warm-up, and a check that the workbook reads as meant
  if (!check.ok) throw new Error(`${input} does not evaluate:\n${check.findings.map((f) => `${f.cell}: ${f.message}`).join('\n')}`);
  if (check.report.replaces !== expectReplace) throw new Error(`${input}: expected the pipeline ${expectReplace ? 'to replace' : 'not to replace'} a report`);
  const projects = check.evaluation.projects.length;
  const under = check.evaluation.projects.filter((p) => p.underTarget).length;
  // Warm-up by rows, not by runs: on a small table five runs leave the JIT still compiling (the first ten timed
  // runs at 5,000 rows took 2 to 4 times the rest). About 100,000 rows' worth, at least five runs.
  const warmUp = Math.max(4, Math.ceil(100_000 / Math.max(1, projects)) - 1);
  for (let i = 0; i < warmUp; i++) runPipeline(snapshot, PROBE_OPTIONS);
  // Wall time, and this process's CPU time (user + system), steadier when other work shares the cores.
  const timed = (): { ms: number; cpuMs: number } => {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    runPipeline(snapshot, PROBE_OPTIONS);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    return { ms, cpuMs: (used.user + used.system) / 1000 };
  };
  const runsTimed = Array.from({ length: runs }, timed);
  const afterGcTimes: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    gc();
    afterGcTimes.push(timed().ms);
  }
  const times = runsTimed.map((r) => r.ms);
  const cpuTimes = runsTimed.map((r) => r.cpuMs);
  process.stdout.write(`${JSON.stringify({ projects, under, times, cpuTimes, afterGcTimes })}\n`);
}

const [input, runs, replaces] = process.argv.slice(2);
if (!input || !(Number(runs) > 0)) {
  process.stderr.write('usage: node --expose-gc pipeline-probe.js IN.xlsx RUNS [replaces]\n');
  process.exitCode = 2;
} else {
  main(input, Number(runs), replaces === 'replaces').catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
