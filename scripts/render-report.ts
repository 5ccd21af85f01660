// `npm run render`: the report sheet of the sample's evaluation as a clerk would print it. Runs the command
// on assets/sample-2021.xlsx (in a temporary folder), keeps only the report sheet (ExcelJS), and has
// LibreOffice print it to PDF, then pdftoppm turn the pages into PNGs:
//   out/report-sample.xlsx, out/report-sample.pdf, out/report-sample-<page>.png
//   npm run render -- --update-docs    also copies the pages to docs/report-sample.png, report-sample-2.png, …
//   npm run render -- --date 2022-01-15   the report's date (default: today, as the command does)
//   npm run render -- --lang en           the English report
// Needs soffice (Debian: libreoffice-calc, fonts-noto-cjk for the Chinese text) and pdftoppm (poppler-utils).
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { main as budgetEval } from '../src/cli/main';
import { toolSheetNames } from '../src/gateways/xlsx/readWorkbook';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'out');
const SAMPLE = path.join(ROOT, 'assets', 'sample-2021.xlsx');
/** pdftoppm's resolution: 110 dpi makes an A4 page 910 px wide, readable in the README. */
const DPI = 110;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function need(command: string, hint: string): void {
  const probe = spawnSync(command, ['--version'], { stdio: 'ignore' });
  if (probe.error) throw new Error(`${command} not found: ${hint}`);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 180000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr || result.stdout}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const updateDocs = args.includes('--update-docs');
  const lang = option(args, '--lang') ?? 'zh';
  const dateText = option(args, '--date');
  const date = dateText ? new Date(`${dateText}T12:00:00`) : new Date();
  if (Number.isNaN(date.getTime())) throw new Error(`--date: expected YYYY-MM-DD, got ${dateText}`);
  need('soffice', 'apt-get install -y libreoffice-calc fonts-noto-cjk');
  need('pdftoppm', 'apt-get install -y poppler-utils');

  const temp = mkdtempSync(path.join(os.tmpdir(), 'budget-eval-render-'));
  try {
    // 1. The command, as a clerk runs it (in-process, so it is the current source).
    const evaluated = path.join(temp, 'sample-2021.evaluation.xlsx');
    const lines: string[] = [];
    const code = await budgetEval([SAMPLE, '-o', evaluated, '--lang', lang], {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
      cwd: temp,
      now: () => date,
    });
    if (code !== 0) throw new Error(`budget-eval exited ${code}:\n${lines.join('\n')}`);

    // 2. Only the report sheet, so the PDF is the report and nothing else.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(evaluated);
    // The sheet the tool marked as its report (a defined name BudgetEval_Report_<n>).
    const report = workbook.getWorksheet(toolSheetNames(workbook)[0]);
    if (!report) throw new Error('the evaluated workbook has no report sheet');
    for (const ws of [...workbook.worksheets]) if (ws.id !== report.id) workbook.removeWorksheet(ws.id);
    mkdirSync(OUT, { recursive: true });
    const xlsx = path.join(OUT, 'report-sample.xlsx');
    await workbook.xlsx.writeFile(xlsx);

    // 3. LibreOffice prints it (its own profile in the temporary folder: a running LibreOffice is left alone).
    const profile = pathToFileURL(path.join(temp, 'lo-profile')).href;
    run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', OUT, xlsx]);
    const pdf = path.join(OUT, 'report-sample.pdf');
    if (!existsSync(pdf)) throw new Error('LibreOffice wrote no PDF');

    // 4. The pages as PNG.
    for (const file of readdirSync(OUT)) if (/^report-sample-\d+\.png$/.test(file)) rmSync(path.join(OUT, file));
    run('pdftoppm', ['-png', '-r', String(DPI), pdf, path.join(OUT, 'report-sample')]);
    const pages = readdirSync(OUT)
      .filter((file) => /^report-sample-\d+\.png$/.test(file))
      .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]));
    console.log(`Report sheet "${report.name}" → ${path.relative(ROOT, pdf)} (${pages.length} page${pages.length === 1 ? '' : 's'})`);
    for (const page of pages) console.log(`  out/${page}`);

    if (updateDocs) {
      // Page 1 is docs/report-sample.png, page n > 1 docs/report-sample-n.png (the README shows them all).
      pages.forEach((page, i) => {
        const name = i === 0 ? 'report-sample.png' : `report-sample-${i + 1}.png`;
        copyFileSync(path.join(OUT, page), path.join(ROOT, 'docs', name));
        console.log(`Updated docs/${name} from out/${page}.`);
      });
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
