/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Lang } from '../../src/core/model';
import { HostError } from '../../src/gateways/host';
import { App } from '../../src/taskpane/App';
import { UNDO_NOTICE_KEY, type NoticeStorage } from '../../src/taskpane/components/UndoNotice/UndoNotice';
import { FakeHost } from './fakeHost';
import { notWrittenOutcome, writtenOutcome } from './outcomes';

class MemoryStorage implements NoticeStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** Renders the pane and lets the host's stored settings arrive. */
async function renderPane(host: FakeHost | null = new FakeHost(), language: Lang = 'zh', storage = new MemoryStorage()) {
  const user = userEvent.setup();
  const view = render(<App host={host} language={language} theme="light" storage={storage} />);
  await act(async () => undefined);
  return { host, user, storage, ...view };
}

const generateButton = () => screen.getByRole('button', { name: /生成自评报告/ });

/** Clicks Generate and settles the run with `outcome` (or a failure). */
async function runWith(user: ReturnType<typeof userEvent.setup>, host: FakeHost, settle: (call: FakeHost['lastGenerate']) => void) {
  await user.click(generateButton());
  await act(async () => settle(host.lastGenerate));
}

describe('idle', () => {
  it('offers the main button, enabled, with no progress and no results', async () => {
    const { host } = await renderPane();
    expect(generateButton()).not.toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '结果' })).not.toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '插入模板' })).toBeInTheDocument();
    expect(host?.loadCalls).toBe(1);
  });
});

