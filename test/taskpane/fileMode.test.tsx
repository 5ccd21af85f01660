/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (Node's export conditions: ExcelJS needs uuid's CommonJS build.)
// The pane outside Excel, on the real .xlsx gateway and pipeline: open a file (button or drop), generate,
// download the evaluated copy; a workbook with errors shows them and offers nothing to download; other
// formats and encrypted files are explained.
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from '../../src/taskpane/App';
import { readFileBytes } from '../../src/taskpane/components/FileMode/openFile';
import { FILE_SETTINGS_KEY } from '../../src/gateways/xlsx/fileHost';

const SAMPLE = readFileSync(path.join(__dirname, '..', '..', 'assets', 'sample-2021.xlsx'));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Generous: the sample is read and evaluated for real in jsdom, which took over 20 s on a loaded 2-core machine.
const TIMEOUT = { timeout: 45000 };

/** A Map-backed localStorage stand-in that the test can read. */
function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

/** A project table whose 三防抢险工作经费 actual (项目支出!E3) is text: the workbook cannot be evaluated. */
async function badWorkbook(): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('项目支出').addRows([
    ['序号', '项目名称', '年初预算数', '预算调整数', '实际支出数'],
    [1, '应急管理工作经费', 100, 0, 90],
    [2, '三防抢险工作经费', 50, 0, '四十万'],
  ]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const blobs: Blob[] = [];
const revoked: string[] = [];
const urls = URL as unknown as { createObjectURL?: (blob: Blob) => string; revokeObjectURL?: (url: string) => void };

beforeEach(() => {
  blobs.length = 0;
  revoked.length = 0;
  urls.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return `blob:http://localhost/${blobs.length}`;
  };
  urls.revokeObjectURL = (url: string) => void revoked.push(url);
});

afterEach(() => {
  delete urls.createObjectURL;
  delete urls.revokeObjectURL;
});

async function renderBrowserPane(storage: Storage | null = null) {
  const user = userEvent.setup({ applyAccept: false });
  render(<App host={null} language="zh" theme="light" storage={storage} />);
  await act(async () => undefined);
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  return { user, input };
}

it('opens the sample, shows the result and offers the evaluated workbook for download', async () => {
  const storage = memoryStorage();
  const { user, input } = await renderBrowserPane(storage);
  expect(input.accept).toContain('.xlsx');
  expect(screen.queryByRole('button', { name: /生成自评报告/ })).not.toBeInTheDocument();

  await user.upload(input, new File([SAMPLE], 'sample-2021.xlsx', { type: XLSX }));
  expect(await screen.findByText('已打开：sample-2021.xlsx', {}, TIMEOUT)).toBeInTheDocument();
  // Outside Excel there is no Undo notice and no Excel-only tool.
  expect(screen.queryByText('“撤消”不起作用')).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '清除标记' })).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: /生成自评报告/ }));
  expect(await screen.findByRole('heading', { name: '结果' }, TIMEOUT)).toHaveFocus();

  const totals = screen.getByRole('region', { name: '部门整体支出' });
  expect(within(totals).getAllByRole('definition').map((dd) => dd.textContent)).toEqual(['2270.4万元', '2190.49万元', '2.16%', '96.48%', '38.93 / 100 分（另有 50 分待人工评分，等级暂定“差”）']);
  // The projects under target, as text: a file has no cell to select.
  const under = screen.getByRole('region', { name: '低于目标的项目（3 个）' });
  expect(within(under).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    '三防抢险工作经费 执行率 94.19%，目标 95%',
    '总值班室工作经费 执行率 92.03%，目标 95%',
    '安全生产宣传教育中心工作经费 执行率 88.31%，目标 95%',
  ]);
  expect(within(under).queryAllByRole('button')).toEqual([]);
  expect(screen.getByText('项目支出!B10')).not.toHaveAttribute('role');
  expect(screen.queryByRole('button', { name: /打开报告工作表/ })).not.toBeInTheDocument();

  const link = screen.getByRole('link', { name: '下载结果工作簿' });
  expect(link).toHaveAttribute('download', 'sample-2021.evaluation.xlsx');
  expect(link).toHaveAttribute('href', 'blob:http://localhost/1');
  expect(blobs).toHaveLength(1);
  expect(blobs[0].type).toBe(XLSX);

  const evaluated = new ExcelJS.Workbook();
  await evaluated.xlsx.load((await readFileBytes(blobs[0])) as unknown as ExcelJS.Buffer);
  expect(evaluated.worksheets.map((ws) => ws.name)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标', '绩效自评报告']);

  // The settings are remembered in the browser.
  await user.click(screen.getByRole('button', { name: /设置/ }));
  await user.click(screen.getByRole('radio', { name: '固定两位小数：126.00万元、100.00%' }));
  expect(JSON.parse(storage.data.get(FILE_SETTINGS_KEY) ?? '{}')).toMatchObject({ style: 'fixed' });

  // A second run starts from the file as opened (the report is not doubled) and replaces the download.
  await user.click(screen.getByRole('button', { name: /生成自评报告/ }));
  await screen.findByText('2270.40万元', {}, TIMEOUT);
  expect(revoked).toEqual(['blob:http://localhost/1']);
  expect(await screen.findByRole('link', { name: '下载结果工作簿' }, TIMEOUT)).toHaveAttribute('href', 'blob:http://localhost/2');
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await readFileBytes(blobs[1])) as unknown as ExcelJS.Buffer);
  expect(again.worksheets.map((ws) => ws.name)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标', '绩效自评报告']);
});

