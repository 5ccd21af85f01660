// The compiled command as a user runs it (node bin/budget-eval.js, a child process): exit statuses, one-line
// messages with no stack trace, escaped control characters on the real stdout, no hang on a FIFO.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_HEADER, patchSharedStrings, tempDir, writeWorkbook } from './workbooks';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'budget-eval.js');

beforeAll(() => {
  // bin/budget-eval.js runs build/src/cli/main.js: compile the current sources first.
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
}, 180000);

function command(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'buffer', timeout: 30000 });
  return { status: run.status, signal: run.signal, out: run.stdout.toString('utf8'), err: run.stderr.toString('utf8'), rawOut: run.stdout };
}

async function dept(dir: string, name = '甲项目'): Promise<string> {
  const file = path.join(dir, 'dept.xlsx');
  await writeWorkbook(file, { 项目支出: [PROJECT_HEADER, [name, 100, 0, 100, 50], ['乙项目', 100, 0, 100, 100]] });
  return file;
}

describe('bin/budget-eval.js', () => {
  it('the input through a symbolic link as -o: exit 2, one line, the input untouched', async () => {
    const dir = tempDir();
    const input = await dept(dir);
    const before = readFileSync(input);
    symlinkSync(input, path.join(dir, 'alias.xlsx'));
    const run = command(['dept.xlsx', '-o', 'alias.xlsx'], dir);
    expect(run.status).toBe(2);
    expect(run.err).toBe('alias.xlsx: 输出文件不能是输入文件本身（经由链接或另一个名字指向同一个文件）。请换一个文件名。\n');
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('--docx into a missing folder: exit 2 naming the path, no stack trace, nothing written', async () => {
    const dir = tempDir();
    await dept(dir);
    const run = command(['dept.xlsx', '--docx', 'nowhere/r.docx', '--lang', 'en'], dir);
    expect(run.status).toBe(2);
    expect(run.err).toBe('nowhere/r.docx: the folder nowhere does not exist: create it first, or choose another place. Nothing was written.\n');
    expect(readdirSync(dir)).toEqual(['dept.xlsx']);
  });

  it('a FIFO as -o: exit 2 at once, no hang', async () => {
    const dir = tempDir();
    await dept(dir);
    try {
      execFileSync('mkfifo', [path.join(dir, 'out.xlsx')]);
    } catch {
      return; // no mkfifo here
    }
    const run = command(['dept.xlsx', '-o', 'out.xlsx'], dir);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2);
    expect(run.err).toMatch(/^out\.xlsx: 已存在，且是命名管道（FIFO）而不是普通文件/);
  }, 40000);

  it('escapes ESC and BEL from the workbook on the real stdout', async () => {
    const dir = tempDir();
    const input = await dept(dir, '甲MARK项目');
    await patchSharedStrings(input, { MARK: '_x001B_[31m_x0007_' });
    const run = command(['dept.xlsx'], dir);
    expect(run.status).toBe(0);
    expect(run.rawOut.includes(0x1b)).toBe(false);
    expect(run.rawOut.includes(0x07)).toBe(false);
    expect(run.out).toContain('甲\\u001b[31m\\u0007项目 50.00%');
    expect(existsSync(path.join(dir, 'dept.evaluation.xlsx'))).toBe(true);
  });

  it('a real SIGTERM between the two renames: the first output put back, no temp file, killed by the signal', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'in.xlsx'), 'input');
    writeFileSync(path.join(dir, 'out.xlsx'), 'previous');
    // The compiled writer with the real signal handling; the Word document's rename is where the signal lands.
    const script = `
      const w = require(${JSON.stringify(path.join(ROOT, 'build/src/cli/safeWrite.js'))});
      const fs = { ...w.nodeWriteFs, rename: async (from, to) => {
        if (!to.endsWith('.docx')) return w.nodeWriteFs.rename(from, to);
        process.kill(process.pid, 'SIGTERM');
        await new Promise((r) => setTimeout(r, 5000));
        console.log('not killed');
      } };
      const spec = (name, what) => ({ target: require('path').resolve(name), shown: name, what });
      w.writeOutputs(require('path').resolve('in.xlsx'), [
        { spec: spec('out.xlsx', 'workbook'), bytes: Buffer.from('new workbook') },
        { spec: spec('r.docx', 'docx'), bytes: Buffer.from('new document') },
      ], { ...w.defaultWriteEnv, fs }).then(() => console.log('finished'), (e) => console.log('failed', e.message));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', timeout: 30000 });
    expect(run.stdout).toBe('');
    expect(run.signal).toBe('SIGTERM');
    expect(readFileSync(path.join(dir, 'out.xlsx'), 'utf8')).toBe('previous');
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'out.xlsx']);
  }, 40000);
});
