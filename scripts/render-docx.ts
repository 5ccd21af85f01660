// `npm run render:docx`: the Word document of the sample's evaluation (budget-eval --docx) as LibreOffice
// prints it: out/report-sample.docx, out/report-docx.pdf, out/report-docx-<page>.png.
//   npm run render:docx -- --update-docs     also copies page 1 to docs/report-docx.png and the page of 附表4
//                                            to docs/report-docx-2.png (the README shows them)
//   npm run render:docx -- --date 2022-01-15 the report's date (default: today, as the command does)
//   npm run render:docx -- --lang en         the English report
// Needs soffice (Debian: libreoffice-writer, fonts-noto-cjk) and pdftoppm, pdftotext (poppler-utils).
//
// The document names the fonts Chinese offices have (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体), which a
// Linux machine lacks. Left to itself, fontconfig would give them all one fallback; a small fontconfig file
// (for this run only) maps the serif ones to Noto Serif CJK SC and 黑体 to Noto Sans CJK SC, so the picture
// shows the contrast the real fonts make (there is no Kai face here: 楷体 shows as the serif).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { need, OUT, pdfPages, renderFlags, ROOT, run, runCommand, SAMPLE } from './render-common';

const SERIF = ['方正小标宋简体', '仿宋_GB2312', '仿宋', '楷体_GB2312', '楷体', '宋体'];
const SANS = ['黑体'];

function fontconfig(): string {
  const alias = (family: string, to: string) => `  <alias binding="same"><family>${family}</family><prefer><family>${to}</family></prefer></alias>`;
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...SERIF.map((f) => alias(f, 'Noto Serif CJK SC')),
    ...SANS.map((f) => alias(f, 'Noto Sans CJK SC')),
    '</fontconfig>',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { updateDocs, lang, date } = renderFlags(process.argv.slice(2));
  need('soffice', '--version', 'apt-get install -y libreoffice-writer fonts-noto-cjk');
  need('pdftoppm', '-v', 'apt-get install -y poppler-utils');

  const temp = mkdtempSync(path.join(os.tmpdir(), 'budget-eval-render-docx-'));
  try {
    // 1. The command, as a clerk runs it (in-process, so it is the current source).
    mkdirSync(OUT, { recursive: true });
    const docx = path.join(OUT, 'report-sample.docx');
    await runCommand([SAMPLE, '-o', path.join(temp, 'sample.evaluation.xlsx'), '--docx', docx, '--lang', lang], temp, date);

    // 2. LibreOffice prints it (its own profile in the temporary folder; the fonts mapped as above).
    const fonts = path.join(temp, 'fonts.conf');
    writeFileSync(fonts, fontconfig());
    const profile = pathToFileURL(path.join(temp, 'lo-profile')).href;
    const env = { ...process.env, FONTCONFIG_FILE: fonts };
    run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', temp, docx], env);
    const pdf = path.join(OUT, 'report-docx.pdf');
    if (!existsSync(path.join(temp, 'report-sample.pdf'))) throw new Error('LibreOffice wrote no PDF');
    copyFileSync(path.join(temp, 'report-sample.pdf'), pdf);

    // 3. The pages as PNG.
    const pages = pdfPages(pdf, 'report-docx', path.relative(ROOT, docx));

    if (updateDocs) {
      // Page 1, and the page where 附表4 (the summary table, landscape) starts.
      const label = lang === 'zh' ? '附表4' : 'Table4';
      // pdftotext puts a space between 附表 and 4: compare without spaces.
      const pageText = (i: number) => run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-']).replace(/\s+/g, '');
      const summary = pages.findIndex((_, i) => pageText(i).startsWith(label));
      if (summary < 0) throw new Error(`no page starts with ${label}`);
      const copies: [string, string][] = [
        [pages[0], 'report-docx.png'],
        [pages[summary], 'report-docx-2.png'],
      ];
      for (const [page, name] of copies) {
        copyFileSync(path.join(OUT, page), path.join(ROOT, 'docs', name));
        console.log(`Updated docs/${name} from out/${page}.`);
      }
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
