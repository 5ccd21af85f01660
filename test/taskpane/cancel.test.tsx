/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (Node's export conditions: ExcelJS needs uuid's CommonJS build.)
// Cancel: while a run reads and computes, a Cancel button stops it and the pane shows what it showed before
// (nothing of the cancelled run, nothing to download). In Excel it goes once writing has begun. In the
// browser page the file's worker (here its in-thread stand-in: jsdom has no Worker) is ended and a new one
// reads the file for the next run.
import '@testing-library/jest-dom';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cancelledError } from '../../src/gateways/host';
import { App } from '../../src/taskpane/App';
import type { OpenFile } from '../../src/taskpane/components/FileMode/openFile';
import { FakeHost } from './fakeHost';
import { writtenOutcome } from './outcomes';

const TIMEOUT = { timeout: 20000 };
const generateButton = () => screen.getByRole('button', { name: /生成自评报告/ });
const cancelButton = () => screen.queryByRole('button', { name: '取消' });

describe('in Excel', () => {
  async function renderPane() {
    const host = new FakeHost();
    const user = userEvent.setup();
    render(<App host={host} language="zh" theme="light" storage={null} />);
    await act(async () => undefined);
    return { host, user };
  }

  it('cancels while reading: the signal aborts and the pane is as it was, saying so', async () => {
    const { host, user } = await renderPane();
    await user.click(generateButton());
    act(() => host.lastGenerate.onProgress?.('reading'));
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    expect(host.lastGenerate.signal?.aborted).toBe(false);
    await user.click(cancelButton()!);
    expect(host.lastGenerate.signal?.aborted).toBe(true);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(cancelButton()).not.toBeInTheDocument();
    expect(screen.getByText('已取消，工作簿未作任何改动。')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '结果' })).not.toBeInTheDocument();
    // The host's rejection, when it comes, changes nothing.
    await act(async () => host.lastGenerate.answer.reject(cancelledError()));
    expect(screen.queryByRole('heading', { name: '结果' })).not.toBeInTheDocument();
    expect(generateButton()).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('after a cancel shows the previous run’s result again, not the cancelled one’s', async () => {
    const { host, user } = await renderPane();
    await user.click(generateButton());
    await act(async () => host.lastGenerate.answer.resolve(writtenOutcome()));
    expect(screen.getByRole('heading', { name: '结果' })).toBeInTheDocument();
    await user.click(generateButton());
    expect(screen.queryByRole('heading', { name: '结果' })).not.toBeInTheDocument();
    act(() => host.lastGenerate.onProgress?.('computing'));
    await user.click(cancelButton()!);
    expect(screen.getByRole('heading', { name: '结果' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '低于目标的项目（2 个）' })).toBeInTheDocument();
    // A late answer of the cancelled run is not shown.
    await act(async () => host.lastGenerate.answer.resolve(writtenOutcome({ lang: 'en' })));
    expect(screen.queryByRole('heading', { name: 'Results' })).not.toBeInTheDocument();
  });

  it('offers no Cancel once writing has begun: the write completes', async () => {
    const { host, user } = await renderPane();
    await user.click(generateButton());
    act(() => host.lastGenerate.onProgress?.('computing'));
    expect(cancelButton()).toBeInTheDocument();
    act(() => host.lastGenerate.onProgress?.('writing'));
    expect(cancelButton()).not.toBeInTheDocument();
    await act(async () => host.lastGenerate.answer.resolve(writtenOutcome()));
    expect(await screen.findByRole('heading', { name: '结果' })).toBeInTheDocument();
  });
});

describe('in the browser page', () => {
  const SAMPLE = readFileSync(path.join(__dirname, '..', '..', 'assets', 'sample-2021.xlsx'));
  const urls = URL as unknown as { createObjectURL?: (blob: Blob) => string; revokeObjectURL?: (url: string) => void };
  // Left in place after the tests: the pane's unmount (after each test) revokes its download's URL.
  beforeAll(() => {
    let n = 0;
    urls.createObjectURL = () => `blob:http://localhost/${++n}`;
    urls.revokeObjectURL = () => undefined;
  });

  it('cancels a run on a file: nothing offered for download; the next run reads the file again and completes', async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<App host={null} language="zh" theme="light" storage={null} />);
    await act(async () => undefined);
    await user.upload(document.querySelector<HTMLInputElement>('input[type=file]')!, new File([SAMPLE], 'sample-2021.xlsx'));
    await screen.findByText('已打开：sample-2021.xlsx', {}, TIMEOUT);

    await user.click(generateButton());
    await user.click(cancelButton()!);
    expect(screen.getByText('已取消，没有生成结果。')).toBeInTheDocument();
    // Long enough for the cancelled run to have finished, were it still to be shown.
    await act(() => new Promise((resolve) => setTimeout(resolve, 3000)));
    expect(screen.queryByRole('link', { name: '下载结果工作簿' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '结果' })).not.toBeInTheDocument();

    await user.click(generateButton());
    expect(await screen.findByRole('link', { name: '下载结果工作簿' }, TIMEOUT)).toBeInTheDocument();
  });

  it('cancels the opening of a file: back to no file, and the opening is stopped', async () => {
    // An opening that lasts until it is cancelled (a large file being read in the worker).
    const signals: AbortSignal[] = [];
    const openFile: OpenFile = (_file, _lang, signal) =>
      new Promise((_resolve, reject) => {
        signals.push(signal!);
        signal!.addEventListener('abort', () => reject(cancelledError()));
      });
    const user = userEvent.setup({ applyAccept: false });
    render(<App host={null} language="zh" theme="light" storage={null} openFile={openFile} />);
    await act(async () => undefined);
    await user.upload(document.querySelector<HTMLInputElement>('input[type=file]')!, new File([SAMPLE], 'sample-2021.xlsx'));
    expect(screen.getByText('正在打开“sample-2021.xlsx”…')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(signals[0].aborted).toBe(true);
    expect(screen.queryByText(/正在打开/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '取消' })).not.toBeInTheDocument();
    expect(screen.queryByText(/无法打开/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /生成自评报告/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '打开工作簿' })).toBeEnabled();
  });
});
