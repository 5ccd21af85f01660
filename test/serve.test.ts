// scripts/serve.js (npm run serve, and the e2e tests' server): static files from one folder, nothing else.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { startServer, type RunningServer } from '../scripts/serve';
import { securityHeaders } from '../scripts/security-headers';

let server: RunningServer;
// The served folder, with a file beside it that must stay out of reach.
const parent = mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
const root = path.join(parent, 'dist');
mkdirSync(root);
writeFileSync(path.join(parent, 'serve-test-secret.txt'), 'secret');
writeFileSync(path.join(root, 'taskpane.html'), '<!doctype html>');
writeFileSync(path.join(root, 'vendors.0123456789abcdef0123.js'), 'x');
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'assets', 'template.xlsx'), 'PK');

beforeAll(async () => {
  server = await startServer({ root, port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close();
  rmSync(parent, { recursive: true, force: true });
});

/** A raw request, so `..` reaches the server as sent. */
function get(rawPath: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('serves files with their types and cache rules', async () => {
  const page = await get('/taskpane.html');
  expect(page).toMatchObject({ status: 200, body: '<!doctype html>' });
  expect(page.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  expect((await get('/vendors.0123456789abcdef0123.js')).headers['cache-control']).toMatch(/immutable/);
  expect((await get('/assets/template.xlsx')).headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(await get('/')).toMatchObject({ status: 302, headers: { location: '/taskpane.html' } });
  expect((await get('/taskpane.html', 'HEAD')).body).toBe('');
});

it('serves nothing outside its folder, and only reads', async () => {
  expect((await get('/../serve-test-secret.txt')).status).not.toBe(200);
  expect((await get('/..%2fserve-test-secret.txt')).status).toBe(403);
  expect((await get('/%2e%2e/serve-test-secret.txt')).status).not.toBe(200);
  expect((await get('/missing.js')).status).toBe(404);
  expect((await get('/assets')).status).toBe(404);
  expect((await get('/taskpane.html', 'POST')).status).toBe(405);
});

it('sends the Content-Security-Policy (with frame-ancestors) and nosniff on every response', async () => {
  const expected = Object.fromEntries(Object.entries(securityHeaders()).map(([name, value]) => [name.toLowerCase(), value]));
  expect(expected['content-security-policy']).toMatch(/frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/);
  for (const [rawPath, method] of [
    ['/taskpane.html', 'GET'],
    ['/taskpane.html', 'HEAD'],
    ['/vendors.0123456789abcdef0123.js', 'GET'],
    ['/missing.js', 'GET'],
    ['/', 'GET'],
    ['/taskpane.html', 'POST'],
  ]) {
    const { headers } = await get(rawPath, method);
    expect({ rawPath, method, ...headers }).toMatchObject({ rawPath, method, ...expected });
    // Excel on the web frames the pane: X-Frame-Options (one origin at most) would forbid it.
    expect(headers['x-frame-options']).toBeUndefined();
  }
});
