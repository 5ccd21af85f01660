// The built pane in Chromium as in Excel: the fake Excel (test/fakes/excel, bundled for the browser) stands
// in for office.js at its CDN address, holding the sample workbook. Generate writes the report sheet and the
// highlight rule into the fake workbook in a handful of syncs, and nothing is fetched from anywhere else.
import type { RunningServer } from '../../scripts/serve';
import type { FakeWorkbookInit } from '../fakes/excel';
import type { FakeExcelHandle } from './fakeOffice.browser';
import { foreignRequests, horizontalOverflow, injectFakeExcel, OFFICE_JS, openChromium, sampleFakeInit, serveDist, type Session } from './harness';

let server: RunningServer;
let sample: FakeWorkbookInit;
let session: Session | null = null;

beforeAll(async () => {
  [server, sample] = await Promise.all([serveDist(), sampleFakeInit()]);
});

afterAll(async () => {
  await server?.close();
});

afterEach(async () => {
  // The page's Content-Security-Policy blocked nothing it needs.
  const violations = await session?.cspViolations();
  await session?.close();
  session = null;
  expect(violations ?? []).toEqual([]);
});

type Probe = { [K in keyof FakeExcelHandle]: ReturnType<FakeExcelHandle[K]> };

it.each([
  ['zh-CN', /生成自评报告/, '结果', '绩效自评报告'],
  ['en-US', /Generate evaluation/, 'Results', '绩效自评报告'],
] as const)('generates the sample’s report in Excel (%s UI)', async (displayLanguage, button, results, reportSheet) => {
  session = await openChromium({ locale: displayLanguage, width: 320, height: 900 });
  const { page, requests } = session;
  await injectFakeExcel(page, sample, { displayLanguage });
  await page.goto(`${server.url}taskpane.html`);

  const generate = page.getByRole('button', { name: button });
  await generate.waitFor();
  const before = await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelHandle }).__fakeExcel.syncs());
  await generate.click();
  await page.getByRole('heading', { name: results }).waitFor();
  for (const name of ['三防抢险工作经费', '总值班室工作经费', '安全生产宣传教育中心工作经费']) {
    // Listed under target, and again with its indicator scores (the sample's projects have indicators).
    expect(await page.getByRole('button', { name }).first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name }).count()).toBe(2);
  }
  expect(await horizontalOverflow(page)).toBe(0);

  const probe = await page.evaluate((sheet) => {
    const fake = (window as unknown as { __fakeExcel: FakeExcelHandle }).__fakeExcel;
    return { syncs: fake.syncs(), sheetNames: fake.sheetNames(), rules: fake.rules(sheet), activeSheet: fake.activeSheet() } as Partial<Probe>;
  }, '项目支出');
  expect(probe.sheetNames).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标', reportSheet]);
  expect(probe.activeSheet).toBe(reportSheet);
  expect(probe.rules?.some((rule) => rule.type === 'Custom' && rule.formula?.includes('ISTEXT("budget-eval")'))).toBe(true);
  const syncs = (probe.syncs ?? 0) - before;
  expect(syncs).toBeGreaterThan(0);
  // Generate in at most 6 syncs; the new report is current by construction, so the pane does not read the
  // workbook again after it (and the report sheet's own change events are not the data's).
  expect(syncs).toBeLessThanOrEqual(6);

  // A link in the results selects the cell in the (fake) workbook.
  await page.getByRole('button', { name: '安全生产宣传教育中心工作经费' }).first().click();
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeExcelHandle }).__fakeExcel.activeSheet() === '项目支出');

  expect(requests).toContain(OFFICE_JS);
  expect(foreignRequests(requests, new URL(server.url).origin)).toEqual([]);
});

it('warns that the data changed when the clerk edits a figure after Generate, and not before', async () => {
  session = await openChromium({ locale: 'zh-CN', width: 320, height: 900 });
  const { page } = session;
  await injectFakeExcel(page, sample, { displayLanguage: 'zh-CN' });
  await page.goto(`${server.url}taskpane.html`);

  await page.getByRole('button', { name: /生成自评报告/ }).click();
  await page.getByRole('heading', { name: '结果' }).waitFor();
  // The pane listens for changes (ExcelApi 1.9), and its own writes did not make the report stale.
  expect(await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelHandle }).__fakeExcel.changeHandlers())).toBe(1);
  const warning = page.getByRole('group', { name: '数据已修改，请重新生成' });
  await page.waitForTimeout(2500);
  expect(await warning.count()).toBe(0);

  // 三防抢险工作经费's actual spending, typed over in the grid.
  await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelHandle }).__fakeExcel.editCell('项目支出!F5', 2300000));
  await warning.waitFor({ timeout: 10000 });
  expect(await warning.textContent()).toContain('“绩效自评报告”');

  // Generate again, from the warning: the report matches the data and the warning goes.
  await warning.getByRole('button', { name: '重新生成' }).click();
  await warning.waitFor({ state: 'detached', timeout: 20000 });
  // 三防抢险工作经费 is at 96.69% now: two projects under target are left.
  await page.getByRole('region', { name: '低于目标的项目（2 个）' }).waitFor();
});

it('writes the report when the project sheet is protected, and names the sheet it left unmarked', async () => {
  session = await openChromium({ locale: 'zh-CN', width: 320, height: 900 });
  const { page } = session;
  const guarded: FakeWorkbookInit = { ...sample, sheets: sample.sheets.map((s) => (s.name === '项目支出' ? { ...s, protected: true } : s)) };
  await injectFakeExcel(page, guarded, { displayLanguage: 'zh-CN' });
  await page.goto(`${server.url}taskpane.html`);

  await page.getByRole('button', { name: /生成自评报告/ }).click();
  await page.getByRole('heading', { name: '结果' }).waitFor();
  const notice = page.getByText(/工作表“项目支出”受保护，其中的标记未更新（报告已照常生成）/);
  await notice.waitFor();
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/protected.png`, fullPage: true });
  const probe = await page.evaluate(() => {
    const fake = (window as unknown as { __fakeExcel: FakeExcelHandle }).__fakeExcel;
    return { sheetNames: fake.sheetNames(), rules: fake.rules('项目支出') };
  });
  expect(probe.sheetNames).toContain('绩效自评报告');
  expect(probe.rules.filter((rule) => rule.formula?.includes('ISTEXT("budget-eval")'))).toEqual([]);
  expect(await horizontalOverflow(page)).toBe(0);

  // Nothing of the tool's is on the protected sheet: Remove highlights has nothing there to leave.
  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByText('已清除本工具在表格中所做的标记。').waitFor();
});