describe('running', () => {
  it('disables the button and shows each step of the host’s progress, in a live region', async () => {
    const host = new FakeHost();
    const { user } = await renderPane(host);
    await user.click(generateButton());
    expect(host.generateCalls).toHaveLength(1);
    expect(generateButton()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    const status = screen.getAllByRole('status')[0];
    expect(status).toHaveTextContent('正在开始…');

    act(() => host.lastGenerate.onProgress?.('reading'));
    expect(status).toHaveTextContent('正在读取工作簿…（第 1 步，共 3 步）');
    act(() => host.lastGenerate.onProgress?.('computing'));
    expect(status).toHaveTextContent('第 2 步，共 3 步');
    act(() => host.lastGenerate.onProgress?.('writing'));
    expect(status).toHaveTextContent('正在写入报告工作表…（第 3 步，共 3 步）');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');

    await user.click(generateButton());
    expect(host.generateCalls).toHaveLength(1); // no second run while one is going
    expect(screen.getByRole('button', { name: '插入模板' })).toHaveAttribute('aria-disabled', 'true');

    await act(async () => host.lastGenerate.answer.resolve(writtenOutcome()));
    expect(generateButton()).not.toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(status).toHaveTextContent('已生成自评报告。预算完成率 94.25%，低于目标的项目 2 个。');
  });

  it('passes the current settings to the host', async () => {
    const host = new FakeHost({ target: 0.9, style: 'fixed' });
    const { user } = await renderPane(host);
    await user.click(generateButton());
    expect(host.lastGenerate.settings).toEqual({ target: 0.9, basis: 'adjusted', lang: 'zh', style: 'fixed' });
  });
});

describe('result', () => {
  it('shows the totals, the under-target projects as links and moves focus to the result', async () => {
    const { host, user } = await renderPane();
    await runWith(user, host!, (call) => call.answer.resolve(writtenOutcome()));

    const heading = screen.getByRole('heading', { name: '结果' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('示例区应急管理局 2021：')).toBeInTheDocument();

    const totals = screen.getByRole('region', { name: '部门整体支出' });
    const pairs = within(totals).getAllByRole('definition').map((dd) => dd.textContent);
    expect(within(totals).getAllByRole('term').map((dt) => dt.textContent)).toEqual(['调整后预算', '实际支出', '预算调整率', '预算完成率', '自评得分']);
    // Score: 94.25% is one full 5-point step below 100% (18 of 20), no adjustment (10 of 10), 2 of 4 on target (10 of 20).
    expect(pairs).toEqual(['240万元', '226.19万元', '0%', '94.25%', '38 / 100 分（另有 50 分待人工评分，等级暂定“差”）']);

    const under = screen.getByRole('region', { name: '低于目标的项目（2 个）' });
    const links = within(under).getAllByRole('button');
    expect(links.map((b) => b.textContent)).toEqual(['三防抢险工作经费', '宣传教育经费']);
    expect(under).toHaveTextContent('执行率 94.19%，目标 95%');
    expect(under).toHaveTextContent('已在表格中用条件格式标出');
    await user.click(links[0]);
    expect(host!.selected).toEqual(['项目支出!B3']);
  });

  it('groups the findings by severity with counts; a finding’s cell is a link, a workbook-wide one is not', async () => {
    const { host, user } = await renderPane();
    await runWith(user, host!, (call) => call.answer.resolve(writtenOutcome()));

    const findings = screen.getByRole('region', { name: '数据问题' });
    expect(within(findings).getAllByRole('heading').map((h) => h.textContent)).toEqual(['数据问题', '警告（2）', '提示（2）']);
    const warnings = within(findings).getByRole('region', { name: '警告（2）' });
    expect(within(warnings).getAllByRole('listitem')).toHaveLength(2);
    expect(within(warnings).getAllByRole('button').map((b) => b.textContent)).toEqual(['项目支出!B5', '项目支出!B6']);
    await user.click(within(warnings).getByRole('button', { name: '项目支出!B5' }));
    expect(host!.selected).toEqual(['项目支出!B5']);

    const info = within(findings).getByRole('region', { name: '提示（2）' });
    expect(within(info).getAllByRole('listitem')).toHaveLength(2);
    expect(within(info).queryAllByRole('button')).toHaveLength(0);
    expect(info).toHaveTextContent('部门整体支出按各项目之和计算');
  });

  it('links to the report sheet', async () => {
    const { host, user } = await renderPane();
    await runWith(user, host!, (call) => call.answer.resolve(writtenOutcome()));
    await user.click(screen.getByRole('button', { name: '打开报告工作表“绩效自评报告”' }));
    expect(host!.selected).toEqual(['绩效自评报告!A1']);
  });

  it('quotes a report sheet name that needs quoting, and uses the run’s number style', async () => {
    const { host, user } = await renderPane();
    await runWith(user, host!, (call) => call.answer.resolve(writtenOutcome({ lang: 'en', style: 'fixed' })));
    await user.click(screen.getByRole('button', { name: /Evaluation report/ }));
    expect(host!.selected).toEqual(["'Evaluation report'!A1"]);
    const totals = screen.getByRole('region', { name: '部门整体支出' });
    expect(within(totals).getAllByRole('definition').map((dd) => dd.textContent)).toEqual(['240.00万元', '226.19万元', '0.00%', '94.25%', '38 / 100 分（另有 50 分待人工评分，等级暂定“差”）']);
  });

  it('says that the rows were filled when the host has no conditional formats', async () => {
    const { host, user } = await renderPane();
    await runWith(user, host!, (call) => call.answer.resolve(writtenOutcome({ highlight: 'fill' })));
    expect(screen.getByText(/此版本的 Excel 不支持条件格式/)).toHaveTextContent('清除标记');
  });

  it('names the protected sheets whose marks were left as they were, and says the report was written', async () => {
    const { host, user } = await renderPane();
    await runWith(user, host!, (call) => call.answer.resolve(writtenOutcome({ highlight: 'none', protectedSheets: ['项目支出'] })));
    expect(screen.getByText(/工作表“项目支出”受保护，其中的标记未更新（报告已照常生成）/)).toHaveTextContent('撤销保护后再生成一次');
    expect(screen.getByRole('button', { name: '打开报告工作表“绩效自评报告”' })).toBeInTheDocument();
  });

  it('explains a failed selection', async () => {
    const { host, user } = await renderPane();
    await runWith(user, host!, (call) => call.answer.resolve(writtenOutcome()));
    host!.selectAnswer = () => Promise.reject(new HostError('not-found', 'ItemNotFound'));
    await user.click(screen.getByRole('button', { name: '三防抢险工作经费' }));
    expect(await screen.findByText('无法选中该单元格。')).toBeInTheDocument();
    expect(screen.getByText(/找不到所需的工作表或单元格/)).toBeInTheDocument();
    expect(screen.getByText('详细信息：ItemNotFound')).toBeInTheDocument();
  });
});

describe('errors', () => {
  it('lists the errors with their cells and says the report was not written', async () => {
    const { host, user } = await renderPane();
    await runWith(user, host!, (call) => call.answer.resolve(notWrittenOutcome()));

    expect(screen.getByRole('heading', { name: '结果' })).toHaveFocus();
    expect(screen.getByText(/未写入报告：请先在工作簿中更正以下错误/)).toBeInTheDocument();
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('未写入报告：数据中有 2 个错误。');
    const errors = screen.getByRole('region', { name: '错误（2）' });
    expect(within(errors).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '项目支出!C2“实际支出数”应为数字，实为“abc”。',
      '项目支出!B3“年初预算数”应为数字，实为“十”。',
    ]);
    await user.click(within(errors).getByRole('button', { name: '项目支出!B3' }));
    expect(host!.selected).toEqual(['项目支出!B3']);
    expect(screen.queryByRole('region', { name: '部门整体支出' })).not.toBeInTheDocument();
  });

  it('explains a HostError in words a clerk understands, with the host’s detail in small print', async () => {
    const { host, user } = await renderPane();
    await runWith(user, host!, (call) => call.answer.reject(new HostError('cell-edit', 'InvalidOperationInCellEditMode')));
    expect(screen.getByText('Excel 正处于单元格编辑状态：请按 Enter 或 Esc 退出编辑后再试。')).toBeInTheDocument();
    expect(screen.getByText('详细信息：InvalidOperationInCellEditMode')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '结果' })).toHaveFocus();
    expect(generateButton()).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('treats an unexpected error as unknown', async () => {
    const { host, user } = await renderPane();
    await runWith(user, host!, (call) => call.answer.reject(new Error('boom')));
    expect(screen.getByText(/发生了意外错误/)).toBeInTheDocument();
    expect(screen.getByText('详细信息：boom')).toBeInTheDocument();
  });
});

describe('settings', () => {
  const openSettings = async (user: ReturnType<typeof userEvent.setup>) => {
    const toggle = screen.getByRole('button', { name: /设置/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    // Folded means not displayed, whatever the panel's own layout class says (`hidden` alone loses to it).
    expect(panel && getComputedStyle(panel).display).toBe('none');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(panel && getComputedStyle(panel).display).not.toBe('none');
    expect(screen.getByRole('textbox', { name: '执行率目标（%）' })).toBeVisible();
  };

  it('loads the workbook’s settings on start', async () => {
    const host = new FakeHost({ target: 0.9, basis: 'initial', lang: 'en', style: 'fixed' });
    const { user } = await renderPane(host);
    await openSettings(user);
    expect(screen.getByRole('textbox', { name: '执行率目标（%）' })).toHaveValue('90');
    expect(screen.getByRole('textbox', { name: '需说明原因的执行率下限（%）' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: '执行率的分母' })).toHaveValue('initial');
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /固定两位小数/ })).toBeChecked();
    expect(host.saved).toEqual([]); // loading is not a change
  });

  it('says what an empty percent means', async () => {
    const { user } = await renderPane();
    await openSettings(user);
    expect(screen.getByText('留空则使用工作簿中“执行率目标”的值；工作簿中也没有时为 95%。')).toBeInTheDocument();
    expect(screen.getByText(/也没有时为 90%。/)).toBeInTheDocument();
  });

  it('saves every change', async () => {
    const { host, user } = await renderPane();
    await openSettings(user);
    await user.type(screen.getByRole('textbox', { name: '需说明原因的执行率下限（%）' }), '85');
    expect(host!.saved.at(-1)).toEqual({ explainBelow: 0.85, basis: 'adjusted', lang: 'zh', style: 'trim' });
    await user.selectOptions(screen.getByRole('combobox', { name: '执行率的分母' }), 'adjusted-plus-carryover');
    expect(host!.saved.at(-1)).toMatchObject({ basis: 'adjusted-plus-carryover', explainBelow: 0.85 });
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(host!.saved.at(-1)).toMatchObject({ lang: 'en' });
    await user.click(screen.getByRole('radio', { name: /固定两位小数/ }));
    expect(host!.saved.at(-1)).toMatchObject({ style: 'fixed' });
    await user.clear(screen.getByRole('textbox', { name: '需说明原因的执行率下限（%）' }));
    expect(host!.saved.at(-1)).toEqual({ basis: 'adjusted-plus-carryover', lang: 'en', style: 'fixed' });
  });

  it('warns when explain-below is above the target, and runs (the target is taken for it)', async () => {
    const { host, user } = await renderPane();
    await openSettings(user);
    await user.type(screen.getByRole('textbox', { name: '执行率目标（%）' }), '80');
    const explain = screen.getByRole('textbox', { name: '需说明原因的执行率下限（%）' });
    await user.type(explain, '90');
    expect(screen.getByText('高于执行率目标：生成时按执行率目标 80% 作为说明阈值。')).toBeInTheDocument();
    expect(explain).not.toHaveAttribute('aria-invalid', 'true');
    await user.click(generateButton());
    expect(host!.lastGenerate.settings).toMatchObject({ target: 0.8, explainBelow: 0.9 });
    await user.clear(explain);
    await user.type(explain, '70');
    expect(screen.queryByText(/高于执行率目标/)).not.toBeInTheDocument();
  });

  it('shows an inline message for a percent out of range and will not run with it', async () => {
    const { host, user } = await renderPane();
    await openSettings(user);
    const target = screen.getByRole('textbox', { name: '执行率目标（%）' });
    await user.type(target, '120');
    expect(target).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('请输入 0 到 100 之间的数字，例如 95；或留空。')).toBeInTheDocument();
    expect(host!.saved.every((s) => s.target === undefined || s.target <= 1)).toBe(true);

    await user.click(generateButton());
    expect(host!.generateCalls).toHaveLength(0);
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('设置中有无效的值：请先更正后再生成。');

    await user.clear(target);
    await user.type(target, '96');
    expect(target).not.toHaveAttribute('aria-invalid', 'true');
    await user.click(generateButton());
    expect(host!.lastGenerate.settings.target).toBe(0.96);
  });

  it('keeps what the clerk changed when the stored settings arrive late', async () => {
    const host = new FakeHost('pending');
    const { user } = await renderPane(host);
    await openSettings(user);
    await user.click(screen.getByRole('radio', { name: /固定两位小数/ }));
    await act(async () => host.load.resolve({ style: 'trim', basis: 'initial' }));
    expect(screen.getByRole('radio', { name: /固定两位小数/ })).toBeChecked();
    expect(screen.getByRole('combobox', { name: '执行率的分母' })).toHaveValue('adjusted');
  });
});

