// The pure pipeline alone, in a fresh process that holds only the snapshot (issue 10's decision): the bench's own
// process keeps the generated workbooks and ExcelJS's objects alive, and the garbage collector's work on them
// is not the pipeline's. Usage: node --expose-gc build/bench/pipeline-probe.js IN.xlsx RUNS [replaces]
// Loads IN once, drops everything but the snapshot, warms up, then prints the runs' times (ms) as JSON.
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
  gc();
  const check = runPipeline(snapshot, PROBE_OPTIONS); // warm-up, and a check that the workbook reads as meant
  if (!check.ok) throw new Error(`${input} does not evaluate:\n${check.findings.map((f) => `${f.cell}: ${f.message}`).join('\n')}`);
  if (check.report.replaces !== expectReplace) throw new Error(`${input}: expected the pipeline ${expectReplace ? 'to replace' : 'not to replace'} a report`);
  const projects = check.evaluation.projects.length;
  const under = check.evaluation.projects.filter((p) => p.underTarget).length;
  for (let i = 0; i < 4; i++) runPipeline(snapshot, PROBE_OPTIONS);
  // Wall time, and this process's CPU time (user + system), steadier when other work shares the cores.
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    runPipeline(snapshot, PROBE_OPTIONS);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  process.stdout.write(`${JSON.stringify({ projects, under, times, cpuTimes })}\n`);
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
