#!/usr/bin/env node
// Thin launcher: the command is compiled into build/ by `npm install` / `npm ci` (the prepare script). It runs
// in a process with a capped heap (build/src/cli/launch.js says why); main.js is loaded only where it runs.
const args = process.argv.slice(2);
require('../build/src/cli/launch.js').launch(__filename, args, () => require('../build/src/cli/main.js').main(args));
