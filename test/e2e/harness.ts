// What the end-to-end tests (and `npm run screenshots`) share: the built pane served on a free port, Debian's
// Chromium driven by playwright-core with the flags for a machine without network and a fresh profile, a log
// of every request the browser makes, and the fake Excel injected in place of office.js.
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DIST } from '../../scripts/dist-state';
import { startServer, type RunningServer } from '../../scripts/serve';
import type { FakeOfficeOptions, FakeWorkbookInit } from '../fakes/excel';
import { fakeInitFromXlsx } from '../gateways/office/helpers';
import type { FakeExcelConfig } from './fakeOffice.browser';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SAMPLE_PATH = path.join(ROOT, 'assets', 'sample-2021.xlsx');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The script tag in taskpane.html: Excel add-ins must load office.js from Microsoft's CDN. */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * For a machine without network, run as root: without the background-networking flags Chromium keeps trying
 * Google's hosts. playwright-core adds its own automation flags (and --headless, --no-sandbox).
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumMissingMessage(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH).`;
}

/** Serves dist/ (built by globalSetup) on a free port of 127.0.0.1. */
export function serveDist(): Promise<RunningServer> {
  if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing: npm run build');
  return startServer({ root: DIST, port: 0, host: '127.0.0.1' });
}

/** A Content-Security-Policy violation the page saw (its `securitypolicyviolation` event), or a console line. */
export interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the browser requested, in order. */
  requests: string[];
  /**
   * The Content-Security-Policy violations so far: the `securitypolicyviolation` events of the page's
   * documents, and console messages about the policy (a worker's violations reach only the console).
   */
  cspViolations(): Promise<(CspViolation | string)[]>;
  close(): Promise<void>;
}

/** Collects every document's `securitypolicyviolation` events into window.__cspViolations, from its start. */
function collectCspViolations(): void {
  const list: unknown[] = [];
  (window as unknown as { __cspViolations: unknown[] }).__cspViolations = list;
  document.addEventListener(
    'securitypolicyviolation',
    (e) => void list.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample }),
    true,
  );
}

/** A new Chromium with a fresh profile in a temporary --user-data-dir, removed on close. */
export async function openChromium(options: { locale: 'zh-CN' | 'en-US'; width: number; height?: number; scale?: number; args?: string[] }): Promise<Session> {
  const missing = chromiumMissingMessage();
  if (missing) throw new Error(missing);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'budget-eval-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
    locale: options.locale,
    viewport: { width: options.width, height: options.height ?? 800 },
    deviceScaleFactor: options.scale ?? 1,
    acceptDownloads: true,
  });
  const requests: string[] = [];
  context.on('request', (request) => void requests.push(request.url()));
  await context.addInitScript(collectCspViolations);
  const page = context.pages()[0] ?? (await context.newPage());
  const cspConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspConsole.push(message.text());
  });
  return {
    context,
    page,
    requests,
    async cspViolations() {
      const events = await page.evaluate(() => (window as unknown as { __cspViolations?: CspViolation[] }).__cspViolations ?? []);
      return [...events, ...cspConsole];
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** office.js cannot be reached (a machine without network): the request fails, as it does offline. */
export async function blockOfficeJs(page: Page): Promise<void> {
  await page.route(OFFICE_JS, (route) => route.abort('internetdisconnected'));
}

let bundle: Promise<string> | null = null;

/** The fake Excel as one browser script (esbuild, in memory). */
export function fakeOfficeBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(__dirname, 'fakeOffice.browser.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

/** The sample workbook as the fake's plain data, read in Node with the .xlsx gateway. */
export async function sampleFakeInit(): Promise<FakeWorkbookInit> {
  return fakeInitFromXlsx(await readFile(SAMPLE_PATH));
}

/** Serves the fake Excel, holding `workbook`, at office.js's CDN address: the page runs as in Excel. */
export async function injectFakeExcel(page: Page, workbook: FakeWorkbookInit, options: FakeOfficeOptions): Promise<void> {
  const travelling: FakeWorkbookInit = {
    ...workbook,
    sheets: workbook.sheets.map((sheet) => ({
      ...sheet,
      values: sheet.values?.map((row) => row.map((v) => (v instanceof Date ? ({ __date: v.toISOString() } as unknown as Date) : v))),
    })),
  };
  const config: FakeExcelConfig = { workbook: travelling, options };
  const script = `window.__fakeExcelConfig = ${JSON.stringify(config)};\n${await fakeOfficeBundle()}`;
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: script }));
}

/** Requests to anything but the page's origin (blob: URLs of the page count as its own) and office.js. */
export function foreignRequests(requests: readonly string[], pageOrigin: string): string[] {
  return requests.filter((url) => {
    if (url === OFFICE_JS) return false;
    if (url.startsWith('data:')) return false;
    const inner = url.startsWith('blob:') ? url.slice('blob:'.length) : url;
    try {
      return new URL(inner).origin !== pageOrigin;
    } catch {
      return true;
    }
  });
}

/** How far the page is wider than the window (0: nothing sticks out sideways at this width). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Every text of a worksheet, its merged cells' copies left out. */
export function sheetTexts(ws: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (typeof cell.value === 'string') texts.push(cell.value);
    }),
  );
  return texts;
}
