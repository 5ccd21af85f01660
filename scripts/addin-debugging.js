#!/usr/bin/env node
// `npm start`, `npm run start:web`, `npm stop`: runs office-addin-debugging (sideloads manifest.xml into
// Excel and starts the dev server). It is not in package.json at all — it pulls keytar, a native module that
// does not build everywhere and that `npm install --omit=dev` would try to build (optional dependencies are
// installed in production) — so this says how to add it instead of failing with "command not found".
'use strict';

const { spawnSync } = require('child_process');

const DEV_SERVER_PORT = '3000';
const args = process.argv.slice(2);

let cli;
try {
  cli = require.resolve('office-addin-debugging/cli.js');
} catch {
  console.error(
    [
      'office-addin-debugging is not installed: it is not a dependency of this project (it builds native code).',
      'Install it on a developer machine with Excel:  npm install --no-save office-addin-debugging@7',
      '(on Linux its keytar dependency needs `apt-get install libsecret-1-dev` to build).',
      'Or sideload by hand: run `npm run dev-server` and follow "Sideload into Excel" in README.md.',
    ].join('\n'),
  );
  process.exit(1);
}

const [command, , platform] = args;
if (command === 'start') {
  if (platform === 'web' && !args.includes('--document') && !process.env.npm_package_config_document) {
    console.error(
      [
        'Excel on the web needs a workbook to open: upload one to OneDrive or SharePoint, open it in the browser,',
        'copy its address and run:  npm run start:web -- --document "https://…/Book.xlsx?…"',
      ].join('\n'),
    );
    process.exit(2);
  }
  // office-addin-debugging starts `npm run dev-server` unless something already answers on this port.
  if (!args.includes('--dev-server-port')) args.push('--dev-server-port', DEV_SERVER_PORT);
}

const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
process.exit(result.status === null ? 1 : result.status);
