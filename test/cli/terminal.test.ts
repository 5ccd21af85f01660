// Control characters from a workbook never reach the terminal raw: ESC, BEL, C1 … are shown as \u001b-style
// escapes in the human output; the JSON escapes them too (DEL and C1 as well) and stays valid.
import path from 'node:path';
import { terminalSafe } from '../../src/cli/terminal';
import { PROJECT_HEADER, patchSharedStrings, runCli, tempDir, writeWorkbook } from './workbooks';

describe('terminalSafe', () => {
  it('escapes every C0 control (tab and newline too), DEL and every C1 control', () => {
    expect(terminalSafe('a\u001b[31mb\u0007c')).toBe('a\\u001b[31mb\\u0007c');
    expect(terminalSafe('\u0000\t\n\r\u001f\u007f\u0080\u009b\u009f')).toBe('\\u0000\\u0009\\u000a\\u000d\\u001f\\u007f\\u0080\\u009b\\u009f');
  });

  it('leaves everything else as it is', () => {
    const text = '项目支出!E7: “甲项目”执行率 88.31% 低于 90.00%\u00a0— ½ é 😀 \\u001b';
    expect(terminalSafe(text)).toBe(text);
  });
});

/** A workbook whose first project's name holds ESC [31m and BEL, the second's an OSC title sequence and a C1 NEL. */
async function hostile(dir: string, actual2: number | string = 100): Promise<void> {
  const file = path.join(dir, 'esc.xlsx');
  await writeWorkbook(file, { 项目支出: [PROJECT_HEADER, ['甲MARK1项目', 100, 0, 100, 50], ['乙MARK2项目', 100, 0, 100, actual2]] });
  await patchSharedStrings(file, { MARK1: '_x001B_[31m_x0007_', MARK2: '_x001B_]0;title_x0007__x0085_' });
}

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('budget-eval on a workbook holding control characters', () => {
  it('the summary and the findings show them escaped', async () => {
    const dir = tempDir();
    await hostile(dir);
    const run = await runCli(['esc.xlsx'], dir);
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(RAW_CONTROL);
    expect(run.out).toContain('低于目标 1 个：甲\\u001b[31m\\u0007项目 50.00%');
    expect(run.out).toContain('  项目支出!A2: “甲\\u001b[31m\\u0007项目”执行率 50.00% 低于 90.00%');
  });

  it('the errors on stderr show them escaped', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.xlsx');
    await writeWorkbook(file, { 项目支出: [PROJECT_HEADER, ['甲项目', 100, 0, 100, 'MARK3']] });
    await patchSharedStrings(file, { MARK3: '一百_x001B_[2J_x0007_' });
    const run = await runCli(['bad.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).not.toMatch(RAW_CONTROL);
    expect(run.err).toMatch(/^项目支出!E2: .*一百\\u001b\[2J\\u0007/);
  });

  it('--json stays valid JSON with the text as it is', async () => {
    const dir = tempDir();
    await hostile(dir);
    const run = await runCli(['esc.xlsx', '--json'], dir);
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(run.out).projects.map((p: { name: string }) => p.name)).toEqual(['甲\u001b[31m\u0007项目', '乙\u001b]0;title\u0007\u0085项目']);
  });
});
