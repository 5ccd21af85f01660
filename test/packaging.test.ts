// The command as installed (`npm install --omit=dev`) has only package.json's `dependencies`: every package
// the command's code loads at run time must be declared there, and nothing else (the pane's React / Fluent UI
// are bundled by webpack: devDependencies). The command's own tests run in-process with every dev dependency
// present, so they cannot see a missing declaration; `npm run test:pack` checks the real install, this
// checks the declarations on every `npm test`.
import { builtinModules } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  files?: string[];
  bin: Record<string, string>;
};

/** The module specifiers a file loads at run time, as the compiled CommonJS `require`s them (type-only imports elided, dynamic imports included). */
function runtimeRequires(file: string): string[] {
  const output = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX },
  }).outputText;
  return [...output.matchAll(/\brequire\((['"])([^'"]+)\1\)/g)].map((m) => m[2]);
}

function resolveSource(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find(
    (candidate) => existsSync(candidate) && !candidate.endsWith(path.sep) && path.extname(candidate) !== '',
  );
  if (!found) throw new Error(`${path.relative(root, from)}: cannot resolve "${spec}"`);
  return found;
}

/** Every package the command loads, each with the first source file that loads it, walking from src/cli/main.ts. */
function commandPackages(): { packages: Map<string, string>; files: Set<string> } {
  const builtins = new Set(builtinModules);
  const packages = new Map<string, string>();
  const files = new Set<string>();
  const queue = [path.join(root, 'src/cli/main.ts')];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of runtimeRequires(file)) {
      if (spec.startsWith('.')) {
        const target = resolveSource(file, spec);
        if (/\.[cm]?[jt]sx?$/.test(target)) queue.push(target);
        continue;
      }
      if (spec.startsWith('node:') || builtins.has(spec.split('/')[0])) continue;
      const parts = spec.split('/');
      const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      if (!packages.has(name)) packages.set(name, path.relative(root, file));
    }
  }
  return { packages, files };
}

describe('packaging: the command as installed with production dependencies only', () => {
  const { packages, files } = commandPackages();

  it('walks the command and the gateways it uses, not the pane (webpack bundles the pane)', () => {
    const walked = [...files].map((f) => path.relative(root, f).split(path.sep).join('/'));
    expect(walked).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/core/record/digest.ts', 'src/gateways/xlsx/readWorkbook.ts', 'src/gateways/docx/writeDocx.ts']));
    expect(walked.filter((f) => f.startsWith('src/taskpane/'))).toEqual([]);
    // The type-only `import type ExcelJS from 'exceljs'` of evaluateXlsx.ts is not a run-time import.
    expect(runtimeRequires(path.join(root, 'src/gateways/xlsx/evaluateXlsx.ts'))).not.toContain('exceljs');
  });

  it('declares in `dependencies` every package the command imports', () => {
    const declared = pkg.dependencies ?? {};
    const missing = [...packages].filter(([name]) => !(name in declared)).map(([name, file]) => `${name} (imported by ${file})`);
    expect(missing).toEqual([]);
  });

  it('declares in `dependencies` nothing the command does not import (the pane’s libraries are devDependencies)', () => {
    const unused = Object.keys(pkg.dependencies ?? {}).filter((name) => !packages.has(name));
    expect(unused).toEqual([]);
  });

  it('needs no native build: no package a production install brings has an install script', () => {
    // optionalDependencies are installed by `npm install --omit=dev` too: office-addin-debugging (keytar) stays out.
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }>;
    };
    const building = Object.entries(lock.packages)
      .filter(([at, entry]) => at !== '' && !entry.dev && entry.hasInstallScript)
      .map(([at]) => at);
    expect(building).toEqual([]);
  });

  it('ships the launcher, the compiled command and the bundled sample it defaults to', () => {
    const shipped = pkg.files ?? [];
    expect(shipped).toEqual(expect.arrayContaining(['bin/', 'build/src/**/*.js', 'assets/sample-2021.xlsx']));
    // The README runs the command on the forms sample too (issue 9).
    expect(shipped).toContain('assets/sample-forms.xlsx');
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('budget-eval assets/sample-forms.xlsx');
    expect(Object.values(pkg.bin)).toEqual(['bin/budget-eval.js']);
    // The launcher loads the compiled command from build/src, which `files` covers.
    expect(readFileSync(path.join(root, 'bin/budget-eval.js'), 'utf8')).toContain("require('../build/src/cli/main.js')");
  });
});
