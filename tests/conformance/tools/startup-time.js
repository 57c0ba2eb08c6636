'use strict';
// Measures exec-to-port-line time of the plugin (not a test: timing depends on the machine).
// Usage: node tools/startup-time.js [runs]   (KFP_PROVIDER_BIN picks the binary, as in the tests)
const { performance } = require('node:perf_hooks');
const { startProvider } = require('../harness.js');

async function main() {
  const runs = Number.parseInt(process.argv[2] || '20', 10);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const provider = await startProvider(['127.0.0.1:1']);
    times.push(performance.now() - started);
    await provider.stop();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`exec to port line over ${runs} runs: min ${times[0].toFixed(0)} ms, median ${median.toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
