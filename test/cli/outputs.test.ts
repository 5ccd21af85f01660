// budget-eval's outputs against links, special files, planted temp names, missing or read-only folders,
// failing renames and signals: never the input, nothing of the user's lost, exit 2 with what to do.
import { execFileSync } from 'node:child_process';
import { constants, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nodeWriteFs, type Signals, type SignalName, type TempHandle, type WriteFs } from '../../src/cli/safeWrite';
import { PROJECT_HEADER, readBack, runCli, tempDir, writeWorkbook } from './workbooks';

async function deptIn(dir: string): Promise<string> {
  const file = path.join(dir, 'dept.xlsx');
  await writeWorkbook(file, { 项目支出: [PROJECT_HEADER, ['甲项目', 100, 0, 100, 100], ['乙项目', 200, 20, 220, 150]] });
  return file;
}

const errno = (code: string) => Object.assign(new Error(`${code}: internal detail /tmp/.budget-eval-secret.tmp`), { code });

/** The folder's names, sorted (hidden ones included: temp files would show). */
const listing = (dir: string) => readdirSync(dir).sort();

/** A run's stderr must name the user's path, never a temp file, and carry no stack trace. */
function expectCleanMessage(err: string): void {
  expect(err).not.toMatch(/\.tmp|\.bak|budget-eval-|\n\s+at /);
}

describe('never the input, even through a link', () => {
  it.each([
    ['-o', 'symlink'],
    ['--docx', 'symlink'],
    ['-o', 'hard link'],
    ['--docx', 'hard link'],
  ])('%s naming a %s to the input → exit 2, the input untouched, nothing written', async (flag, kind) => {
    const dir = tempDir();
    const input = await deptIn(dir);
    const before = readFileSync(input);
    const other = path.join(dir, flag === '-o' ? 'alias.xlsx' : 'alias.docx');
    if (kind === 'symlink') symlinkSync(input, other);
    else linkSync(input, other);
    const run = await runCli(['dept.xlsx', flag, path.basename(other)], dir);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(flag === '-o' ? /^alias\.xlsx: 输出文件不能是输入文件本身（经由链接/ : /^alias\.docx: Word 文件不能是输入文件本身（经由链接/);
    expectCleanMessage(run.err);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(listing(dir)).toEqual(['alias.' + (flag === '-o' ? 'xlsx' : 'docx'), 'dept.xlsx']);
  });

  it('the input given through a link (the link as input, its target as -o) → exit 2', async () => {
    const dir = tempDir();
    const input = await deptIn(dir);
    symlinkSync(input, path.join(dir, 'link.xlsx'));
    const run = await runCli(['link.xlsx', '-o', 'dept.xlsx', '--lang', 'en'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toBe('dept.xlsx: the output must not be the input file (the same file through a link or another name). Choose another file name.');
  });

  it('on Windows, a name differing only in case is the input (platform injected)', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const run = await runCli(['dept.xlsx', '-o', 'DEPT.XLSX'], dir, { platform: 'win32' });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^DEPT\.XLSX: 输出文件不能是输入文件本身。请换一个文件名。$/);
    expect(listing(dir)).toEqual(['dept.xlsx']);
    // Elsewhere file names are case-sensitive: that is another file.
    expect((await runCli(['dept.xlsx', '-o', 'DEPT.XLSX'], dir, { platform: 'linux' })).code).toBe(0);
  });

  it('-o and --docx naming one file through a link → exit 2', async () => {
    const dir = tempDir();
    await deptIn(dir);
    symlinkSync(path.join(dir, 'r.docx'), path.join(dir, 'r-link.docx')); // dangling until written
    writeFileSync(path.join(dir, 'r.docx'), 'old');
    const run = await runCli(['dept.xlsx', '-o', 'r.docx', '--docx', 'r-link.docx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^r-link\.docx: Word 文件不能是输出文件（r\.docx）/);
    expect(readFileSync(path.join(dir, 'r.docx'), 'utf8')).toBe('old');
  });
});

describe('a symbolic link as -o is replaced itself', () => {
  it('the link becomes the output; the file it pointed to is left as it was', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const elsewhere = path.join(tempDir(), 'precious.xlsx');
    writeFileSync(elsewhere, 'precious');
    symlinkSync(elsewhere, path.join(dir, 'out.xlsx'));
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(elsewhere, 'utf8')).toBe('precious');
    expect(lstatSync(path.join(dir, 'out.xlsx')).isFile()).toBe(true);
    expect((await readBack(path.join(dir, 'out.xlsx'))).worksheets.map((s) => s.name)).toContain('绩效自评报告');
  });

  it('says so in the help', async () => {
    const run = await runCli(['--help'], tempDir());
    expect(run.out).toContain('a symbolic link there is\n                      itself replaced by the new file');
  });
});

