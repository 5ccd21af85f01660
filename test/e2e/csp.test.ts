// The built page's Content-Security-Policy in Chromium: sent as a header by the server (with frame-ancestors
// and nosniff) and as a meta tag in the page, enforced (an injected inline script, inline handler or string of code does not run),
// and Excel on the web may frame the pane while another site may not. The other e2e tests check that the
// policy blocks nothing the page needs, in both modes.
import type { RunningServer } from '../../scripts/serve';
import { contentSecurityPolicy } from '../../scripts/security-headers';
import { blockOfficeJs, openChromium, serveDist, type Session } from './harness';

let server: RunningServer;
let session: Session | null = null;

beforeAll(async () => {
  server = await serveDist();
});

afterAll(async () => {
  await server?.close();
});

afterEach(async () => {
  await session?.close();
  session = null;
});

it('is served with its policy, nosniff and frame-ancestors, and states the policy in the page', async () => {
  session = await openChromium({ locale: 'zh-CN', width: 320, height: 900 });
  const { page } = session;
  await blockOfficeJs(page);
  const response = await page.goto(`${server.url}taskpane.html`);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toBe(contentSecurityPolicy({ header: true }));
  expect(headers['content-security-policy']).toMatch(/; frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com /);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBeUndefined();
  // The scripts too (nosniff matters there: a script must be served as one).
  const script = await page.request.get(`${server.url}old-excel.js`);
  expect(script.headers()['x-content-type-options']).toBe('nosniff');
  expect(script.headers()['content-type']).toBe('text/javascript; charset=utf-8');

  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(contentSecurityPolicy({ header: false }));
  // Every script of the page is a file: nothing inline, no inline handler.
  const inline = await page.evaluate(() => ({
    scripts: [...document.scripts].filter((s) => !s.src).length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
  }));
  expect(inline).toEqual({ scripts: 0, handlers: [] });
  await page.getByRole('heading', { name: '未在 Excel 中打开' }).waitFor();
  expect(await session.cspViolations()).toEqual([]);
});

it('blocks an injected inline script, an inline handler and code from strings, and reports each', async () => {
  session = await openChromium({ locale: 'zh-CN', width: 320, height: 900 });
  const { page } = session;
  await blockOfficeJs(page);
  await page.goto(`${server.url}taskpane.html`);
  // As markup from a hostile workbook would, if it ever reached the DOM as HTML.
  const outcome = await page.evaluate(async () => {
    const w = window as unknown as { __ran?: string[] };
    w.__ran = [];
    const script = document.createElement('script');
    script.textContent = 'window.__ran.push("inline")';
    document.head.appendChild(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="x" onerror="window.__ran.push(\'handler\')">';
    document.body.appendChild(holder);
    // A string compiled as code (what eval, new Function and string timers do): the page's own timer, as
    // code the test runs directly is exempt from the policy.
    window.setTimeout('window.__ran.push("string timer")' as unknown as () => void, 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return w.__ran;
  });
  expect(outcome).toEqual([]);
  const directives = (await session.cspViolations()).map((v) => (typeof v === 'string' ? v : v.directive));
  expect(directives).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src']));
});

it('may be framed by Excel on the web, and not by another site', async () => {
  // Chromium's Local Network Access checks stop a public origin framing a loopback address before the policy
  // is asked: off here, so that the policy is what is tested (docs/CSP.md).
  session = await openChromium({ locale: 'zh-CN', width: 800, height: 900, args: ['--disable-features=LocalNetworkAccessChecks'] });
  const { page } = session;
  await blockOfficeJs(page);
  const pane = `${server.url}taskpane.html`;
  // Pages of those origins, made up here (no network): each frames the pane as Excel on the web does.
  await page.route(/^https:\/\/(excel\.officeapps\.live\.com|evil\.example)\/host\.html$/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><iframe src="${pane}" width="320" height="600"></iframe>` }),
  );

  const paneFrame = async (host: string) => {
    await page.goto(`https://${host}/host.html`);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await frame.waitForLoadState();
    return frame;
  };

  const office = await paneFrame('excel.officeapps.live.com');
  expect(office.url()).toBe(pane);
  await office.getByRole('heading', { name: '未在 Excel 中打开' }).waitFor();

  const other = await paneFrame('evil.example');
  expect(other.url()).not.toBe(pane);
  expect(await other.locator('#root').count()).toBe(0);
});
