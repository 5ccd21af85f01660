#!/usr/bin/env node
// `npm run serve`: serves the built pane (dist/) as static files, for Excel (https) and for the browser mode
// (any browser; plain http needs no certificate). Builds dist/ first when it is missing.
//
//   https://localhost:3000/taskpane.html   with the office-addin-dev-certs certificate, when its files exist
//   http://localhost:3001/taskpane.html    always (a browser on this machine; Excel needs the https one)
//
//   npm run serve -- --port 3000 --http-port 3001 --host localhost --root dist
//   npm run serve -- --http-port 0         any free port (printed)
//
// Static files only, GET and HEAD, nothing outside the root, with the pane's Content-Security-Policy and
// nosniff on every response (scripts/security-headers.js); no dependency beyond Node. The e2e tests use
// startServer() from here on a free port.
'use strict';

const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');
const { devCertPaths, missingDevCertFiles } = require('./dev-cert-paths');
const { securityHeaders } = require('./security-headers');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Content hashes in the name (`vendors.bafeee27ed525e3f.js`): such a file never changes, cache it for good. */
const HASHED = /\.[0-9a-f]{16,}\.(js|css)(\.map)?$/;

/** A request handler serving the files under `root`. */
function staticHandler(root) {
  const base = path.resolve(root);
  const security = Object.entries(securityHeaders());
  return (req, res) => {
    // On every response: the Content-Security-Policy with what a meta tag cannot carry (frame-ancestors:
    // only Office's hosts may frame the pane), and nosniff.
    for (const [name, value] of security) res.setHeader(name, value);
    const send = (status, text, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad request\n');
    }
    if (pathname === '/') return send(302, 'Found\n', { Location: '/taskpane.html' });
    const file = path.resolve(base, `.${pathname}`);
    if (pathname.includes('\0') || (file !== base && !file.startsWith(base + path.sep))) return send(403, 'Forbidden\n');
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) return send(404, 'Not found\n');
      const name = path.basename(file);
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  };
}

/**
 * Starts one server. `tls`: { cert, key } for https, else http. `port` 0 takes a free one.
 * Resolves to { url, port, close() } once it listens.
 */
function startServer({ root, port = 0, host = 'localhost', tls = null }) {
  const handler = staticHandler(root);
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `${tls ? 'https' : 'http'}://${shownHost}:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const options = { port: 3000, httpPort: 3001, host: 'localhost', root: path.resolve(__dirname, '..', 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--http-port') options.httpPort = Number(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--root') options.root = path.resolve(value());
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`unknown option ${argv[i]} (try --help)`);
  }
  for (const key of ['port', 'httpPort']) {
    if (!Number.isInteger(options[key]) || options[key] < 0 || options[key] > 65535) throw new Error(`--${key === 'port' ? 'port' : 'http-port'}: expected a port number`);
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(2);
  }
  if (options.help) {
    const lines = fs.readFileSync(__filename, 'utf8').split('\n').slice(1);
    const header = lines.slice(0, lines.findIndex((line) => !line.startsWith('//')));
    console.log(header.map((line) => line.replace(/^\/\/ ?/, '')).join('\n'));
    return;
  }
  const defaultRoot = options.root === path.resolve(__dirname, '..', 'dist');
  if (defaultRoot) {
    const { distState, buildDist } = require('./dist-state');
    const state = distState();
    if (state === 'missing') {
      console.log('serve: dist/ has no build yet; running npm run build first.');
      buildDist();
    } else if (state === 'stale') {
      console.warn('serve: the sources changed since dist/ was built; serving the old build (npm run build to update it).');
    }
  }
  if (!fs.existsSync(path.join(options.root, 'taskpane.html'))) {
    console.error(`serve: ${path.join(options.root, 'taskpane.html')} is missing.`);
    process.exit(1);
  }

  const servers = [];
  const files = devCertPaths();
  const missing = missingDevCertFiles(files);
  if (missing.length === 0) {
    const tls = { cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) };
    servers.push(await startServer({ root: options.root, port: options.port, host: options.host, tls }));
  } else {
    console.warn(`serve: no https (certificate files missing: ${missing.join(', ')}); npm run dev-certs creates them.`);
  }
  servers.push(await startServer({ root: options.root, port: options.httpPort, host: options.host }));
  console.log(`Serving ${path.relative(process.cwd(), options.root) || '.'}:`);
  for (const server of servers) console.log(`  ${server.url}taskpane.html`);
  console.log('Ctrl+C to stop.');
  const stop = () => Promise.all(servers.map((s) => s.close())).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

module.exports = { startServer, staticHandler, MIME };

if (require.main === module) {
  main().catch((error) => {
    console.error(`serve: ${error && error.code === 'EADDRINUSE' ? `port ${error.port} is in use (choose another with --port / --http-port)` : error.message}`);
    process.exit(1);
  });
}
