// budget-eval --docx: the report as a Word document beside the usual outputs; never over the input.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { samplePath } from '../../src/cli/main';
import { readDocx } from '../gateways/docx/docxText';
import { runCli, tempDir, writeWorkbook } from './workbooks';

function sampleIn(dir: string): string {
  const file = path.join(dir, 'sample-2021.xlsx');
  copyFileSync(samplePath(), file);
  return file;
}

describe('budget-eval --docx', () => {
  it('writes the Word document as well as the evaluated workbook, and says where', async () => {
    const dir = tempDir();
    const run = await runCli([sampleIn(dir), '--docx', '报告.docx'], dir);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'sample-2021.evaluation.xlsx'))).toBe(true);
    expect(run.out.split('\n').slice(-2)).toEqual(['已写入 sample-2021.evaluation.xlsx（工作表“绩效自评报告”）', '已写入 报告.docx（Word 文档）']);
    const docx = await readDocx(readFileSync(path.join(dir, '报告.docx')));
    expect(docx.paragraphs[0]).toBe('广州市荔湾区应急管理局\n2021年部门整体支出绩效自评报告');
    expect(docx.paragraphs).toEqual(expect.arrayContaining(['一、基本情况', '四、下一步改进措施', '附表1', '附表4', '2026年11月29日']));
  });

  it('refuses to write over the input or the output workbook, writing nothing', async () => {
    const dir = tempDir();
    const input = sampleIn(dir);
    const before = readFileSync(input);
    const onInput = await runCli([input, '--docx', 'sample-2021.xlsx'], dir);
    expect(onInput.code).toBe(2);
    expect(onInput.err).toMatch(/Word 文件不能是输入文件/);
    expect(readFileSync(input).equals(before)).toBe(true);
    const onOutput = await runCli([input, '-o', 'out.xlsx', '--docx', 'out.xlsx', '--lang', 'en'], dir);
    expect(onOutput.code).toBe(2);
    expect(onOutput.err).toMatch(/the Word file must not be the output workbook/);
    expect(existsSync(path.join(dir, 'out.xlsx'))).toBe(false);
    expect(existsSync(path.join(dir, 'sample-2021.evaluation.xlsx'))).toBe(false);
  });

  it('writes no document when the workbook cannot be evaluated (exit 2, the errors on stderr)', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'notes.xlsx'), { Notes: [['nothing', 'to'], ['see', 'here']] });
    const run = await runCli(['notes.xlsx', '--docx', 'notes.docx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).not.toBe('');
    expect(existsSync(path.join(dir, 'notes.docx'))).toBe(false);
  });

  it('keeps stdout pure JSON with --json, and still writes the document', async () => {
    const dir = tempDir();
    const run = await runCli([sampleIn(dir), '--json', '--docx', 'r.docx'], dir);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.out)).not.toThrow();
    expect(existsSync(path.join(dir, 'r.docx'))).toBe(true);
    expect(existsSync(path.join(dir, 'sample-2021.evaluation.xlsx'))).toBe(false);
  });

  it('is in the help', async () => {
    const run = await runCli(['--help'], tempDir());
    expect(run.out).toMatch(/--docx FILE/);
  });
});
