// Peak resident memory per phase of one command run, in a fresh process: read (unzip + ExcelJS's load + the
// snapshot), pipeline, write (the report into the workbook + its bytes). process.resourceUsage().maxRSS only
// grows, so each figure is the peak up to the end of that phase; a phase raised the peak when its figure is
// above the one before. Usage: node build/bench/phases.js IN.xlsx [OUT.xlsx]  (prints one line of JSON)
import { readFileSync, writeFileSync } from 'node:fs';
import { runPipeline } from '../src/core/pipeline';
import { loadWorkbook } from '../src/gateways/xlsx/readWorkbook';
import { writeEvaluation } from '../src/gateways/xlsx/evaluateXlsx';

const mb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(input: string, output: string | undefined): Promise<void> {
  const t0 = Date.now();
  const { workbook, snapshot } = await loadWorkbook(new Uint8Array(readFileSync(input)), 'zh');
  const read = { peakMb: mb(), s: (Date.now() - t0) / 1000 };
  const t1 = Date.now();
  const result = runPipeline(snapshot, { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(Date.UTC(2022, 2, 1)) });
  const pipeline = { peakMb: mb(), s: (Date.now() - t1) / 1000 };
  if (!result.ok) throw new Error(`pipeline refused ${input}`);
  const t2 = Date.now();
  // As the command (evaluateXlsx): the workbook's cells may go as they are written.
  const bytes = await writeEvaluation(workbook, result, true);
  const write = { peakMb: mb(), s: (Date.now() - t2) / 1000 };
  if (output) writeFileSync(output, bytes);
  process.stdout.write(`${JSON.stringify({ input, read, pipeline, write })}\n`);
}

const [input, output] = process.argv.slice(2);
if (!input) {
  process.stderr.write('usage: phases IN.xlsx [OUT.xlsx]\n');
  process.exitCode = 2;
} else {
  main(input, output).catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
