/** @jest-environment jsdom */
// src/taskpane/old-excel.js: the message for Excel 2016/2019's Internet Explorer / old Edge web views, a file
// (the page's Content-Security-Policy allows no inline script) in ES5 (those engines parse nothing newer).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FILE = path.resolve(__dirname, '..', '..', 'src', 'taskpane', 'old-excel.js');
const source = readFileSync(FILE, 'utf8');

const UA = {
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko',
  oldEdge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041',
  webView2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
};

function run(userAgent: string): HTMLElement {
  document.body.innerHTML = '<div id="root"></div>';
  jest.spyOn(window.navigator, 'userAgent', 'get').mockReturnValue(userAgent);
  // As the browser runs a classic script file.
  new Function(source)();
  return document.getElementById('root')!;
}

afterEach(() => jest.restoreAllMocks());

test.each([
  ['Internet Explorer 11', UA.ie11],
  ['old Edge (EdgeHTML)', UA.oldEdge],
])('in %s it says, in zh and en, that this Excel cannot run the add-in and what to do', (_name, ua) => {
  const root = run(ua);
  expect(root.textContent).toContain('此版本 Excel 无法运行本加载项。');
  expect(root.textContent).toContain('需要 Microsoft 365 或 Office 2021 及以上版本');
  expect(root.textContent).toContain('budget-eval');
  expect(root.querySelector('p[lang="en"]')?.textContent).toContain('This version of Excel cannot run this add-in.');
  // Built with the DOM and styled through CSSOM: no markup parsed with a style attribute, which old Edge
  // would block under the policy.
  expect(source.replace(/^\s*\/\/.*$/gm, '')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|setAttribute\(\s*['"]style/);
  expect((root.firstElementChild as HTMLElement).style.padding).toBe('16px');
});

test('in a current web view (WebView2, Chrome) it leaves the page to the bundle', () => {
  const root = run(UA.webView2);
  expect(root.innerHTML).toBe('');
});

test('is ES5 with no inline-only construct: Internet Explorer 11 can parse it', () => {
  // espree is ESLint's parser; ecmaVersion 5 rejects const/let, arrow functions, trailing commas in calls…
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('espree') as { parse: (code: string, options: object) => unknown };
  expect(() => parse(source, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  expect(() => parse('f(1,\n2,\n);', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
});
