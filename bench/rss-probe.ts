// Preloaded with `node --require build/bench/rss-probe.js …` where /usr/bin/time is missing: on exit, writes the
// process's peak resident set size (process.resourceUsage().maxRSS, in KiB — the unit of GNU time's %M) to the
// file named by BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, `${process.resourceUsage().maxRSS}\n`);
  });
}
