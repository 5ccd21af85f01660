// The command on a file over the size limits and on a damaged one: exit 2 and a sentence saying what to do.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { rawXlsx, rowsXml } from '../gateways/xlsx/rawXlsx';
import { runCli, tempDir } from './workbooks';

describe('budget-eval on hostile files', () => {
  it('a sheet of 1,048,576 rows is refused with the limit, the figure and how to split (exit 2)', async () => {
    const dir = tempDir();
    const rows = rowsXml([['项目名称', '年初预算数']]) + '<row r="1048576"><c r="A1048576"><v>1</v></c></row>';
    writeFileSync(path.join(dir, 'big.xlsx'), await rawXlsx([{ name: '项目支出', rows, dimension: 'A1:B1048576' }]));
    const zh = await runCli(['big.xlsx'], dir);
    expect(zh.code).toBe(2);
    expect(zh.err).toBe('big.xlsx: 工作表“项目支出”有 1,048,576 行，超过了每张表 120,000 行的上限：请把这张表拆到几个文件中（每个文件一张表、不超过 120,000 行），分别生成报告；或删去表格下方不需要的行。');
    const en = await runCli(['big.xlsx', '--check', '--lang', 'en'], dir);
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/^big\.xlsx: sheet “项目支出” has 1,048,576 rows, over the limit of 120,000 rows per sheet: split the table/);
  });

  it('a part whose bytes changed is "the file is damaged" (exit 2)', async () => {
    const dir = tempDir();
    const bytes = Buffer.from(await rawXlsx([{ name: '项目支出', rows: rowsXml([['项目名称', '年初预算数'], ['Alpha', 1]]) }], { store: true }));
    bytes.write('Alphb', bytes.indexOf('Alpha'));
    writeFileSync(path.join(dir, 'damaged.xlsx'), bytes);
    const zh = await runCli(['damaged.xlsx'], dir);
    expect(zh.code).toBe(2);
    expect(zh.err).toMatch(/^damaged\.xlsx: 文件已损坏，无法读取（校验和不符）/);
    const en = await runCli(['damaged.xlsx', '--lang', 'en'], dir);
    expect(en.err).toMatch(/^damaged\.xlsx: the file is damaged and cannot be read \(checksum mismatch\)/);
  });
});