describe('tools', () => {
  it('inserts the template and says so', async () => {
    const { host, user } = await renderPane();
    await user.click(screen.getByRole('button', { name: '插入模板' }));
    expect(host!.insertTemplateCalls).toHaveLength(1);
    expect(generateButton()).toHaveAttribute('aria-disabled', 'true');
    await act(async () => host!.insertTemplateCalls[0].resolve());
    expect(screen.getByText('已插入模板工作表：填好数据后点击“生成自评报告”。')).toBeInTheDocument();
    expect(generateButton()).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('explains a failed template insertion', async () => {
    const { host, user } = await renderPane();
    await user.click(screen.getByRole('button', { name: '插入模板' }));
    await act(async () => host!.insertTemplateCalls[0].reject(new HostError('protected', 'The workbook is protected.')));
    expect(screen.getByText('未能插入模板。')).toBeInTheDocument();
    expect(screen.getByText('工作表或工作簿受保护：请在“审阅”选项卡中撤销保护后再试。“导出 Word”不改动工作簿，受保护时也可使用。')).toBeInTheDocument();
    expect(screen.getByText('详细信息：The workbook is protected.')).toBeInTheDocument();
  });

  it('removes the highlights and says so, or why not', async () => {
    const { host, user } = await renderPane();
    await user.click(screen.getByRole('button', { name: '清除标记' }));
    expect(host!.removeHighlightsCalls).toHaveLength(1);
    await act(async () => host!.removeHighlightsCalls[0].resolve({ protectedSheets: [] }));
    expect(screen.getByText('已清除本工具在表格中所做的标记。')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '清除标记' }));
    await act(async () => host!.removeHighlightsCalls[1].reject(new HostError('busy', 'Throttled')));
    expect(screen.getByText('未能清除标记。')).toBeInTheDocument();
    expect(screen.getByText('Excel 正忙：请稍等片刻再试。')).toBeInTheDocument();
    expect(screen.queryByText('已清除本工具在表格中所做的标记。')).not.toBeInTheDocument();
  });

  it('says which protected sheets kept their marks, instead of saying all were removed', async () => {
    const { host, user } = await renderPane();
    await user.click(screen.getByRole('button', { name: '清除标记' }));
    await act(async () => host!.removeHighlightsCalls[0].resolve({ protectedSheets: ['项目支出', '四川表'] }));
    expect(screen.getByText('工作表“项目支出”、“四川表”受保护，其中的标记未清除：撤销保护后再点击“清除标记”。')).toBeInTheDocument();
    expect(screen.queryByText('已清除本工具在表格中所做的标记。')).not.toBeInTheDocument();
  });
});

