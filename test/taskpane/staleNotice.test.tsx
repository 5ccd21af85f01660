/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (Node's export conditions: ExcelJS, used by the browser-file case, needs uuid's CommonJS build.)
// 数据已修改，请重新生成: the pane checks whether the report sheets still match the data when it opens, after each
// Generate and (debounced) when the workbook says its data changed; never during a Generate; a failed check
// shows nothing.
import '@testing-library/jest-dom';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../src/core/model';
import { evaluateXlsx } from '../../src/gateways/xlsx/evaluateXlsx';
import { App } from '../../src/taskpane/App';
import { CHANGE_DEBOUNCE_MS } from '../../src/taskpane/components/StaleNotice/useFreshness';
import { FakeHost, freshness, NO_REPORT } from './fakeHost';
import { writtenOutcome } from './outcomes';

const TITLE = '数据已修改，请重新生成';

async function renderPane(host: FakeHost, language: Lang = 'zh', timers: 'real' | 'fake' = 'real') {
  const user = userEvent.setup(timers === 'fake' ? { advanceTimers: (ms) => jest.advanceTimersByTime(ms) } : {});
  const view = render(<App host={host} language={language} theme="light" storage={null} />);
  await act(async () => undefined);
  return { user, ...view };
}

const notice = (title = TITLE) => screen.queryByRole('group', { name: title });

/** Lets the pane's promises (the check's answer) settle. */
const settle = () => act(async () => undefined);

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('when the pane opens', () => {
  it('warns, naming the report sheet, when the data changed since the report was made', async () => {
    const host = new FakeHost();
    host.freshness = freshness('stale');
    await renderPane(host);
    const bar = notice();
    expect(bar).toBeInTheDocument();
    expect(bar).toHaveTextContent('报告工作表“绩效自评报告”生成之后，其依据的数据又有改动');
    expect(within(bar as HTMLElement).getByRole('button', { name: '重新生成' })).toBeInTheDocument();
    expect(host.freshnessCalls).toEqual(['zh']);
  });

  it('names only the stale ones of several report sheets', async () => {
    const host = new FakeHost();
    host.freshness = {
      status: 'stale',
      fingerprint: 'f3',
      reports: [
        { sheet: '绩效自评报告', status: 'current', recorded: 'f3' },
        { sheet: 'Evaluation report', status: 'stale', recorded: 'f1' },
        { sheet: '绩效自评报告 (2)', status: 'stale', recorded: 'f2' },
        { sheet: '旧报告', status: 'unknown', recorded: null },
      ],
    };
    await renderPane(host);
    expect(notice()).toHaveTextContent('报告工作表“Evaluation report”、“绩效自评报告 (2)”生成之后');
    expect(notice()).not.toHaveTextContent('旧报告');
  });

  it.each([
    ['none', NO_REPORT],
    ['current', freshness('current')],
  ] as const)('says nothing when the status is %s', async (_status, answer) => {
    const host = new FakeHost();
    host.freshness = answer;
    await renderPane(host);
    expect(host.freshnessCalls).toHaveLength(1);
    expect(notice()).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /生成自评报告/ })).toBeInTheDocument();
  });

  it('checks in the language of the settings (the report’s), and speaks English in an English pane', async () => {
    const host = new FakeHost({ lang: 'en' });
    host.freshness = freshness('stale', 'Evaluation report');
    await renderPane(host, 'en');
    const bar = notice('Data changed since the report was made');
    expect(bar).toHaveTextContent('The data changed after the report sheet "Evaluation report" was made: its figures may be out of date.');
    expect(within(bar as HTMLElement).getByRole('button', { name: 'Generate again' })).toBeInTheDocument();
    expect(host.freshnessCalls).toEqual(['en']);
  });

  it('waits for the stored settings before the first check', async () => {
    const host = new FakeHost('pending');
    await renderPane(host);
    expect(host.freshnessCalls).toEqual([]);
    await act(async () => host.load.resolve({ lang: 'en' }));
    expect(host.freshnessCalls).toEqual(['en']);
  });

  it('shows nothing, and logs, when the check fails', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const host = new FakeHost();
    host.freshness = () => Promise.reject(new Error('the workbook could not be read'));
    await renderPane(host);
    expect(notice()).not.toBeInTheDocument();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('up to date'), expect.objectContaining({ message: 'the workbook could not be read' }));
    // The clerk can still work.
    expect(screen.getByRole('button', { name: /生成自评报告/ })).not.toHaveAttribute('aria-disabled', 'true');
  });
});

