// The pane's Content-Security-Policy (scripts/security-headers.js): what it allows, that the page template
// needs no inline script, and that the README's IIS and nginx examples send exactly the same headers.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentSecurityPolicy, cspDirectives, OFFICE_FRAME_ANCESTORS, OFFICE_JS_ORIGIN, securityHeaders } from '../scripts/security-headers';

const ROOT = path.resolve(__dirname, '..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('the policy', () => {
  const header = directives(contentSecurityPolicy({ header: true }));

  test('allows scripts only from the page’s origin and office.js’s CDN: no inline script, no eval', () => {
    expect(OFFICE_JS_ORIGIN).toBe('https://appsforoffice.microsoft.com');
    expect(header.get('default-src')).toEqual(["'self'"]);
    expect(header.get('script-src')).toEqual(["'self'", OFFICE_JS_ORIGIN]);
    expect(header.get('object-src')).toEqual(["'none'"]);
    expect(header.get('base-uri')).toEqual(["'self'"]);
    // The .xlsx gateway's Web Worker.
    expect(header.get('worker-src')).toEqual(["'self'", 'blob:']);
    // Nothing anywhere from any other origin (a wildcard or a bare scheme would allow every host).
    for (const [name, values] of header) {
      if (name === 'frame-ancestors') continue;
      for (const value of values) expect([`'self'`, `'none'`, `'unsafe-inline'`, 'blob:', OFFICE_JS_ORIGIN]).toContain(value);
    }
    expect(header.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test('lets Office frame the pane, and no one else', () => {
    const ancestors = header.get('frame-ancestors') ?? [];
    expect(ancestors[0]).toBe("'self'");
    expect(ancestors.slice(1)).toEqual([...OFFICE_FRAME_ANCESTORS]);
    for (const host of ['https://*.officeapps.live.com', 'https://*.office.com', 'https://*.microsoft365.com', 'https://*.sharepoint.com', 'https://*.cloud.microsoft']) {
      expect(ancestors).toContain(host);
    }
    for (const value of ancestors.slice(1)) expect(value).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]+$/);
    // X-Frame-Options cannot name several hosts: it would forbid Excel on the web. frame-ancestors only.
    expect(Object.keys(securityHeaders()).map((name) => name.toLowerCase())).not.toContain('x-frame-options');
  });

  test('the meta tag’s policy is the header’s without frame-ancestors, which a meta tag cannot carry', () => {
    const meta = cspDirectives({ header: false });
    expect(meta.map(([name]) => name)).not.toContain('frame-ancestors');
    expect(cspDirectives({ header: true }).slice(0, meta.length)).toEqual(meta);
    expect(securityHeaders()).toEqual({ 'Content-Security-Policy': contentSecurityPolicy(), 'X-Content-Type-Options': 'nosniff' });
  });
});

describe('the page template', () => {
  const html = read('src/taskpane/taskpane.html');

  test('has no inline script and no inline event handler', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => /\bsrc="([^"]+)"/.exec(m[1])?.[1])).toEqual([`${OFFICE_JS}`, 'old-excel.js']);
    for (const m of scripts) expect(m[2].trim()).toBe('');
    expect(html.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/\son[a-z]+\s*=/i);
  });

  test('states the policy in a meta tag before anything it governs', () => {
    // As webpack writes it (html-webpack-plugin's template option, from scripts/security-headers.js).
    const placeholder = '<%= htmlWebpackPlugin.options.contentSecurityPolicy %>';
    expect(html.split(placeholder)).toHaveLength(2);
    const policy = contentSecurityPolicy({ header: false });
    // Nothing in it can break out of the attribute.
    expect(policy).not.toMatch(/["<>&]/);
    const rendered = html.replace(placeholder, policy);
    const head = rendered.slice(rendered.indexOf('<head>'), rendered.indexOf('</head>')).replace(/<!--[\s\S]*?-->/g, '');
    const tags = [...head.matchAll(/<(meta|link|script|style|title)\b[^>]*>/g)].map((m) => m[0]);
    expect(tags[0]).toBe('<meta charset="UTF-8" />');
    expect(tags[1]).toBe(`<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  });
});

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

describe('webpack.config.js', () => {
  // Stand-in certificate files: the dev server's options read them.
  const certs = mkdtempSync(path.join(os.tmpdir(), 'csp-certs-'));
  const files = { ca: path.join(certs, 'ca.crt'), cert: path.join(certs, 'localhost.crt'), key: path.join(certs, 'localhost.key') };
  for (const file of Object.values(files)) writeFileSync(file, 'x');
  afterAll(() => rmSync(certs, { recursive: true, force: true }));

  type Config = { devtool: string; devServer?: { headers: Record<string, string> }; plugins: { userOptions?: Record<string, unknown> }[] };
  function config(mode: 'development' | 'production', serve: boolean): Config {
    let made: Config | undefined;
    jest.isolateModules(() => {
      jest.doMock('../scripts/dev-cert-paths', () => ({ devCertPaths: () => files, missingDevCertFiles: () => [] }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const factory = require('../webpack.config.js') as (env: object, argv: object) => Config;
      made = factory(serve ? { WEBPACK_SERVE: true } : {}, { mode });
    });
    return made!;
  }

  test('the dev server sends the same headers, and its source maps need no eval', () => {
    const dev = config('development', true);
    expect(dev.devServer?.headers).toMatchObject(securityHeaders());
    expect(dev.devtool).not.toMatch(/eval/);
  });

  test('the page gets the meta tag’s policy', () => {
    const prod = config('production', false);
    const html = prod.plugins.find((plugin) => plugin.userOptions?.template === './src/taskpane/taskpane.html');
    expect(html?.userOptions?.contentSecurityPolicy).toBe(contentSecurityPolicy({ header: false }));
  });
});

describe('the README’s deployment examples', () => {
  const readme = read('README.md');
  const { 'Content-Security-Policy': policy } = securityHeaders();

  test('IIS web.config sends the same headers', () => {
    const config = /```xml\n(<\?xml[\s\S]*?<\/configuration>)\n```/.exec(readme)?.[1] ?? '';
    expect(config).toContain('<system.webServer>');
    expect(config).toContain(`<add name="Content-Security-Policy" value="${policy}" />`);
    expect(config).toContain('<add name="X-Content-Type-Options" value="nosniff" />');
  });

  test('nginx sends the same headers, on every response', () => {
    const config = /```nginx\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '';
    expect(config).toContain(`add_header Content-Security-Policy "${policy}" always;`);
    expect(config).toContain('add_header X-Content-Type-Options "nosniff" always;');
  });
});
