// The README prints what `npx budget-eval` says on the bundled sample and on the forms sample: those blocks are
// the command's output, line for line (regenerate them from this test's message when the wording changes).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { tempDir } from './workbooks';

const ROOT = path.join(__dirname, '..', '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The fenced block right after the sentence that names the command and ends in "prints:". */
function printedBlock(command: string): string {
  const at = README.indexOf(`${command}\` `);
  if (at < 0) throw new Error(`README.md does not show \`${command}\``);
  const match = /prints:\n\n```\n([\s\S]*?)\n```/.exec(README.slice(at));
  if (!match) throw new Error(`README.md shows no printed output after \`${command}\``);
  return match[1];
}

async function printed(argv: string[]): Promise<string> {
  const dir = tempDir();
  // Run as the README does, from a folder holding assets/ (the forms sample is named by that relative path).
  mkdirSync(path.join(dir, 'assets'));
  copyFileSync(path.join(ROOT, 'assets', 'sample-forms.xlsx'), path.join(dir, 'assets', 'sample-forms.xlsx'));
  const lines: string[] = [];
  const code = await main(argv, { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: dir, now: () => new Date(2026, 10, 29) });
  expect(code).toBe(0);
  return lines.join('\n');
}

describe('README: the printed runs', () => {
  it('`npx budget-eval` on the bundled sample', async () => {
    expect(await printed([])).toBe(printedBlock('npx budget-eval'));
  });

  it('`npx budget-eval assets/sample-forms.xlsx` on the forms sample', async () => {
    expect(await printed(['assets/sample-forms.xlsx'])).toBe(printedBlock('npx budget-eval assets/sample-forms.xlsx'));
  });
});
