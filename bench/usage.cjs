// Preloaded into every measured process (node --require): on exit, append the
// whole process's CPU time and peak RSS to the file named by TRUSTLINT_BENCH_USAGE,
// so the harness measures the same way on every OS (no /usr/bin/time needed).
'use strict'
const file = process.env.TRUSTLINT_BENCH_USAGE
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    require('node:fs').writeFileSync(
      file,
      JSON.stringify({userMicros: usage.userCPUTime, systemMicros: usage.systemCPUTime, maxRssKiB: usage.maxRSS})
    )
  })
}
