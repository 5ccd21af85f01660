// `npm run render:docx`: the Word document of the sample's evaluation (budget-eval --docx) as LibreOffice
// prints it: out/report-sample.docx, out/report-docx.pdf, out/report-docx-<page>.png.
//   npm run render:docx -- --update-docs     also copies page 1 to docs/report-docx.png and the page of 附表3
//                                            to docs/report-docx-2.png (the README shows them)
//   npm run render:docx -- --date 2022-01-15 the report's date (default: today, as the command does)
//   npm run render:docx -- --lang en         the English report
// Needs soffice (Debian: libreoffice-writer, fonts-noto-cjk) and pdftoppm, pdftotext (poppler-utils).
//
// The document names the fonts Chinese offices have (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体), which a
// Linux machine lacks. Left to itself, fontconfig would give them all one fallback; a small fontconfig file
// (for this run only) maps the serif ones to Noto Serif CJK SC and 黑体 to Noto Sans CJK SC, so the picture
// shows the contrast the real fonts make (there is no Kai face here: 楷体 shows as the serif).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { main as budgetEval } from '../src/cli/main';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'out');
const SAMPLE = path.join(ROOT, 'assets', 'sample-2021.xlsx');
/** 110 dpi, as scripts/render-report.ts: an A4 page 910 px wide. */
const DPI = 110;

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

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function need(command: string, versionFlag: string, hint: string): void {
  const probe = spawnSync(command, [versionFlag], { stdio: 'ignore' });
  if (probe.error) throw new Error(`${command} not found: ${hint}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 180000, env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr || result.stdout}`);
  return result.stdout;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const updateDocs = args.includes('--update-docs');
  const lang = option(args, '--lang') ?? 'zh';
  const dateText = option(args, '--date');
  const date = dateText ? new Date(`${dateText}T12:00:00`) : new Date();
  if (Number.isNaN(date.getTime())) throw new Error(`--date: expected YYYY-MM-DD, got ${dateText}`);
  need('soffice', '--version', 'apt-get install -y libreoffice-writer fonts-noto-cjk');
  need('pdftoppm', '-v', 'apt-get install -y poppler-utils');

  const temp = mkdtempSync(path.join(os.tmpdir(), 'budget-eval-render-docx-'));
  try {
    // 1. The command, as a clerk runs it (in-process, so it is the current source).
    mkdirSync(OUT, { recursive: true });
    const docx = path.join(OUT, 'report-sample.docx');
    const lines: string[] = [];
    const code = await budgetEval([SAMPLE, '-o', path.join(temp, 'sample.evaluation.xlsx'), '--docx', docx, '--lang', lang], {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
      cwd: temp,
      now: () => date,
    });
    if (code !== 0) throw new Error(`budget-eval exited ${code}:\n${lines.join('\n')}`);

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
    for (const file of readdirSync(OUT)) if (/^report-docx-\d+\.png$/.test(file)) rmSync(path.join(OUT, file));
    run('pdftoppm', ['-png', '-r', String(DPI), pdf, path.join(OUT, 'report-docx')]);
    const pages = readdirSync(OUT)
      .filter((file) => /^report-docx-\d+\.png$/.test(file))
      .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]));
    console.log(`${path.relative(ROOT, docx)} → ${path.relative(ROOT, pdf)} (${pages.length} page${pages.length === 1 ? '' : 's'})`);
    for (const page of pages) console.log(`  out/${page}`);

    if (updateDocs) {
      // Page 1, and the page where 附表3 (the summary table, landscape) starts.
      const label = lang === 'zh' ? '附表3' : 'Table3';
      // pdftotext puts a space between 附表 and 3: compare without spaces.
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
