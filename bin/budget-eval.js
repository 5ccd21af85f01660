#!/usr/bin/env node
// Thin launcher: the command is compiled into build/ by `npm install` / `npm ci` (the prepare script).
require('../build/src/cli/main.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