it('shows a workbook’s errors with their cells and offers no download', async () => {
  const { user, input } = await renderBrowserPane();
  await user.upload(input, new File([await badWorkbook()], '预算表.xlsx', { type: XLSX }));
  await user.click(await screen.findByRole('button', { name: /生成自评报告/ }, TIMEOUT));
  expect(await screen.findByText('未写入报告：请先在工作簿中更正以下错误，再点击“生成自评报告”。', {}, TIMEOUT)).toBeInTheDocument();
  const errors = screen.getByRole('region', { name: '错误（1）' });
  expect(errors).toHaveTextContent('项目支出!E3“实际支出数”应为数字，实为“四十万”。');
  expect(within(errors).queryAllByRole('button')).toEqual([]);
  expect(screen.queryByRole('link', { name: /下载结果/ })).not.toBeInTheDocument();
  expect(blobs).toEqual([]);
});

it('opens a file dropped on the drop zone', async () => {
  await renderBrowserPane();
  const zone = screen.getByRole('group', { name: '打开工作簿：选择或拖入 .xlsx 文件' });
  const file = new File([SAMPLE], 'dropped.xlsx', { type: XLSX });
  fireEvent.dragOver(zone, { dataTransfer: { types: ['Files'], files: [file], dropEffect: 'none' } });
  fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files: [file] } });
  expect(await screen.findByText('已打开：dropped.xlsx', {}, TIMEOUT)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: /生成自评报告/ })).toBeInTheDocument();
});

it.each([
  ['预算表.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '不支持 .xls 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再打开。'],
  ['预算表.et', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '不支持 .et 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再打开。'],
  ['预算表.csv', Buffer.from('项目名称,实际支出数\n甲,1\n'), '不支持 .csv 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再打开。'],
  ['加密.xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '文件已加密（设置了打开密码）或为旧版 .xls 格式：请取消密码并在 Excel 或 WPS 中另存为 .xlsx 后再打开。'],
  ['文本.xlsx', Buffer.from('not a workbook'), '这不是 .xlsx 工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再打开。'],
])('explains why %s cannot be opened, and offers no Generate', async (name, bytes, message) => {
  const { user, input } = await renderBrowserPane();
  await user.upload(input, new File([bytes], name));
  expect(await screen.findByText(message, {}, TIMEOUT)).toBeInTheDocument();
  expect(screen.getByText(`无法打开“${name}”`)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /生成自评报告/ })).not.toBeInTheDocument();
});

