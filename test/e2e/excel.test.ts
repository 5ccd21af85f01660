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
  await session?.close();
  session = null;
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
    expect(await page.getByRole('button', { name }).isVisible()).toBe(true);
  }
  expect(await horizontalOverflow(page)).toBe(0);

  const probe = await page.evaluate((sheet) => {
    const fake = (window as unknown as { __fakeExcel: FakeExcelHandle }).__fakeExcel;
    return { syncs: fake.syncs(), sheetNames: fake.sheetNames(), rules: fake.rules(sheet), activeSheet: fake.activeSheet() } as Partial<Probe>;
  }, '项目支出');
  expect(probe.sheetNames).toEqual(['部门信息', '部门支出', '项目支出', reportSheet]);
  expect(probe.activeSheet).toBe(reportSheet);
  expect(probe.rules?.some((rule) => rule.type === 'Custom' && rule.formula?.includes('ISTEXT("budget-eval")'))).toBe(true);
  const syncs = (probe.syncs ?? 0) - before;
  expect(syncs).toBeGreaterThan(0);
  expect(syncs).toBeLessThanOrEqual(6);

  // A link in the results selects the cell in the (fake) workbook.
  await page.getByRole('button', { name: '安全生产宣传教育中心工作经费' }).click();
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeExcelHandle }).__fakeExcel.activeSheet() === '项目支出');

  expect(requests).toContain(OFFICE_JS);
  expect(foreignRequests(requests, new URL(server.url).origin)).toEqual([]);
});