describe('temporary files: exclusive, unpredictable, never through a link', () => {
  it('links planted at guessable names in the folder redirect nothing', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const victimDir = tempDir();
    const victim = path.join(victimDir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    // The old predictable names (.<name>.<pid>.tmp) and names of our own pattern, all pointing at the victim.
    const planted = [`.out.xlsx.${process.pid}.tmp`, `.r.docx.${process.pid}.tmp`, '.budget-eval-0.tmp', '.budget-eval-.tmp', '.out.xlsx.tmp'];
    for (const name of planted) symlinkSync(victim, path.join(dir, name));
    const before = listing(dir);
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--docx', 'r.docx'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(listing(victimDir)).toEqual(['victim.txt']);
    expect(listing(dir)).toEqual([...before, 'out.xlsx', 'r.docx'].sort());
  });

  it('a link already at the drawn name is neither followed nor removed: another name is drawn', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const victim = path.join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, path.join(dir, '.budget-eval-guessed.tmp'));
    const names = ['guessed', 'fresh1', 'fresh2'];
    const opened: { file: string; flags: number }[] = [];
    const fs: WriteFs = {
      ...nodeWriteFs,
      open: (file, flags, mode) => {
        opened.push({ file: path.basename(file), flags });
        return nodeWriteFs.open(file, flags, mode);
      },
    };
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--docx', 'r.docx'], dir, { fs, random: () => names.shift() ?? 'later' });
    expect(run.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(opened.map((o) => o.file)).toEqual(['.budget-eval-guessed.tmp', '.budget-eval-fresh1.tmp', '.budget-eval-fresh2.tmp']);
    // Created exclusively ('wx'), and never through a link where the system can say so.
    for (const { flags } of opened) {
      expect(flags & constants.O_CREAT).toBeTruthy();
      expect(flags & constants.O_EXCL).toBeTruthy();
      expect(flags & (constants.O_WRONLY | constants.O_RDWR)).toBeTruthy();
      if (constants.O_NOFOLLOW) expect(flags & constants.O_NOFOLLOW).toBeTruthy();
    }
    expect(lstatSync(path.join(dir, '.budget-eval-guessed.tmp')).isSymbolicLink()).toBe(true);
    expect(listing(dir)).toEqual(['.budget-eval-guessed.tmp', 'dept.xlsx', 'out.xlsx', 'r.docx']);
  });

  it('the default names are random (128 bits)', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const opened: string[] = [];
    const fs: WriteFs = { ...nodeWriteFs, open: (file, flags, mode) => (opened.push(path.basename(file)), nodeWriteFs.open(file, flags, mode)) };
    expect((await runCli(['dept.xlsx', '-o', 'a.xlsx', '--docx', 'a.docx'], dir, { fs })).code).toBe(0);
    expect(opened).toEqual([expect.stringMatching(/^\.budget-eval-[0-9a-f]{32}\.tmp$/), expect.stringMatching(/^\.budget-eval-[0-9a-f]{32}\.tmp$/)]);
    expect(opened[0]).not.toBe(opened[1]);
  });
});

