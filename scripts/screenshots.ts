// `npm run screenshots`: pictures of the task pane for the README, taken in headless Chromium at a task
// pane's width (340 CSS px, at 2x for sharp text) after a Generate on the sample workbook:
//   docs/pane-zh.png       in Excel (the fake Excel of test/fakes/excel in place of office.js), Chinese UI
//   docs/pane-en.png       the same, English UI (report language English too)
//   docs/pane-browser.png  the browser mode: no Excel, the sample opened as a file
//   docs/pane-stale.png    in Excel, after a source figure was typed over: 数据已修改，请重新生成 (top of the pane)
// Builds dist/ first when it is missing or older than the sources. Needs /usr/bin/chromium (or CHROMIUM_PATH).
import path from 'node:path';
import { buildDist, distState } from './dist-state';
import type { FakeExcelHandle } from '../test/e2e/fakeOffice.browser';
import { blockOfficeJs, injectFakeExcel, openChromium, ROOT, SAMPLE_PATH, sampleFakeInit, serveDist, type Session } from '../test/e2e/harness';

const WIDTH = 340;
const DOCS = path.join(ROOT, 'docs');

async function shoot(session: Session, file: string, fullPage = true): Promise<void> {
  const { page } = session;
  // Let the focus move to the results and the fonts settle; no caret or animation in the picture.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(DOCS, file), fullPage, animations: 'disabled', caret: 'hide' });
  console.log(`  docs/${file}`);
}

async function main(): Promise<void> {
  const state = distState();
  if (state !== 'fresh') {
    console.log(`dist/ is ${state}: building it first.`);
    buildDist();
  }
  const server = await serveDist();
  const sample = await sampleFakeInit();
  const page = `${server.url}taskpane.html`;
  console.log('Writing:');
  try {
    for (const [file, lang] of [
      ['pane-zh.png', 'zh-CN'],
      ['pane-en.png', 'en-US'],
    ] as const) {
      const session = await openChromium({ locale: lang, width: WIDTH, height: 700, scale: 2 });
      try {
        await injectFakeExcel(session.page, sample, { displayLanguage: lang });
        await session.page.goto(page);
        if (lang === 'en-US') {
          // An English pane shows an English run: the report language follows.
          await session.page.getByRole('button', { name: /Settings/ }).click();
          await session.page.getByRole('radio', { name: 'English' }).check();
          await session.page.getByRole('button', { name: /Settings/ }).click();
        }
        await session.page.getByRole('button', { name: /生成自评报告|Generate evaluation/ }).click();
        await session.page.getByRole('heading', { name: /^(结果|Results)$/ }).waitFor();
        await shoot(session, file);
      } finally {
        await session.close();
      }
    }

    const stale = await openChromium({ locale: 'zh-CN', width: WIDTH, height: 560, scale: 2 });
    try {
      await injectFakeExcel(stale.page, sample, { displayLanguage: 'zh-CN' });
      await stale.page.goto(page);
      await stale.page.getByRole('button', { name: /生成自评报告/ }).click();
      await stale.page.getByRole('heading', { name: '结果' }).waitFor();
      // 三防抢险工作经费's actual spending typed over in the grid after Generate.
      await stale.page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelHandle }).__fakeExcel.editCell('项目支出!F5', 2300000));
      await stale.page.getByRole('group', { name: '数据已修改，请重新生成' }).waitFor({ timeout: 10000 });
      await stale.page.evaluate(() => window.scrollTo(0, 0));
      await shoot(stale, 'pane-stale.png', false);
    } finally {
      await stale.close();
    }

    const session = await openChromium({ locale: 'zh-CN', width: WIDTH, height: 700, scale: 2 });
    try {
      await blockOfficeJs(session.page);
      await session.page.goto(page);
      await session.page.locator('input[type=file]').setInputFiles(SAMPLE_PATH);
      await session.page.getByRole('button', { name: /生成自评报告/ }).click();
      await session.page.getByRole('link', { name: /下载结果工作簿/ }).waitFor();
      await shoot(session, 'pane-browser.png');
    } finally {
      await session.close();
    }
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
