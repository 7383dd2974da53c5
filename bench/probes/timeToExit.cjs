// Preloaded with `node -r` into a measured process: prints, at exit, the time from this first
// line of user code to the exit, and the process's peak RSS, as one `@result` line on stderr.
'use strict';
const firstCode = performance.now();
process.on('exit', () => {
  const result = { firstCodeToExitMs: performance.now() - firstCode, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stderr.write(`\n@result ${JSON.stringify(result)}\n`);
});