describe('Generate', () => {
  it('is offered by the notice; once the report is made again the warning goes', async () => {
    const host = new FakeHost();
    host.freshness = freshness('stale');
    const { user } = await renderPane(host);
    await user.click(screen.getByRole('button', { name: '重新生成' }));
    expect(host.generateCalls).toHaveLength(1);
    // Disabled while the run goes, like the main button.
    expect(screen.getByRole('button', { name: '重新生成' })).toHaveAttribute('aria-disabled', 'true');
    expect(host.freshnessCalls).toHaveLength(1);

    await act(async () => host.lastGenerate.answer.resolve(writtenOutcome()));
    await settle();
    // The new report is current by construction: no second read of the workbook.
    expect(host.freshnessCalls).toHaveLength(1);
    expect(notice()).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '结果' })).toBeInTheDocument();
  });

  it('keeps the warning when the run could not write, and for another report the run did not replace', async () => {
    const host = new FakeHost();
    host.freshness = freshness('stale');
    const { user } = await renderPane(host);
    await user.click(screen.getByRole('button', { name: /生成自评报告/ }));
    await act(async () => host.lastGenerate.answer.reject(new Error('protected')));
    await settle();
    expect(host.freshnessCalls).toHaveLength(1);
    expect(notice()).toBeInTheDocument();

    host.freshness = {
      status: 'stale',
      fingerprint: 'f3',
      reports: [
        { sheet: '绩效自评报告', status: 'stale', recorded: 'f1' },
        { sheet: 'Evaluation report', status: 'stale', recorded: 'f1' },
      ],
    };
    const other = new FakeHost();
    other.freshness = host.freshness;
    const view = await renderPane(other);
    await view.user.click(within(view.container).getByRole('button', { name: /生成自评报告/ }));
    await act(async () => other.lastGenerate.answer.resolve(writtenOutcome()));
    await settle();
    const bar = within(view.container).queryByRole('group', { name: TITLE });
    expect(bar).toHaveTextContent('Evaluation report');
    expect(bar).not.toHaveTextContent('“绩效自评报告”');
  });

  it('drops a check that was under way when the run started', async () => {
    const host = new FakeHost();
    let answerFirst: (f: typeof NO_REPORT) => void = () => undefined;
    host.freshness = () => new Promise((resolve) => (answerFirst = resolve));
    const { user } = await renderPane(host);
    await user.click(screen.getByRole('button', { name: /生成自评报告/ }));
    host.freshness = freshness('current');
    await act(async () => answerFirst(freshness('stale'))); // about the data before the run
    expect(notice()).not.toBeInTheDocument();
    await act(async () => host.lastGenerate.answer.resolve(writtenOutcome()));
    await settle();
    expect(notice()).not.toBeInTheDocument();
  });
});

