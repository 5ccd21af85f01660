// The command's launcher: runs the command in a Node process whose heap is capped at COMMAND_HEAP_MB.
//
// Why: V8 sizes its heap from the machine's memory (about 4 GB on a 24 GB machine) and collects lazily, so a
// run whose live data stayed under 1 GB (940,034 cells, the size limits' worst case) peaked at 1.45–1.75 GB
// of resident memory, depending on when the collector ran. With the heap capped the collector works sooner and
// the peak stays under 1.5 GB (figures in docs/ARCHITECTURE.md "Size limits"). The heap limit can only be set
// when Node starts, so the launcher starts the command again with the flag (one more process of ~40 MB, ~50 ms).
// A limit the user chose (the flag, or NODE_OPTIONS) is kept as it is.
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { words } from '../core/wording';

/** The command's old-space heap, in MB: the live set at the size limits is about 1 GB (measured). */
export const COMMAND_HEAP_MB = 1200;

const HEAP_FLAG = /--max[-_]old[-_]space[-_]size/;
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How V8 ends a process out of heap (abort; some builds trap). */
const OUT_OF_MEMORY = new Set(['SIGABRT', 'SIGTRAP']);

export interface LaunchEnv {
  execPath: string;
  execArgv: string[];
  env: NodeJS.ProcessEnv;
  spawn: (command: string, args: string[]) => ChildProcess;
  onSignal: (signal: NodeJS.Signals, handler: () => void) => void;
  offSignal: (signal: NodeJS.Signals, handler: () => void) => void;
  /** The launcher ends as its child did: with its exit status, or killed by the same signal. */
  exit: (code: number) => void;
  kill: (signal: NodeJS.Signals) => void;
  err: (line: string) => void;
}

export const nodeLaunchEnv: LaunchEnv = {
  execPath: process.execPath,
  execArgv: process.execArgv,
  env: process.env,
  spawn: (command, args) => nodeSpawn(command, args, { stdio: 'inherit' }),
  onSignal: (signal, handler) => process.on(signal, handler),
  offSignal: (signal, handler) => process.off(signal, handler),
  exit: (code) => {
    process.exitCode = code;
  },
  kill: (signal) => process.kill(process.pid, signal),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** True when this process's heap limit was chosen on its command line or in NODE_OPTIONS (ours or the user's). */
export function heapChosen(env: Pick<LaunchEnv, 'execArgv' | 'env'>): boolean {
  return env.execArgv.some((arg) => HEAP_FLAG.test(arg)) || HEAP_FLAG.test(env.env.NODE_OPTIONS ?? '');
}

/**
 * Runs the command: in this process when its heap limit is already chosen, otherwise in a child started with
 * --max-old-space-size=COMMAND_HEAP_MB (the same script, arguments and Node flags, the terminal shared).
 * Signals sent to the launcher are passed on, so that the command's whole-or-nothing writer cleans up.
 */
export function launch(script: string, args: string[], run: () => Promise<number>, env: LaunchEnv = nodeLaunchEnv): void {
  if (heapChosen(env)) {
    run().then(env.exit);
    return;
  }
  const child = env.spawn(env.execPath, [...env.execArgv, `--max-old-space-size=${COMMAND_HEAP_MB}`, script, ...args]);
  const forwarded = new Set<string>();
  const handlers = FORWARDED.map((signal) => {
    const handler = () => {
      forwarded.add(signal);
      child.kill(signal);
    };
    env.onSignal(signal, handler);
    return { signal, handler };
  });
  const unhook = () => handlers.forEach(({ signal, handler }) => env.offSignal(signal, handler));
  child.on('error', (error: Error) => {
    unhook();
    env.err(`budget-eval: cannot start Node (${env.execPath}): ${error.message}`);
    env.exit(1);
  });
  child.on('exit', (code: number | null, signal: NodeJS.Signals | null) => {
    unhook();
    if (signal === null) {
      env.exit(code ?? 1);
      return;
    }
    if (OUT_OF_MEMORY.has(signal) && !forwarded.has(signal)) {
      env.err(outOfMemory(args));
      env.exit(1);
      return;
    }
    env.kill(signal); // ended by a signal: so does the launcher, for the shell or script that ran it
  });
}

/** Said when the command ran out of its heap: nothing was written (outputs are written whole or not at all). */
export function outOfMemory(args: string[]): string {
  // The language from the arguments as given (the command's own parser is not loaded here).
  const at = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const lang = (at < 0 ? 'zh' : args[at].startsWith('--lang=') ? args[at].slice('--lang='.length) : args[at + 1]) === 'en' ? 'en' : 'zh';
  return `budget-eval: ${words(lang).cli.outOfMemory(COMMAND_HEAP_MB, 'NODE_OPTIONS=--max-old-space-size=4096 budget-eval …')}`;
}
