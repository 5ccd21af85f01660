/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (Node's export conditions: ExcelJS, which the fake's helpers use to read the sample, needs uuid's CommonJS build.)
// The pane on the real Office.js gateway, over the fake Excel (test/fakes/excel) holding the sample workbook:
// what a clerk sees after clicking Generate, and that the links select in the workbook.
import '@testing-library/jest-dom';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { findSheet } from '../fakes/excel';
import { install, sampleWorkbook, uninstall } from '../gateways/office/helpers';

afterEach(() => uninstall());

it('generates the sample’s evaluation in Excel and selects what the clerk clicks', async () => {
  const state = await sampleWorkbook();
  const { host } = install(state);
  const user = userEvent.setup();
  render(<App host={host} language="zh" theme="light" storage={null} />);
  await act(async () => undefined);

  await user.click(screen.getByRole('button', { name: /生成自评报告/ }));
  expect(await screen.findByRole('heading', { name: '结果' }, { timeout: 20000 })).toHaveFocus();

  const totals = screen.getByRole('region', { name: '部门整体支出' });
  expect(within(totals).getAllByRole('definition').map((dd) => dd.textContent)).toEqual(['2270.4万元', '2190.49万元', '2.16%', '96.48%', '38.93 / 100 分（另有 50 分待人工评分，等级暂定“差”）']);
  const under = screen.getByRole('region', { name: '低于目标的项目（3 个）' });
  expect(within(under).getAllByRole('button').map((b) => b.textContent)).toEqual(['三防抢险工作经费', '总值班室工作经费', '安全生产宣传教育中心工作经费']);

  await user.click(within(under).getByRole('button', { name: '安全生产宣传教育中心工作经费' }));
  const projects = findSheet(state, '项目支出');
  expect(projects?.selection).toEqual({ top: 9, left: 1, bottom: 9, right: 1 }); // 项目支出!B10

  await user.click(screen.getByRole('button', { name: '打开报告工作表“绩效自评报告”' }));
  expect(findSheet(state, '绩效自评报告')?.selection).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
  expect(state.activeSheetId).toBe(findSheet(state, '绩效自评报告')?.id);
});

it('explains a protected workbook the gateway could not write', async () => {
  const state = await sampleWorkbook();
  state.protected = true;
  const { host } = install(state);
  const user = userEvent.setup();
  const { unmount } = render(<App host={host} language="zh" theme="light" storage={null} />);
  await act(async () => undefined);
  await user.click(screen.getByRole('button', { name: /生成自评报告/ }));
  expect(await screen.findByText('工作表或工作簿受保护：请在“审阅”选项卡中撤销保护后再试。“导出 Word”不改动工作簿，受保护时也可使用。', {}, { timeout: 20000 })).toBeInTheDocument();
  expect(screen.getByText(/^详细信息：/)).toBeInTheDocument();

  // As it says: Export to Word reads the protected workbook and makes the document.
  const urls = URL as unknown as { createObjectURL?: (blob: Blob) => string; revokeObjectURL?: (url: string) => void };
  urls.createObjectURL = () => 'blob:http://localhost/1';
  urls.revokeObjectURL = () => undefined;
  try {
    await user.click(screen.getByRole('button', { name: '导出 Word' }));
    expect(await screen.findByRole('link', { name: /下载 Word 文档/ }, { timeout: 45000 })).toBeInTheDocument();
  } finally {
    unmount(); // the link's URL is revoked as it goes
    delete urls.createObjectURL;
    delete urls.revokeObjectURL;
  }
});
