// The command's outputs, written so that nothing of the user's is lost: never the input (by path, real path
// or file identity), never into a FIFO, device or folder, never through a planted link, all or nothing.
import { randomBytes } from 'node:crypto';
import { constants, promises as fsp, renameSync, unlinkSync, type BigIntStats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One output the user asked for. */
export interface OutputSpec {
  /** Absolute path. */
  target: string;
  /** The path as the user gave it: every message names this, never a temporary file. */
  shown: string;
  what: 'workbook' | 'docx';
}

/** The part of a FileHandle the writer uses (a seam: tests make writes fail). */
export interface TempHandle {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  chmod(mode: number): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls the writer makes, all of them (a seam for tests: failing renames, read-only folders…). */
export interface WriteFs {
  stat(file: string): Promise<BigIntStats>;
  lstat(file: string): Promise<BigIntStats>;
  realpath(file: string): Promise<string>;
  access(file: string, mode: number): Promise<void>;
  open(file: string, flags: number, mode: number): Promise<TempHandle>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  readlink(file: string): Promise<string>;
  symlink(target: string, file: string): Promise<void>;
  copyFile(from: string, to: string, mode: number): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Synchronous, for the clean-up when a signal arrives mid-write. */
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
}

export type SignalName = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

export interface Signals {
  on(signal: SignalName, handler: () => void): void;
  off(signal: SignalName, handler: () => void): void;
  /** Re-raise after cleaning up, so the process ends as the signal meant (with the default action). */
  kill(signal: SignalName): void;
}

export interface WriteEnv {
  fs: WriteFs;
  /** process.platform; 'win32' compares paths case-insensitively. */
  platform: NodeJS.Platform;
  signals: Signals;
  /** Unpredictable name part for temporary files. */
  random: () => string;
}

export const nodeWriteFs: WriteFs = {
  stat: (file) => fsp.stat(file, { bigint: true }),
  lstat: (file) => fsp.lstat(file, { bigint: true }),
  realpath: (file) => fsp.realpath(file),
  access: (file, mode) => fsp.access(file, mode),
  open: (file, flags, mode) => fsp.open(file, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  link: (existing, newPath) => fsp.link(existing, newPath),
  readlink: (file) => fsp.readlink(file),
  symlink: (target, file) => fsp.symlink(target, file),
  copyFile: (from, to, mode) => fsp.copyFile(from, to, mode),
  unlink: (file) => fsp.unlink(file),
  renameSync: (from, to) => renameSync(from, to),
  unlinkSync: (file) => unlinkSync(file),
};

export const defaultWriteEnv: WriteEnv = {
  fs: nodeWriteFs,
  platform: process.platform,
  signals: {
    on: (signal, handler) => process.on(signal, handler),
    off: (signal, handler) => process.off(signal, handler),
    kill: (signal) => {
      try {
        process.kill(process.pid, signal);
      } catch {
        process.exit(128 + (os.constants.signals[signal] ?? 15)); // a signal Windows cannot send
      }
    },
  },
  random: () => randomBytes(16).toString('hex'),
};

/** Exclusive creation that never follows a link (O_NOFOLLOW where the system has it; O_EXCL refuses links anyway). */
export const TEMP_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** An output that cannot be written: exit 2, with a message naming the user's path, in both languages. */
export class OutputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const SIGNALS: SignalName[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? 'EIO';
}

function folderShown(spec: OutputSpec): string {
  const dir = path.dirname(spec.shown);
  return dir === '.' ? path.dirname(spec.target) : dir;
}

const WHAT = { workbook: { zh: '输出文件', en: 'the output' }, docx: { zh: 'Word 文件', en: 'the Word file' } };

/** Why a path cannot be written, from its error code: what happened and what to do. */
function writeProblem(spec: OutputSpec, code: string, platform: NodeJS.Platform, nothingWritten = true): OutputError {
  const dir = folderShown(spec);
  const nothing = nothingWritten ? { zh: '未写入任何文件。', en: ' Nothing was written.' } : { zh: '', en: '' };
  const say = (zh: string, en: string) => new OutputError(`${spec.shown}: ${zh}${nothing.zh}`, `${spec.shown}: ${en}${nothing.en}`);
  switch (code) {
    case 'ENOENT-CREATE':
      return say(`无法在文件夹 ${dir} 中新建文件（ENOENT）：该文件夹可能刚被移走，或不允许新建文件。请换一个输出位置。`, `cannot create a file in the folder ${dir} (ENOENT): it may have just been moved, or it does not allow new files. Choose another place.`);
    case 'ENOENT':
      return say(`文件夹 ${dir} 不存在：请先创建它，或换一个输出位置。`, `the folder ${dir} does not exist: create it first, or choose another place.`);
    case 'ENOTDIR':
      return say(`路径 ${dir} 中有一部分不是文件夹：请检查路径。`, `part of the path ${dir} is not a folder: check the path.`);
    case 'EACCES':
    case 'EPERM':
      if (platform === 'win32') {
        return say('无法写入：文件可能正在 Excel 或 WPS 中打开，或没有写入权限。请关闭该文件或换一个位置后再试。', 'cannot write it: the file may be open in Excel or WPS, or you may not have permission. Close it or choose another place, then try again.');
      }
      return say(`没有在文件夹 ${dir} 中写入的权限：请换一个可写的文件夹，或请管理员授予写入权限。`, `no permission to write in the folder ${dir}: choose a folder you can write in, or ask for write access.`);
    case 'EROFS':
      return say(`文件夹 ${dir} 所在的磁盘是只读的：请换一个输出位置。`, `the folder ${dir} is on a read-only disk: choose another place.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return say('磁盘空间不足：请清理空间或换一个磁盘后再试。', 'the disk is full: free some space or choose another disk, then try again.');
    case 'EBUSY':
    case 'ETXTBSY':
      return say('文件正被其他程序占用（可能在 Excel 或 WPS 中打开着）：请关闭后再试。', 'the file is in use by another program (open in Excel or WPS?): close it and try again.');
    case 'EISDIR':
      return isFolder(spec);
    case 'ENAMETOOLONG':
      return say('路径或文件名太长：请用短一些的名字。', 'the path or file name is too long: use a shorter one.');
    case 'ELOOP':
      return say('路径中的链接形成了循环：请检查路径。', 'the links in this path form a loop: check the path.');
    default:
      return say(`无法写入（${code}）：请检查该位置后再试。`, `cannot write it (${code}): check that place and try again.`);
  }
}

function isFolder(spec: OutputSpec): OutputError {
  const example = path.join(spec.shown, spec.what === 'docx' ? '报告.docx' : 'report.xlsx');
  return new OutputError(
    `${spec.shown}: 这是一个文件夹，不是文件：请给出文件名，例如 ${example}。未写入任何文件。`,
    `${spec.shown}: is a folder, not a file: give a file name, e.g. ${example}. Nothing was written.`,
  );
}

function specialKind(s: BigIntStats): { zh: string; en: string } {
  if (s.isFIFO()) return { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' };
  if (s.isCharacterDevice() || s.isBlockDevice()) return { zh: '设备文件', en: 'a device file' };
  if (s.isSocket()) return { zh: '套接字', en: 'a socket' };
  return { zh: '特殊文件', en: 'a special file' };
}

/** Where a file is: its identity when it exists (device + inode), its real path, and the real path of the entry itself. */
interface Identity {
  dev: bigint | null;
  ino: bigint | null;
  /** The real path of what a link points to (or of the entry itself when it is not a link). */
  real: string;
  /** The real path of the folder + the name: the directory entry a rename replaces. */
  entry: string;
}

function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  return platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function sameFile(a: Identity, b: Identity, platform: NodeJS.Platform): boolean {
  // ino 0 means the file system gives no identity (some FAT and network drives): then only paths count.
  if (a.ino !== null && a.ino !== 0n && a.dev === b.dev && a.ino === b.ino) return true;
  return [a.real, a.entry].some((x) => [b.real, b.entry].some((y) => samePath(x, y, platform)));
}

async function inputIdentity(input: string, fs: WriteFs): Promise<Identity | null> {
  try {
    const s = await fs.stat(input);
    return { dev: s.dev, ino: s.ino, real: await fs.realpath(input), entry: path.join(await fs.realpath(path.dirname(input)), path.basename(input)) };
  } catch {
    return null; // the input was read a moment ago; if it is gone now there is nothing to protect
  }
}

/** What an output path holds now, once checked. */
export interface CheckedOutput extends OutputSpec {
  /** 'none' nothing there; 'file' a regular file; 'link' a symbolic link (replaced itself, its target untouched). */
  existing: 'none' | 'file' | 'link';
  /** The permission bits of the file replaced, kept on the new one. */
  mode: number | null;
  id: Identity;
}

/**
 * Checks every output before anything is written: its folder exists, is a folder and is writable; the path
 * is not a folder, FIFO, device or socket; it is not the input nor another output, by real path and by file
 * identity (so not through a symbolic or hard link either). Throws OutputError.
 */
export async function checkOutputs(input: string, outputs: OutputSpec[], env: WriteEnv): Promise<CheckedOutput[]> {
  const { fs, platform } = env;
  const inputId = await inputIdentity(input, fs);
  const checked: CheckedOutput[] = [];
  for (const spec of outputs) {
    try {
      checked.push(await checkOne(spec, input, inputId, checked, env));
    } catch (error) {
      if (error instanceof OutputError) throw error;
      throw writeProblem(spec, codeOf(error), platform); // realpath, lstat… failing in an unforeseen way
    }
  }
  return checked;
}

async function checkOne(spec: OutputSpec, input: string, inputId: Identity | null, checked: CheckedOutput[], env: WriteEnv): Promise<CheckedOutput> {
  const { fs, platform } = env;
  const dir = path.dirname(spec.target);
  let dirStat: BigIntStats;
  try {
    dirStat = await fs.stat(dir);
  } catch (error) {
    throw writeProblem(spec, codeOf(error), platform);
  }
  if (!dirStat.isDirectory()) throw writeProblem(spec, 'ENOTDIR', platform);
  const entry = path.join(await fs.realpath(dir), path.basename(spec.target));

  let own: BigIntStats | null = null;
  try {
    own = await fs.lstat(spec.target);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw writeProblem(spec, codeOf(error), platform);
  }
  let pointed: BigIntStats | null = own;
  if (own?.isSymbolicLink()) {
    try {
      pointed = await fs.stat(spec.target);
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw writeProblem(spec, codeOf(error), platform);
      pointed = null; // a dangling link: it is replaced like any link
    }
  }
  if (pointed?.isDirectory()) throw isFolder(spec);
  if (pointed && !pointed.isFile()) {
    const kind = specialKind(pointed);
    throw new OutputError(
      `${spec.shown}: 已存在，且是${kind.zh}而不是普通文件：不会写入或替换它。请换一个文件名。`,
      `${spec.shown}: exists and is ${kind.en}, not a regular file: it is neither written nor replaced. Choose another file name.`,
    );
  }
  const id: Identity = pointed
    ? { dev: pointed.dev, ino: pointed.ino, real: await fs.realpath(spec.target), entry }
    : { dev: null, ino: null, real: entry, entry };

  if (inputId && sameFile(id, inputId, platform)) {
    const how = samePath(spec.target, input, platform)
      ? { zh: '', en: '' }
      : { zh: '（经由链接或另一个名字指向同一个文件）', en: ' (the same file through a link or another name)' };
    const zhWhat = WHAT[spec.what].zh;
    throw new OutputError(
      `${spec.shown}: ${zhWhat}不能是输入文件本身${how.zh}。请换一个文件名。`,
      `${spec.shown}: ${WHAT[spec.what].en} must not be the input file${how.en}. Choose another file name.`,
    );
  }
  const clash = checked.find((other) => sameFile(id, other.id, platform));
  if (clash) {
    throw new OutputError(
      `${spec.shown}: ${WHAT[spec.what].zh}不能是${WHAT[clash.what].zh}（${clash.shown}）。请换一个文件名。`,
      `${spec.shown}: ${WHAT[spec.what].en} must not be ${clash.what === 'workbook' ? 'the output workbook' : WHAT[clash.what].en} (${clash.shown}). Choose another file name.`,
    );
  }
  // Windows sets a meaningless read-only attribute on some folders (Documents): there the exclusive
  // creation of the temporary file, before any output is moved, is the test.
  if (platform !== 'win32') {
    try {
      await fs.access(dir, constants.W_OK | constants.X_OK);
    } catch (error) {
      throw writeProblem(spec, codeOf(error), platform);
    }
  }
  const kind = own === null ? 'none' : own.isSymbolicLink() ? 'link' : 'file';
  // Permission bits only: never carry a setuid or sticky bit over.
  return { ...spec, existing: kind, mode: kind === 'file' ? Number(own!.mode & 0o777n) : null, id };
}

/** A name nobody can guess, in the target's folder (a rename only moves within one file system). */
function besideName(target: string, env: WriteEnv, ext: string): string {
  return path.join(path.dirname(target), `.budget-eval-${env.random()}.${ext}`);
}

/** `naming` hears the name before the file is created, so that a signal handler can remove it. */
async function createTemp(target: string, env: WriteEnv, naming: (name: string | null) => void): Promise<TempHandle> {
  for (let attempt = 0; ; attempt++) {
    const name = besideName(target, env, 'tmp');
    naming(name);
    try {
      return await env.fs.open(name, TEMP_FLAGS, 0o666);
    } catch (error) {
      naming(null);
      // Something (a planted link, another run) holds that name: never reuse it, draw another.
      if ((codeOf(error) === 'EEXIST' || codeOf(error) === 'ELOOP') && attempt < 8) continue;
      throw error;
    }
  }
}

interface Slot {
  out: CheckedOutput;
  bytes: Uint8Array;
  temp: string | null;
  /** The previous file, kept aside (a hard link, or a copy) until every output is in place. */
  backup: string | null;
  /** 'moving' while its rename is under way: a signal handler then cannot know whether it happened. */
  state: 'temp' | 'moving' | 'moved';
}

class Interrupted extends Error {
  constructor(readonly signal: SignalName) {
    super(signal);
  }
}

/**
 * Writes every output whole or none: each to a new temporary file beside it (created exclusively, never
 * through a link), then renamed into place. If a later rename fails, the outputs already moved are put back
 * as they were. Temporary files are removed on every path out, a signal during the write included.
 */
export async function writeOutputs(input: string, files: { spec: OutputSpec; bytes: Uint8Array }[], env: WriteEnv): Promise<void> {
  const checked = await checkOutputs(input, files.map((f) => f.spec), env);
  const slots: Slot[] = checked.map((out, i) => ({ out, bytes: files[i].bytes, temp: null, backup: null, state: 'temp' }));
  const { fs, platform } = env;
  let interrupted: SignalName | null = null;
  let keepBackups = false;

  /** Puts the outputs already moved back as they were; returns those that could not be (their backups stay). */
  const rollbackSync = (): Slot[] => {
    const failed: Slot[] = [];
    for (const slot of [...slots].reverse()) {
      if (slot.state === 'temp') continue;
      if (slot.state === 'moving') {
        try {
          fs.unlinkSync(slot.temp!); // still there: the rename has not happened (and now cannot)
          slot.temp = null;
          slot.state = 'temp';
          continue;
        } catch {
          // gone: it was moved into place
        }
      }
      try {
        if (slot.backup) fs.renameSync(slot.backup, slot.out.target);
        else fs.unlinkSync(slot.out.target);
        slot.backup = null;
        slot.temp = null;
        slot.state = 'temp';
      } catch {
        failed.push(slot);
      }
    }
    return failed;
  };
  const removeSync = (file: string | null) => {
    if (!file) return;
    try {
      fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
  const handlers = SIGNALS.map((signal) => ({
    signal,
    handler: () => {
      interrupted = signal;
      const failed = rollbackSync();
      for (const slot of slots) {
        removeSync(slot.temp);
        slot.temp = null;
        if (failed.includes(slot)) continue; // its previous content is only in the backup now: keep it
        removeSync(slot.backup);
        slot.backup = null;
      }
      unhook();
      env.signals.kill(signal);
    },
  }));
  const unhook = () => handlers.forEach(({ signal, handler }) => env.signals.off(signal, handler));
  const check = () => {
    if (interrupted) throw new Interrupted(interrupted);
  };
  handlers.forEach(({ signal, handler }) => env.signals.on(signal, handler));

  try {
    for (const slot of slots) {
      let handle: TempHandle;
      try {
        handle = await createTemp(slot.out.target, env, (name) => (slot.temp = name));
      } catch (error) {
        // The folder was there a moment ago (checked): this is not "missing folder, create it".
        throw writeProblem(slot.out, codeOf(error) === 'ENOENT' ? 'ENOENT-CREATE' : codeOf(error), platform);
      }
      check();
      try {
        await handle.writeFile(slot.bytes);
        if (slot.out.mode !== null) await handle.chmod(slot.out.mode);
        await handle.sync(); // on disk before the rename makes it the file
      } catch (error) {
        throw writeProblem(slot.out, codeOf(error), platform);
      } finally {
        await handle.close().catch(() => undefined);
      }
      check();
    }
    // A single rename either happens or not; only outputs moved before another one need their old version.
    for (const slot of slots.slice(0, -1)) {
      if (slot.out.existing === 'none') continue;
      const backup = besideName(slot.out.target, env, 'bak');
      try {
        if (slot.out.existing === 'link') {
          // A link is kept aside as a link (link() would follow it on some systems).
          await fs.symlink(await fs.readlink(slot.out.target), backup);
        } else {
          // A second name for the very file; where hard links are not supported (FAT, some shares), a copy.
          await fs.link(slot.out.target, backup).catch(() => fs.copyFile(slot.out.target, backup, constants.COPYFILE_EXCL));
        }
      } catch (error) {
        throw writeProblem(slot.out, codeOf(error), platform);
      }
      slot.backup = backup;
      check();
    }
    for (const slot of slots) {
      slot.state = 'moving';
      try {
        await fs.rename(slot.temp!, slot.out.target);
      } catch (error) {
        check();
        slot.state = 'temp';
        const failed = rollbackSync();
        const problem = writeProblem(slot.out, codeOf(error), platform, failed.length === 0);
        const lost = failed.filter((s) => s.backup);
        if (lost.length === 0) throw problem;
        // Could not put a previous file back: say where its content is, and keep it there.
        keepBackups = true;
        const kept = lost.map((s) => `${s.out.shown} ← ${s.backup}`).join('; ');
        throw new OutputError(`${problem.zh}另外，未能恢复原文件，原内容保存在：${kept}`, `${problem.en} Also, a previous file could not be put back; its content is kept at: ${kept}`);
      }
      slot.temp = null;
      slot.state = 'moved';
      check();
    }
  } catch (error) {
    if (error instanceof Interrupted) {
      throw new OutputError(`写入被中断（${error.signal}）：输出已恢复原状。`, `interrupted (${error.signal}): the outputs are as they were.`);
    }
    if (!(error instanceof OutputError)) rollbackSync();
    throw error;
  } finally {
    unhook();
    for (const slot of slots) {
      if (slot.temp) await fs.unlink(slot.temp).catch(() => undefined);
      if (slot.backup && !keepBackups) await fs.unlink(slot.backup).catch(() => undefined);
    }
  }
}
