// Is dist/ (the built pane) there, and newer than what it is built from? Used by `npm run serve` (builds a
// missing dist/, warns about a stale one) and the end-to-end tests (build a missing or stale dist/ first).
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
/** Written after a build this module ran: webpack leaves an unchanged output file's time alone. */
const STAMP = path.join(DIST, '.built');
/** What the build reads: the pane's sources, the assets it copies, its configuration. */
const INPUTS = ['src', 'assets', 'webpack.config.js', 'tsconfig.json', 'package.json', 'manifest.xml', 'scripts/manifest-url.js', 'scripts/security-headers.js'];

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** 'missing' (no dist/taskpane.html), 'stale' (a source is newer than the last build) or 'fresh'. */
function distState(root = ROOT) {
  const page = path.join(root, 'dist', 'taskpane.html');
  if (!fs.existsSync(page)) return 'missing';
  const built = Math.max(mtime(page), mtime(path.join(root, 'dist', '.built')));
  const sources = Math.max(...INPUTS.map((input) => newestMtime(path.join(root, input))));
  return sources > built ? 'stale' : 'fresh';
}

/** `npm run build` (a production build into dist/), output shown; throws if it fails. */
function buildDist() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (run.status !== 0) throw new Error(`npm run build failed (exit ${run.status ?? run.signal})`);
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

module.exports = { ROOT, DIST, distState, buildDist };