/** A special file made in a fresh folder, or null when this system does not let us (mknod needs root). */
function special(kind: 'fifo' | 'device'): { dir: string; file: string } | null {
  const dir = tempDir();
  const file = path.join(dir, kind === 'fifo' ? 'pipe.xlsx' : 'device.xlsx');
  try {
    // A character device numbered like /dev/null, made here: the real /dev/null is never named.
    execFileSync(kind === 'fifo' ? 'mkfifo' : 'mknod', kind === 'fifo' ? [file] : [file, 'c', '1', '3'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return { dir, file };
}

describe('special files are refused before anything is written', () => {
  it.each([
    ['fifo', '-o', /pipe\.xlsx: 已存在，且是命名管道（FIFO）而不是普通文件：不会写入或替换它/],
    ['fifo', '--docx', /pipe\.xlsx: 已存在，且是命名管道（FIFO）而不是普通文件/],
    ['device', '-o', /device\.xlsx: 已存在，且是设备文件而不是普通文件/],
  ] as const)(
    'a %s as %s → exit 2, left as it was',
    async (kind, flag, message) => {
      const made = special(kind);
      if (!made) {
        console.warn(`skipped: cannot make a ${kind} here`);
        return;
      }
      const { dir, file } = made;
      await deptIn(dir);
      try {
        const run = await runCli(['dept.xlsx', flag, path.basename(file)], dir);
        expect(run.code).toBe(2);
        expect(run.err).toMatch(message);
        const s = lstatSync(file);
        expect(kind === 'fifo' ? s.isFIFO() : s.isCharacterDevice()).toBe(true);
        expect(listing(dir)).toEqual(['dept.xlsx', path.basename(file)].sort());
      } finally {
        rmSync(file); // our own node in our own folder
      }
    },
    10000,
  );

  it('a link to a FIFO as -o → exit 2 (the FIFO is never opened)', async () => {
    const made = special('fifo');
    if (!made) return;
    await deptIn(made.dir);
    symlinkSync(made.file, path.join(made.dir, 'out.xlsx'));
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--lang', 'en'], made.dir);
    expect(run.code).toBe(2);
    expect(run.err).toBe('out.xlsx: exists and is a named pipe (FIFO), not a regular file: it is neither written nor replaced. Choose another file name.');
  }, 10000);

  it('a folder as -o → exit 2, saying to give a file name', async () => {
    const dir = tempDir();
    await deptIn(dir);
    mkdirSync(path.join(dir, 'reports'));
    const run = await runCli(['dept.xlsx', '-o', 'reports'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toBe('reports: 这是一个文件夹，不是文件：请给出文件名，例如 reports/report.xlsx。未写入任何文件。');
    expect(listing(path.join(dir, 'reports'))).toEqual([]);
  });
});

describe('output folders are checked before anything is written', () => {
  it('--docx into a missing folder → exit 2, not even the workbook written', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const run = await runCli(['dept.xlsx', '--docx', 'missing/r.docx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toBe('missing/r.docx: 文件夹 missing 不存在：请先创建它，或换一个输出位置。未写入任何文件。');
    expectCleanMessage(run.err);
    expect(listing(dir)).toEqual(['dept.xlsx']);
    const en = await runCli(['dept.xlsx', '--docx', 'missing/r.docx', '--lang', 'en'], dir);
    expect(en.err).toBe('missing/r.docx: the folder missing does not exist: create it first, or choose another place. Nothing was written.');
  });

  it('a file where a folder should be → exit 2', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const run = await runCli(['dept.xlsx', '-o', 'dept.xlsx/out.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^dept\.xlsx\/out\.xlsx: 路径 dept\.xlsx 中有一部分不是文件夹/);
  });

  it('a read-only folder → exit 2 naming it (the permission check injected: root may write anywhere)', async () => {
    const dir = tempDir();
    await deptIn(dir);
    mkdirSync(path.join(dir, 'locked'));
    const fs: WriteFs = {
      ...nodeWriteFs,
      access: async (file, mode) => {
        if (file.endsWith('locked')) throw errno('EACCES');
        return nodeWriteFs.access(file, mode);
      },
    };
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--docx', 'locked/r.docx'], dir, { fs });
    expect(run.code).toBe(2);
    expect(run.err).toBe('locked/r.docx: 没有在文件夹 locked 中写入的权限：请换一个可写的文件夹，或请管理员授予写入权限。未写入任何文件。');
    expectCleanMessage(run.err);
    expect(listing(dir)).toEqual(['dept.xlsx', 'locked']);
  });

  it('on Windows, a refused creation says the file may be open in Excel (platform injected)', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const fs: WriteFs = { ...nodeWriteFs, access: async () => Promise.reject(errno('EACCES')), open: async () => Promise.reject(errno('EPERM')) };
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--lang', 'en'], dir, { fs, platform: 'win32' });
    expect(run.code).toBe(2);
    // The folder's read-only attribute means nothing on Windows: only the creation itself decides.
    expect(run.err).toBe('out.xlsx: cannot write it: the file may be open in Excel or WPS, or you may not have permission. Close it or choose another place, then try again. Nothing was written.');
    expect(listing(dir)).toEqual(['dept.xlsx']);
  });

  it('a folder that accepts no new file (like /proc) → exit 2, not "create the folder"', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const fs: WriteFs = { ...nodeWriteFs, open: async () => Promise.reject(errno('ENOENT')) };
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--lang', 'en'], dir, { fs });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^out\.xlsx: cannot create a file in the folder .* \(ENOENT\): it may have just been moved, or it does not allow new files\./);
    expect(listing(dir)).toEqual(['dept.xlsx']);
  });

  it('a read-only folder for real, when not root', async () => {
    if (process.getuid?.() === 0 || process.platform === 'win32') return; // root ignores the mode bits
    const dir = tempDir();
    await deptIn(dir);
    mkdirSync(path.join(dir, 'ro'), { mode: 0o555 });
    const run = await runCli(['dept.xlsx', '-o', 'ro/out.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^ro\/out\.xlsx: 没有在文件夹 ro 中写入的权限/);
  });

  it.each([
    ['ENOSPC', /^out\.xlsx: 磁盘空间不足：请清理空间或换一个磁盘后再试。未写入任何文件。$/],
    ['EDQUOT', /^out\.xlsx: 磁盘空间不足/],
    ['EIO', /^out\.xlsx: 无法写入（EIO）：请检查该位置后再试。未写入任何文件。$/],
  ])('%s while writing → exit 2, the previous output kept, no temporary file left', async (code, message) => {
    const dir = tempDir();
    await deptIn(dir);
    writeFileSync(path.join(dir, 'out.xlsx'), 'previous');
    const fs: WriteFs = {
      ...nodeWriteFs,
      open: async (file, flags, mode) => {
        const real = await nodeWriteFs.open(file, flags, mode);
        const failing: TempHandle = { ...bind(real), writeFile: async () => Promise.reject(errno(code)) };
        return failing;
      },
    };
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx'], dir, { fs });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expectCleanMessage(run.err);
    expect(readFileSync(path.join(dir, 'out.xlsx'), 'utf8')).toBe('previous');
    expect(listing(dir)).toEqual(['dept.xlsx', 'out.xlsx']);
  });
});

function bind(handle: TempHandle): TempHandle {
  return {
    writeFile: (data) => handle.writeFile(data),
    sync: () => handle.sync(),
    chmod: (mode) => handle.chmod(mode),
    close: () => handle.close(),
  };
}

/** rename fails for the Word document (after the workbook was moved into place). */
const docxRenameFails = (code = 'EIO'): WriteFs => ({
  ...nodeWriteFs,
  rename: async (from, to) => {
    if (to.endsWith('.docx')) throw errno(code);
    return nodeWriteFs.rename(from, to);
  },
});

describe('all or nothing', () => {
  it('a failing second rename puts the previous workbook back, byte for byte', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const out = path.join(dir, 'out.xlsx');
    writeFileSync(out, 'the clerk’s previous output');
    const mode = 0o640;
    execFileSync('chmod', [mode.toString(8), out]);
    const ino = statSync(out).ino;
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--docx', 'r.docx'], dir, { fs: docxRenameFails() });
    expect(run.code).toBe(2);
    expect(run.err).toBe('r.docx: 无法写入（EIO）：请检查该位置后再试。未写入任何文件。');
    expect(readFileSync(out, 'utf8')).toBe('the clerk’s previous output');
    expect(statSync(out).ino).toBe(ino); // the very file, not a copy
    expect(listing(dir)).toEqual(['dept.xlsx', 'out.xlsx']);
  });

  it('a failing second rename removes a first output that did not exist before', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const run = await runCli(['dept.xlsx', '--docx', 'r.docx', '--lang', 'en'], dir, { fs: docxRenameFails('EBUSY') });
    expect(run.code).toBe(2);
    expect(run.err).toBe('r.docx: the file is in use by another program (open in Excel or WPS?): close it and try again. Nothing was written.');
    expect(listing(dir)).toEqual(['dept.xlsx']);
  });

  it('a failing second rename puts a symbolic link -o back as the same link', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const elsewhere = path.join(tempDir(), 'pointed.xlsx');
    writeFileSync(elsewhere, 'pointed');
    symlinkSync(elsewhere, path.join(dir, 'out.xlsx'));
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--docx', 'r.docx'], dir, { fs: docxRenameFails() });
    expect(run.code).toBe(2);
    expect(lstatSync(path.join(dir, 'out.xlsx')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'out.xlsx'))).toBe(elsewhere);
    expect(readFileSync(elsewhere, 'utf8')).toBe('pointed');
    expect(listing(dir)).toEqual(['dept.xlsx', 'out.xlsx']);
  });

  it('an unforeseen failure while checking is still exit 2 naming the path, not a bug', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const fs: WriteFs = { ...nodeWriteFs, realpath: async (file) => (file.endsWith('sub') ? Promise.reject(errno('EACCES')) : nodeWriteFs.realpath(file)) };
    mkdirSync(path.join(dir, 'sub'));
    const run = await runCli(['dept.xlsx', '-o', 'sub/out.xlsx'], dir, { fs });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^sub\/out\.xlsx: 没有在文件夹 sub 中写入的权限/);
    expectCleanMessage(run.err);
  });

  it('without hard links (FAT, some shares) the previous workbook is kept aside as a copy', async () => {
    const dir = tempDir();
    await deptIn(dir);
    writeFileSync(path.join(dir, 'out.xlsx'), 'previous');
    const fs: WriteFs = { ...docxRenameFails(), link: async () => Promise.reject(errno('EPERM')) };
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--docx', 'r.docx'], dir, { fs });
    expect(run.code).toBe(2);
    expect(readFileSync(path.join(dir, 'out.xlsx'), 'utf8')).toBe('previous');
    expect(listing(dir)).toEqual(['dept.xlsx', 'out.xlsx']);
  });

  it('keeps the replaced file’s permissions', async () => {
    const dir = tempDir();
    await deptIn(dir);
    writeFileSync(path.join(dir, 'out.xlsx'), 'previous', { mode: 0o600 });
    expect((await runCli(['dept.xlsx', '-o', 'out.xlsx'], dir)).code).toBe(0);
    expect(statSync(path.join(dir, 'out.xlsx')).mode & 0o777).toBe(0o600);
  });

  it('a signal during the write: outputs put back, temporary files removed, then the signal goes on', async () => {
    const dir = tempDir();
    await deptIn(dir);
    writeFileSync(path.join(dir, 'out.xlsx'), 'previous');
    const handlers = new Map<SignalName, () => void>();
    const killed: SignalName[] = [];
    const signals: Signals = { on: (s, h) => handlers.set(s, h), off: (s) => handlers.delete(s), kill: (s) => killed.push(s) };
    let seen: string[] = [];
    const fs: WriteFs = {
      ...nodeWriteFs,
      rename: async (from, to) => {
        if (!to.endsWith('.docx')) return nodeWriteFs.rename(from, to);
        // The workbook is in place, the document's temp file written: Ctrl-C now.
        expect([...handlers.keys()].sort()).toEqual(['SIGHUP', 'SIGINT', 'SIGTERM']);
        seen = listing(dir);
        handlers.get('SIGINT')!();
      },
    };
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--docx', 'r.docx'], dir, { fs, signals });
    expect(seen.filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
    expect(seen.filter((n) => n.endsWith('.bak'))).toHaveLength(1);
    expect(killed).toEqual(['SIGINT']);
    expect(run.code).toBe(2);
    expect(readFileSync(path.join(dir, 'out.xlsx'), 'utf8')).toBe('previous');
    expect(listing(dir)).toEqual(['dept.xlsx', 'out.xlsx']);
    expect(handlers.size).toBe(0);
  });

  it.each([
    ['after', 'moved'],
    ['before', 'not yet moved'],
  ])('a signal while the workbook’s rename is under way (the file %s the move: %s) puts it back', async (when) => {
    const dir = tempDir();
    await deptIn(dir);
    writeFileSync(path.join(dir, 'out.xlsx'), 'previous');
    const handlers = new Map<SignalName, () => void>();
    const killed: SignalName[] = [];
    const signals: Signals = { on: (s, h) => handlers.set(s, h), off: (s) => handlers.delete(s), kill: (s) => killed.push(s) };
    const fs: WriteFs = {
      ...nodeWriteFs,
      rename: async (from, to) => {
        if (!to.endsWith('out.xlsx')) return nodeWriteFs.rename(from, to);
        if (when === 'after') await nodeWriteFs.rename(from, to);
        handlers.get('SIGTERM')!();
        if (when === 'before') await nodeWriteFs.rename(from, to); // the temp file is gone: fails
      },
    };
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--docx', 'r.docx'], dir, { fs, signals });
    expect(killed).toEqual(['SIGTERM']);
    expect(run.code).toBe(2);
    expect(readFileSync(path.join(dir, 'out.xlsx'), 'utf8')).toBe('previous');
    expect(listing(dir)).toEqual(['dept.xlsx', 'out.xlsx']);
  });

  it('when the previous workbook cannot be put back, its content is kept aside and the message says where', async () => {
    const dir = tempDir();
    await deptIn(dir);
    writeFileSync(path.join(dir, 'out.xlsx'), 'previous');
    const fs: WriteFs = { ...docxRenameFails(), renameSync: () => { throw errno('EIO'); } };
    const run = await runCli(['dept.xlsx', '-o', 'out.xlsx', '--docx', 'r.docx', '--lang', 'en'], dir, { fs });
    expect(run.code).toBe(2);
    const kept = /its content is kept at: out\.xlsx ← (.+\.bak)$/.exec(run.err);
    expect(run.err).toMatch(/^r\.docx: cannot write it \(EIO\): check that place and try again\. Also, a previous file could not be put back/);
    expect(readFileSync(kept![1], 'utf8')).toBe('previous');
    expect(listing(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('the signal handlers are gone after a normal run', async () => {
    const dir = tempDir();
    await deptIn(dir);
    const on: string[] = [];
    const off: string[] = [];
    const signals: Signals = { on: (s) => on.push(s), off: (s) => off.push(s), kill: () => undefined };
    expect((await runCli(['dept.xlsx'], dir, { signals })).code).toBe(0);
    expect(on.sort()).toEqual(['SIGHUP', 'SIGINT', 'SIGTERM']);
    expect([...new Set(off)].sort()).toEqual(on);
  });
});