describe('change events', () => {
  it('checks again once the data has stopped changing for a moment', async () => {
    jest.useFakeTimers();
    const host = new FakeHost().withDataChanges();
    await renderPane(host, 'zh', 'fake');
    expect(host.dataListeners).toHaveLength(1);
    expect(notice()).not.toBeInTheDocument();

    host.freshness = freshness('stale');
    act(() => host.changeData());
    act(() => jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS - 100));
    act(() => host.changeData()); // the clerk types the next figure: the wait starts again
    act(() => jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS - 100));
    expect(host.freshnessCalls).toHaveLength(1);
    act(() => jest.advanceTimersByTime(100));
    await settle();
    expect(host.freshnessCalls).toHaveLength(2);
    expect(notice()).toHaveTextContent('“绩效自评报告”');

    // Changed back: the report matches again.
    host.freshness = freshness('current');
    act(() => host.changeData());
    act(() => jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS));
    await settle();
    expect(notice()).not.toBeInTheDocument();
  });

  it('does not check while a Generate runs; data changed during it is checked once after it', async () => {
    jest.useFakeTimers();
    const host = new FakeHost().withDataChanges();
    const { user } = await renderPane(host, 'zh', 'fake');
    await user.click(screen.getByRole('button', { name: /生成自评报告/ }));
    act(() => host.changeData());
    act(() => jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS * 3));
    expect(host.freshnessCalls).toHaveLength(1);
    act(() => host.changeData());

    host.freshness = freshness('current');
    await act(async () => host.lastGenerate.answer.resolve(writtenOutcome()));
    await settle();
    act(() => jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS * 2));
    await settle();
    expect(host.freshnessCalls).toHaveLength(2);
    // A change event that arrives after the run (Excel raises them late) gives one more check, nothing else.
    act(() => host.changeData());
    act(() => jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS));
    await settle();
    expect(host.freshnessCalls).toHaveLength(3);
    expect(notice()).not.toBeInTheDocument();
  });

  it('stops listening when the pane closes', async () => {
    const host = new FakeHost().withDataChanges();
    const { unmount } = await renderPane(host);
    expect(host.dataListeners).toHaveLength(1);
    unmount();
    await settle();
    expect(host.dataListeners).toHaveLength(0);
    expect(host.removedDataListeners).toBe(1);
  });

  it('without change events (an older Excel), checks when the clerk comes back to the pane', async () => {
    const host = new FakeHost();
    expect(host.onDataChanged).toBeUndefined();
    await renderPane(host);
    expect(host.freshnessCalls).toHaveLength(1);
    host.freshness = freshness('stale');
    fireEvent.focus(window);
    await settle();
    expect(host.freshnessCalls).toHaveLength(2);
    expect(notice()).toBeInTheDocument();
  });
});

describe('a file opened in the browser', () => {
  const SAMPLE = readFileSync(path.join(__dirname, '..', '..', 'assets', 'sample-2021.xlsx'));
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const TIMEOUT = { timeout: 20000 };
  const urls = URL as unknown as { createObjectURL?: (blob: Blob) => string; revokeObjectURL?: (url: string) => void };

  beforeEach(() => {
    urls.createObjectURL = () => 'blob:http://localhost/1';
    urls.revokeObjectURL = () => undefined;
  });

  afterEach(() => {
    cleanup(); // the download link revokes its URL as it goes
    delete urls.createObjectURL;
    delete urls.revokeObjectURL;
  });

  /** The sample evaluated (so it carries the report's fingerprint), then a figure changed, as in WPS. */
  async function evaluatedThenEdited(): Promise<Uint8Array<ArrayBuffer>> {
    const evaluated = await evaluateXlsx(SAMPLE, { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(Date.UTC(2022, 0, 15)) });
    if (!evaluated.output) throw new Error('the sample should evaluate');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(evaluated.output as unknown as ExcelJS.Buffer);
    wb.getWorksheet('项目支出')!.getCell('F5').value = 2300000;
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('warns about the file’s stale report; a Generate makes a fresh copy and the warning goes', async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<App host={null} language="zh" theme="light" storage={null} />);
    await act(async () => undefined);
    const input = document.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    await user.upload(input, new File([await evaluatedThenEdited()], '预算表.evaluation.xlsx', { type: XLSX }));
    expect(await screen.findByRole('group', { name: TITLE }, TIMEOUT)).toHaveTextContent('“绩效自评报告”');

    await user.click(screen.getByRole('button', { name: '重新生成' }));
    expect(await screen.findByRole('heading', { name: '结果' }, TIMEOUT)).toBeInTheDocument();
    expect(notice()).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '下载结果工作簿' })).toBeInTheDocument();
  });

  it('says nothing about a file the tool never evaluated', async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<App host={null} language="zh" theme="light" storage={null} />);
    await act(async () => undefined);
    const input = document.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    await user.upload(input, new File([SAMPLE], 'sample-2021.xlsx', { type: XLSX }));
    expect(await screen.findByText('已打开：sample-2021.xlsx', {}, TIMEOUT)).toBeInTheDocument();
    await settle();
    expect(notice()).not.toBeInTheDocument();
  });
});