it('explains a zip that is not a workbook, and a damaged workbook with the reader’s words as the detail', async () => {
  const JSZip = (await import('jszip')).default;
  const notBook = new JSZip();
  notBook.file('hello.txt', 'hi');
  const damaged = new JSZip();
  damaged.file('[Content_Types].xml', '<Types');
  damaged.file('xl/workbook.xml', '<workbook><sheets><sheet name="a" r:id="rId9"');
  const { user, input } = await renderBrowserPane();
  await user.upload(input, new File([(await notBook.generateAsync({ type: 'uint8array' })) as Uint8Array<ArrayBuffer>], 'archive.xlsx'));
  expect(await screen.findByText('这不是 .xlsx 工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再打开。', {}, TIMEOUT)).toBeInTheDocument();
  await user.upload(input, new File([(await damaged.generateAsync({ type: 'uint8array' })) as Uint8Array<ArrayBuffer>], 'damaged.xlsx'));
  expect(await screen.findByText('无法读取此工作簿（文件可能已损坏）：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。', {}, TIMEOUT)).toBeInTheDocument();
  expect(screen.getByText(/^详细信息：/)).toBeInTheDocument();
});

it('refuses a workbook over the size limits, saying which limit, the figure and how to split the work', async () => {
  // A sheet whose used range reaches Excel's last row: the command refuses it with the same limit.
  const { rawXlsx, rowsXml } = await import('../gateways/xlsx/rawXlsx');
  const rows = rowsXml([['项目名称', '年初预算数']]) + '<row r="1048576"><c r="A1048576"><v>1</v></c></row>';
  const bytes = (await rawXlsx([{ name: '项目支出', rows, dimension: 'A1:B1048576' }])) as Uint8Array<ArrayBuffer>;
  const { user, input } = await renderBrowserPane();
  await user.upload(input, new File([bytes], 'big.xlsx'));
  expect(await screen.findByText(/^工作表“项目支出”有 1,048,576 行，超过了每张表 120,000 行的上限：请把这张表拆到几个文件中/, {}, TIMEOUT)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /生成自评报告/ })).not.toBeInTheDocument();
});

it('replaces an open workbook’s result when another file is opened', async () => {
  const { user, input } = await renderBrowserPane();
  await user.upload(input, new File([SAMPLE], 'sample-2021.xlsx', { type: XLSX }));
  await user.click(await screen.findByRole('button', { name: /生成自评报告/ }, TIMEOUT));
  await screen.findByRole('link', { name: '下载结果工作簿' }, TIMEOUT);
  await user.upload(input, new File([Buffer.from('x')], 'b.csv'));
  expect(await screen.findByText('无法打开“b.csv”', {}, TIMEOUT)).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: '下载结果工作簿' })).not.toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: '结果' })).not.toBeInTheDocument();
  expect(revoked).toEqual(['blob:http://localhost/1']);
});

it('links the blank template served with the page, in English too', async () => {
  render(<App host={null} language="en" theme="light" storage={null} />);
  await act(async () => undefined);
  const link = screen.getByRole('link', { name: 'Download the blank template' });
  expect(link).toHaveAttribute('href', 'assets/template.xlsx');
  expect(link).toHaveAttribute('download', 'budget-evaluation-template.xlsx');
  expect(screen.getByRole('button', { name: 'Open workbook' })).toBeInTheDocument();
});

it('words the findings in the pane’s language (English) while the report keeps the report’s (Chinese)', async () => {
  const user = userEvent.setup({ applyAccept: false });
  render(<App host={null} language="en" theme="light" storage={null} />);
  await act(async () => undefined);
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  await user.upload(input, new File([SAMPLE], 'sample-2021.xlsx', { type: XLSX }));
  await user.click(await screen.findByRole('button', { name: /Generate evaluation/ }, TIMEOUT));
  await screen.findByRole('link', { name: 'Download the evaluated workbook' }, TIMEOUT);

  const warnings = screen.getByRole('region', { name: /^Warning/ });
  expect(within(warnings).getByRole('listitem')).toHaveTextContent('"安全生产宣传教育中心工作经费" is at 88.31%, below 90.00%: a reason is required.');
  expect(warnings).not.toHaveTextContent('需填写偏差原因');

  // The report written into the workbook is in the report's language, the default Chinese.
  const evaluated = new ExcelJS.Workbook();
  await evaluated.xlsx.load((await readFileBytes(blobs[0])) as unknown as ExcelJS.Buffer);
  const texts: string[] = [];
  evaluated.getWorksheet('绩效自评报告')?.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value))));
  expect(texts).toContain('“安全生产宣传教育中心工作经费”执行率 88.31% 低于 90.00%，需填写偏差原因。');
});
