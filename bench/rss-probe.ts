// Preloaded with `node --require build/bench/rss-probe.js …` where /usr/bin/time is missing: on exit, writes the
// process's CPU time (user, system: ms) and peak resident set size (process.resourceUsage().maxRSS, in KiB — the
// unit of GNU time's %M) to the file named by BENCH_RSS_FILE.
import { appendFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // As GNU time's `%U %S %M` (the bench reads the same three fields), but CPU in ms.
    // Appended: the command's launcher and the command it starts (src/cli/launch.ts) each add their line.
    appendFileSync(target, `${usage.userCPUTime / 1000} ${usage.systemCPUTime / 1000} ${usage.maxRSS}\n`);
  });
}