describe('the Undo notice', () => {
  it('tells once that Undo cannot take back the add-in’s writes, and what does', async () => {
    const storage = new MemoryStorage();
    const { user, unmount } = await renderPane(new FakeHost(), 'zh', storage);
    const notice = screen.getByText(/无法撤回本加载项写入的内容/);
    expect(notice).toHaveTextContent('清除标记');
    expect(notice).toHaveTextContent('删除报告工作表');
    await user.click(screen.getByRole('button', { name: '知道了' }));
    expect(screen.queryByText(/无法撤回本加载项写入的内容/)).not.toBeInTheDocument();
    expect(storage.getItem(UNDO_NOTICE_KEY)).toBe('1');
    unmount();

    await renderPane(new FakeHost(), 'zh', storage);
    expect(screen.queryByText(/无法撤回本加载项写入的内容/)).not.toBeInTheDocument();
  });

  it('still shows when storage throws', async () => {
    const broken: NoticeStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    render(<App host={new FakeHost()} language="zh" theme="dark" storage={broken} />);
    await act(async () => undefined);
    expect(screen.getByText(/无法撤回本加载项写入的内容/)).toBeInTheDocument();
  });
});

describe('languages', () => {
  it('renders the English UI', async () => {
    const { host, user } = await renderPane(new FakeHost(), 'en');
    expect(screen.getByRole('button', { name: /Generate evaluation/ })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('lang', 'en');
    await user.click(screen.getByRole('button', { name: /Generate evaluation/ }));
    await act(async () => host!.lastGenerate.answer.reject(new HostError('protected', 'x')));
    expect(screen.getByText('A sheet or the workbook is protected: remove the protection on the Review tab, then try again. Export to Word changes nothing in the workbook and works while it is protected.')).toBeInTheDocument();
  });

  it('switches the UI language without touching the report language', async () => {
    const { host, user } = await renderPane(new FakeHost(), 'zh');
    await user.click(screen.getByRole('button', { name: 'Switch the pane to English' }));
    expect(screen.getByRole('button', { name: /Generate evaluation/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '切换为中文界面' }));
    expect(generateButton()).toBeInTheDocument();
    expect(host!.saved).toEqual([]);
  });
});

describe('without Excel', () => {
  it('says what the clerk can do instead', async () => {
    await renderPane(null);
    expect(screen.getByRole('heading', { name: '未在 Excel 中打开' })).toBeInTheDocument();
    expect(screen.getByText('npx budget-eval 我的预算表.xlsx')).toBeInTheDocument();
    expect(screen.getByText(/浏览器中直接处理/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /生成自评报告/ })).not.toBeInTheDocument();
  });
});
