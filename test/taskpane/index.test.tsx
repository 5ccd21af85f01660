/** @jest-environment jsdom */
// The entry: waits for Office, picks the language and theme from it, makes the Excel host, or says there is
// no Excel. The Office.js gateway is mocked (it has its own tests); `Office` is a stub global.
import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { WorkbookHost } from '../../src/gateways/host';
import type { ExcelHostDeps } from '../../src/taskpane/hosts';
import { FakeHost } from './fakeHost';

const createExcelHost = jest.fn<WorkbookHost, [ExcelHostDeps]>(() => new FakeHost());
jest.mock('../../src/taskpane/hosts', () => ({ createExcelHost: (deps: ExcelHostDeps) => createExcelHost(deps) }));

type OfficeStub = { onReady: () => Promise<{ host: string | null }>; HostType: { Excel: string }; context?: unknown };
const globals = globalThis as unknown as { Office?: OfficeStub; fetch?: unknown };

async function start(office: OfficeStub | undefined): Promise<void> {
  // Each start is a fresh page: the previous one's style tags (same ids, from a fresh id counter) must go.
  document.head.innerHTML = '';
  document.body.innerHTML = '<div id="root"></div>';
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  if (office) globals.Office = office;
  else delete globals.Office;
  // A fresh module registry, so the entry runs again (with its own copy of React: hence findBy, not act).
  await jest.isolateModulesAsync(async () => {
    await import('../../src/taskpane/index');
  });
}

/** The theme's page background, from the style rule FluentProvider writes for its own class. */
function providerBackground(): string | null {
  const provider = document.querySelector('.fui-FluentProvider');
  for (const tag of document.querySelectorAll<HTMLStyleElement>('style[id^="fui-FluentProvider"]')) {
    if (!provider?.classList.contains(tag.id)) continue;
    const text = [...(tag.sheet?.cssRules ?? [])].map((rule) => rule.cssText).join('\n');
    return /--colorNeutralBackground1:\s*([^;]+);/.exec(text)?.[1].trim() ?? null;
  }
  return null;
}

afterEach(() => {
  delete globals.Office;
  delete globals.fetch;
  createExcelHost.mockClear();
});

it('says there is no Excel when office.js did not load, in the browser’s language', async () => {
  await start(undefined);
  expect(await screen.findByRole('heading', { name: 'Not open in Excel' })).toBeInTheDocument(); // jsdom's navigator is en-US
  expect(createExcelHost).not.toHaveBeenCalled();
});

it('says there is no Excel when Office reports no host', async () => {
  await start({ onReady: () => Promise.resolve({ host: null }), HostType: { Excel: 'Excel' }, context: {} });
  expect(await screen.findByRole('heading', { name: 'Not open in Excel' })).toBeInTheDocument();
  expect(createExcelHost).not.toHaveBeenCalled();
});

it('makes the Excel host and follows Office’s language and dark theme', async () => {
  const context = { displayLanguage: 'zh-CN', officeTheme: { bodyBackgroundColor: '#262626' } };
  await start({ onReady: () => Promise.resolve({ host: 'Excel' }), HostType: { Excel: 'Excel' }, context });
  expect(createExcelHost).toHaveBeenCalledTimes(1);
  expect(await screen.findByRole('button', { name: /生成自评报告/ })).toBeInTheDocument();
  expect(providerBackground()).toBe(webDarkTheme.colorNeutralBackground1);
});

it('is light and English for an English Office with a light theme', async () => {
  const context = { displayLanguage: 'en-US', officeTheme: { bodyBackgroundColor: '#FFFFFF' } };
  await start({ onReady: () => Promise.resolve({ host: 'Excel' }), HostType: { Excel: 'Excel' }, context });
  expect(await screen.findByRole('button', { name: /Generate evaluation/ })).toBeInTheDocument();
  expect(providerBackground()).toBe(webLightTheme.colorNeutralBackground1);
});

it('gives the host a fetchTemplate that reads assets/template.xlsx next to the page', async () => {
  await start({ onReady: () => Promise.resolve({ host: 'Excel' }), HostType: { Excel: 'Excel' }, context: {} });
  const fetch = jest.fn(async (_url: string) => ({ ok: true, status: 200, statusText: 'OK', arrayBuffer: async () => new Uint8Array([80, 75, 3, 4]).buffer }));
  globals.fetch = fetch;
  const bytes = await createExcelHost.mock.calls[0][0].fetchTemplate();
  expect(fetch).toHaveBeenCalledWith(new URL('assets/template.xlsx', document.baseURI).href);
  expect(bytes).toEqual(new Uint8Array([80, 75, 3, 4]));

  fetch.mockResolvedValueOnce({ ok: false, status: 404, statusText: 'Not Found', arrayBuffer: async () => new ArrayBuffer(0) });
  await expect(createExcelHost.mock.calls[0][0].fetchTemplate()).rejects.toThrow(/template\.xlsx: HTTP 404/);
});
