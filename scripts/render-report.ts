// `npm run render`: the report sheet of the sample's evaluation as a clerk would print it. Runs the command
// on assets/sample-2021.xlsx (in a temporary folder), keeps only the report sheet (ExcelJS), and has
// LibreOffice print it to PDF, then pdftoppm turn the pages into PNGs:
//   out/report-sample.xlsx, out/report-sample.pdf, out/report-sample-<page>.png
//   npm run render -- --update-docs    also copies the pages to docs/report-sample.png, report-sample-2.png, …
//   npm run render -- --date 2022-01-15   the report's date (default: today, as the command does)
//   npm run render -- --lang en           the English report
//   npm run render -- --forms             the forms sample (assets/sample-forms.xlsx) instead: out/report-forms*,
//                                         docs/report-forms.png, report-forms-2.png, … with --update-docs
// Needs soffice (Debian: libreoffice-calc, fonts-noto-cjk for the Chinese text) and pdftoppm (poppler-utils).
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toolSheetNames } from '../src/gateways/xlsx/readWorkbook';
import { FORMS_SAMPLE, need, OUT, pdfPages, renderFlags, ROOT, run, runCommand, SAMPLE } from './render-common';

async function main(): Promise<void> {
  const { updateDocs, lang, date } = renderFlags(process.argv.slice(2));
  const forms = process.argv.includes('--forms');
  const [input, prefix] = forms ? [FORMS_SAMPLE, 'report-forms'] : [SAMPLE, 'report-sample'];
  need('soffice', '--version', 'apt-get install -y libreoffice-calc fonts-noto-cjk');
  need('pdftoppm', '-v', 'apt-get install -y poppler-utils');

  const temp = mkdtempSync(path.join(os.tmpdir(), 'budget-eval-render-'));
  try {
    // 1. The command, as a clerk runs it (in-process, so it is the current source).
    const evaluated = path.join(temp, `${path.basename(input, '.xlsx')}.evaluation.xlsx`);
    await runCommand([input, '-o', evaluated, '--lang', lang], temp, date);

    // 2. Only the report sheet shown, so the PDF is the report and nothing else.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(evaluated);
    // The sheet the tool marked as its report (a defined name BudgetEval_Report_<n>).
    const report = workbook.getWorksheet(toolSheetNames(workbook)[0]);
    if (!report) throw new Error('the evaluated workbook has no report sheet');
    // The others hidden, not removed: the report's formulas point into them (LibreOffice recalculates shared
    // formulas on load, and a removed sheet would print as #NAME?).
    for (const ws of workbook.worksheets) if (ws.id !== report.id) ws.state = 'hidden';
    workbook.views = [{ activeTab: workbook.worksheets.indexOf(report), firstSheet: 0, visibility: 'visible' } as ExcelJS.WorkbookView];
    mkdirSync(OUT, { recursive: true });
    const xlsx = path.join(OUT, `${prefix}.xlsx`);
    await workbook.xlsx.writeFile(xlsx);

    // 3. LibreOffice prints it (its own profile in the temporary folder: a running LibreOffice is left alone).
    const profile = pathToFileURL(path.join(temp, 'lo-profile')).href;
    run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', OUT, xlsx]);
    const pdf = path.join(OUT, `${prefix}.pdf`);
    if (!existsSync(pdf)) throw new Error('LibreOffice wrote no PDF');

    // 4. The pages as PNG.
    const pages = pdfPages(pdf, prefix, `Report sheet "${report.name}"`);

    if (updateDocs) {
      // Page 1 is docs/<prefix>.png, page n > 1 docs/<prefix>-n.png (the README shows them all).
      pages.forEach((page, i) => {
        const name = i === 0 ? `${prefix}.png` : `${prefix}-${i + 1}.png`;
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
