/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// A workbook past one of the reader's size limits: the page says which limit, the figure and how to split the
// work, in the command's words and the pane's language, the limit having come from the worker as plain data;
// whether the limit is met on opening or by a run.
import '@testing-library/jest-dom';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { limitMessage, type LimitExceeded } from '../../src/core/limits';
import { HostError } from '../../src/gateways/host';
import { App } from '../../src/taskpane/App';
import { FakeHost } from './fakeHost';

const LIMIT: LimitExceeded = { limit: 'maxRowsPerSheet', found: 1_048_576, allowed: 120_000, sheet: '项目支出' };

// The reader refuses every file, as it does one past a limit (the limits themselves are the reader's tests).
jest.mock('../../src/gateways/xlsx/readWorkbook', () => {
  const actual = jest.requireActual('../../src/gateways/xlsx/readWorkbook');
  return {
    ...actual,
    loadWorkbook: async () => {
      throw new actual.UnreadableWorkbookError('over a limit', 'too-large', { limit: LIMIT });
    },
  };
});

it('says which limit a file passes, in the reader’s words, and offers no Generate', async () => {
  const user = userEvent.setup({ applyAccept: false });
  render(<App host={null} language="zh" theme="light" storage={null} />);
  await act(async () => undefined);
  const sample = readFileSync(path.join(__dirname, '..', '..', 'assets', 'sample-2021.xlsx'));
  await user.upload(document.querySelector<HTMLInputElement>('input[type=file]')!, new File([sample], '大表.xlsx'));
  expect(await screen.findByText(limitMessage(LIMIT, 'zh'), {}, { timeout: 20000 })).toBeInTheDocument();
  expect(screen.getByText('无法打开“大表.xlsx”')).toBeInTheDocument();
  expect(screen.queryByText(/^详细信息：/)).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /生成自评报告/ })).not.toBeInTheDocument();
});

it('shows a limit met by a run as its message', async () => {
  const host = new FakeHost();
  const user = userEvent.setup();
  render(<App host={host} language="en" theme="light" storage={null} />);
  await act(async () => undefined);
  await user.click(screen.getByRole('button', { name: /Generate evaluation/ }));
  await act(async () => host.lastGenerate.answer.reject(new HostError('limit', 'over a limit', LIMIT)));
  expect(screen.getByText(limitMessage(LIMIT, 'en'))).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: /Download/ })).not.toBeInTheDocument();
});
