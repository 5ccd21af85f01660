// What the two render scripts (render-report.ts: the report sheet; render-docx.ts: the Word document) share:
// their flags, running the command in-process on the sample, and LibreOffice → PDF → PNG pages.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { main as budgetEval } from '../src/cli/main';

export const ROOT = path.resolve(__dirname, '..');
export const OUT = path.join(ROOT, 'out');
export const SAMPLE = path.join(ROOT, 'assets', 'sample-2021.xlsx');
export const FORMS_SAMPLE = path.join(ROOT, 'assets', 'sample-forms.xlsx');
/** pdftoppm's resolution: 110 dpi makes an A4 page 910 px wide, readable in the README. */
export const DPI = 110;

export interface RenderFlags {
  updateDocs: boolean;
  lang: string;
  date: Date;
}

/** `--update-docs`, `--lang zh|en`, `--date YYYY-MM-DD` (default: today, as the command does). */
export function renderFlags(args: string[]): RenderFlags {
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dateText = option('--date');
  const date = dateText ? new Date(`${dateText}T12:00:00`) : new Date();
  if (Number.isNaN(date.getTime())) throw new Error(`--date: expected YYYY-MM-DD, got ${dateText}`);
  return { updateDocs: args.includes('--update-docs'), lang: option('--lang') ?? 'zh', date };
}

export function need(command: string, versionFlag: string, hint: string): void {
  const probe = spawnSync(command, [versionFlag], { stdio: 'ignore' });
  if (probe.error) throw new Error(`${command} not found: ${hint}`);
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 180000, env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr || result.stdout}`);
  return result.stdout;
}

/** budget-eval with these arguments, in this process (so it is the current source), on the given date. */
export async function runCommand(args: string[], cwd: string, date: Date): Promise<void> {
  const lines: string[] = [];
  const code = await budgetEval(args, { out: (line) => lines.push(line), err: (line) => lines.push(line), cwd, now: () => date });
  if (code !== 0) throw new Error(`budget-eval exited ${code}:\n${lines.join('\n')}`);
}

/** The PDF's pages as out/<prefix>-<n>.png (earlier ones removed), in page order; prints them. */
export function pdfPages(pdf: string, prefix: string, what: string): string[] {
  const pattern = new RegExp(`^${prefix}-\\d+\\.png$`);
  for (const file of readdirSync(OUT)) if (pattern.test(file)) rmSync(path.join(OUT, file));
  run('pdftoppm', ['-png', '-r', String(DPI), pdf, path.join(OUT, prefix)]);
  const pages = readdirSync(OUT)
    .filter((file) => pattern.test(file))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]));
  console.log(`${what} → ${path.relative(ROOT, pdf)} (${pages.length} page${pages.length === 1 ? '' : 's'})`);
  for (const page of pages) console.log(`  out/${page}`);
  return pages;
}
