// The launcher that runs the command with a capped heap (src/cli/launch.ts): the decisions on a fake process,
// then real processes — the heap limit the command actually runs with, a signal passed on, running out of heap.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COMMAND_HEAP_MB, heapChosen, launch, outOfMemory, type LaunchEnv } from '../../src/cli/launch';
import { tempDir } from './workbooks';

const ROOT = path.resolve(__dirname, '../..');

function fakeEnv(over: Partial<LaunchEnv> = {}) {
  const child = Object.assign(new EventEmitter(), { kill: jest.fn() });
  const handlers = new Map<string, () => void>();
  const calls = { spawned: [] as string[][], exit: [] as number[], kill: [] as string[], err: [] as string[] };
  const env: LaunchEnv = {
    execPath: '/node',
    execArgv: ['--enable-source-maps'],
    env: {},
    spawn: (command, args) => {
      calls.spawned.push([command, ...args]);
      return child as never;
    },
    onSignal: (signal, handler) => handlers.set(signal, handler),
    offSignal: (signal) => handlers.delete(signal),
    exit: (code) => calls.exit.push(code),
    kill: (signal) => calls.kill.push(signal),
    err: (line) => calls.err.push(line),
    ...over,
  };
  return { env, child, handlers, calls };
}

describe('launch (fake process)', () => {
  it('starts the same script with the same Node flags and arguments, the heap capped', () => {
    const { env, calls, handlers } = fakeEnv();
    const run = jest.fn();
    launch('/app/bin/budget-eval.js', ['in.xlsx', '-o', 'out.xlsx'], run, env);
    expect(run).not.toHaveBeenCalled();
    expect(calls.spawned).toEqual([['/node', '--enable-source-maps', `--max-old-space-size=${COMMAND_HEAP_MB}`, '/app/bin/budget-eval.js', 'in.xlsx', '-o', 'out.xlsx']]);
    expect([...handlers.keys()].sort()).toEqual(['SIGHUP', 'SIGINT', 'SIGTERM']);
  });

  it('runs in this process when the heap limit was chosen (by us, or by the user in NODE_OPTIONS)', async () => {
    expect(heapChosen({ execArgv: ['--max-old-space-size=1200'], env: {} })).toBe(true);
    expect(heapChosen({ execArgv: [], env: { NODE_OPTIONS: '--max_old_space_size=4096' } })).toBe(true);
    expect(heapChosen({ execArgv: ['--expose-gc'], env: { NODE_OPTIONS: '--enable-source-maps' } })).toBe(false);
    const { env, calls } = fakeEnv({ env: { NODE_OPTIONS: '--max-old-space-size=4096' } });
    launch('/app/bin/budget-eval.js', [], () => Promise.resolve(3), env);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.spawned).toEqual([]);
    expect(calls.exit).toEqual([3]);
  });

  it("ends with the command's exit status", () => {
    const { env, child, calls, handlers } = fakeEnv();
    launch('/b.js', [], jest.fn(), env);
    child.emit('exit', 2, null);
    expect(calls.exit).toEqual([2]);
    expect(handlers.size).toBe(0);
  });

  it('passes a signal on, and is then ended by the same signal', () => {
    const { env, child, calls, handlers } = fakeEnv();
    launch('/b.js', [], jest.fn(), env);
    handlers.get('SIGTERM')!();
    expect(child.kill).toHaveBeenCalledWith('SIGTERM');
    child.emit('exit', null, 'SIGTERM');
    expect(calls.kill).toEqual(['SIGTERM']);
    expect(calls.err).toEqual([]);
  });

  it('out of heap (the command aborted): says so in the language asked for, exit 1', () => {
    for (const [args, words] of [
      [['in.xlsx'], /^budget-eval: 内存不足（本命令的上限是 1200 MB），未写出任何文件。请把工作簿拆成/],
      [['in.xlsx', '--lang', 'en'], /^budget-eval: out of memory \(the command's limit is 1200 MB\); nothing was written\. Split/],
      [['--lang=en', 'in.xlsx'], /out of memory/],
    ] as const) {
      const { env, child, calls } = fakeEnv();
      launch('/b.js', [...args], jest.fn(), env);
      child.emit('exit', null, 'SIGABRT');
      expect(calls.exit).toEqual([1]);
      expect(calls.kill).toEqual([]);
      expect(calls.err).toHaveLength(1);
      expect(calls.err[0]).toMatch(words);
      expect(calls.err[0]).toBe(outOfMemory([...args]));
    }
  });
});

describe('launch (real processes)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  }, 180000);

  /** A script that launches `body` (the text of an async function returning the exit status) as bin does. */
  function script(dir: string, body: string): string {
    const file = path.join(dir, 'launched.js');
    writeFileSync(
      file,
      `require(${JSON.stringify(path.join(ROOT, 'build/src/cli/launch.js'))}).launch(__filename, process.argv.slice(2), async () => { ${body} });\n`,
    );
    return file;
  }

  it('the command runs with the heap capped at COMMAND_HEAP_MB, in a child, and its status comes back', () => {
    const dir = tempDir();
    const file = script(dir, `console.log(JSON.stringify({ pid: process.pid, limit: require('v8').getHeapStatistics().heap_size_limit, args: process.argv.slice(2) })); return 3;`);
    const run = spawnSync(process.execPath, [file, 'a b', '--lang', 'en'], { encoding: 'utf8', timeout: 30000 });
    expect(run.status).toBe(3);
    const seen = JSON.parse(run.stdout) as { pid: number; limit: number; args: string[] };
    expect(seen.args).toEqual(['a b', '--lang', 'en']);
    expect(seen.pid).not.toBe(run.pid);
    // V8's limit is the old space plus the young generation's semi-spaces: a few tens of MB above the flag.
    expect(seen.limit / 2 ** 20).toBeGreaterThanOrEqual(COMMAND_HEAP_MB);
    expect(seen.limit / 2 ** 20).toBeLessThan(COMMAND_HEAP_MB + 100);
  }, 40000);

  it('SIGTERM sent to the launcher reaches the command, which cleans up and ends as it chooses', async () => {
    const dir = tempDir();
    const mark = path.join(dir, 'cleaned');
    const file = script(
      dir,
      `process.on('SIGTERM', () => { require('fs').writeFileSync(${JSON.stringify(mark)}, 'yes'); process.exit(2); });
       console.log('ready'); await new Promise((r) => setTimeout(r, 20000)); return 0;`,
    );
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGTERM');
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    expect([code, signal]).toEqual([2, null]);
    expect(existsSync(mark)).toBe(true);
  }, 40000);

  it('a command that runs out of its heap: our message, exit 1 (not a bare abort)', () => {
    const dir = tempDir();
    const file = script(dir, `const kept = []; for (;;) kept.push(new Array(1e5).fill(kept.length));`);
    const run = spawnSync(process.execPath, [file, '--lang', 'en'], { encoding: 'utf8', timeout: 60000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(outOfMemory(['--lang', 'en']));
  }, 90000);
});
