// Two builds of the pipeline timed in one process on one snapshot, run by run in turn: on this shared machine the
// speed of the same code drifts by a third from one minute to the next, which hides a change of a few percent
// when each build is timed in a process of its own. Here a slow minute falls on both alike.
// Usage: node --expose-gc build/bench/compare-builds.js BUILD_A BUILD_B IN.xlsx [RUNS]
//   BUILD_A, BUILD_B: folders holding a `src/` compiled by `tsc -p tsconfig.build.json` (a baseline: check the
//   commit out in a worktree and compile it with `--outDir`); RUNS defaults to about a million rows' worth.
// Prints each build's mean and median per 10k rows and B's mean over A's. Both builds' garbage is collected
// together, so a change in what a run keeps shows here diluted: the bench (npm run bench) has the figure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EvaluationOptions, WorkbookSnapshot } from '../src/core/model';
import type { runPipeline as RunPipeline } from '../src/core/pipeline';
import { loadWorkbook } from '../src/gateways/xlsx/readWorkbook';

const OPTIONS: EvaluationOptions = { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(Date.UTC(2022, 2, 1)) };

function pipelineOf(build: string): typeof RunPipeline {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a build chosen at run time
  return (require(path.resolve(build, 'src', 'core', 'pipeline.js')) as { runPipeline: typeof RunPipeline }).runPipeline;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main(buildA: string, buildB: string, input: string, runsArg: string | undefined): Promise<void> {
  const [a, b] = [pipelineOf(buildA), pipelineOf(buildB)];
  const snapshot: WorkbookSnapshot = (await loadWorkbook(readFileSync(input), OPTIONS.lang)).snapshot;
  await new Promise((resolve) => setImmediate(resolve));
  (globalThis as { gc?: () => void }).gc?.();
  const first = a(snapshot, OPTIONS);
  if (!first.ok) throw new Error(`${input} does not evaluate`);
  const rows = first.evaluation.projects.length;
  const runs = Number(runsArg) || Math.max(10, Math.ceil(1_000_000 / rows));
  for (let i = 0; i < Math.max(4, Math.ceil(100_000 / rows)); i++) {
    a(snapshot, OPTIONS);
    b(snapshot, OPTIONS);
  }
  const timed = (run: typeof RunPipeline) => {
    const started = process.hrtime.bigint();
    run(snapshot, OPTIONS);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const timesA: number[] = [];
  const timesB: number[] = [];
  // A then B, then B then A: neither always runs right after the other's garbage.
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      timesA.push(timed(a));
      timesB.push(timed(b));
    } else {
      timesB.push(timed(b));
      timesA.push(timed(a));
    }
  }
  const per10k = (ms: number) => ((ms / rows) * 10_000).toFixed(1);
  console.log(`${path.basename(input)}: ${rows} projects, ${runs} runs each`);
  console.log(`  A ${buildA}: mean ${per10k(mean(timesA))}, median ${per10k(median(timesA))} ms/10k rows`);
  console.log(`  B ${buildB}: mean ${per10k(mean(timesB))}, median ${per10k(median(timesB))} ms/10k rows`);
  console.log(`  B / A: ${(mean(timesB) / mean(timesA)).toFixed(3)} (mean), ${(median(timesB) / median(timesA)).toFixed(3)} (median)`);
}

const [buildA, buildB, input, runs] = process.argv.slice(2);
if (!buildA || !buildB || !input) {
  process.stderr.write('usage: node --expose-gc build/bench/compare-builds.js BUILD_A BUILD_B IN.xlsx [RUNS]\n');
  process.exitCode = 2;
} else {
  main(buildA, buildB, input, runs).catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
