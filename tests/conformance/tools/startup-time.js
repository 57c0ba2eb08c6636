'use strict';
// Measures exec-to-port-line time of a plugin-like binary (not a test: timing depends on the machine).
// Usage: node tools/startup-time.js [runs] [binary [args...]]
//   binary defaults to KFP_PROVIDER_BIN or bin/pulumi-resource-kfp; args default to an engine address.
//   With --json first, prints {"binary","runs","min","median","max"} (milliseconds) instead of a sentence.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const START_TIMEOUT_MS = 20000;

/** Spawns the binary, resolves with ms from spawn to its first stdout line, then SIGTERMs it and waits for exit. */
function timeOnce(binary, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let elapsed;
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${binary} wrote no port line within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('error', reject);
    child.stdout.on('data', (chunk) => {
      if (elapsed !== undefined) {
        return;
      }
      stdout += chunk;
      if (stdout.includes('\n')) {
        elapsed = performance.now() - started;
        clearTimeout(timer);
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (elapsed === undefined) {
        reject(new Error(`${binary} exited (code ${code}, signal ${signal}) before its port line`));
      } else {
        resolve(elapsed);
      }
    });
  });
}

async function measure(binary, args, runs) {
  await timeOnce(binary, args); // warm the page cache; not counted
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await timeOnce(binary, args));
  }
  times.sort((a, b) => a - b);
  return { binary, runs, min: times[0], median: times[Math.floor(times.length / 2)], max: times[times.length - 1] };
}

async function main() {
  const argv = process.argv.slice(2);
  const json = argv[0] === '--json';
  if (json) {
    argv.shift();
  }
  const runs = Number.parseInt(argv[0] || '20', 10);
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const binary = argv[1] || process.env.KFP_PROVIDER_BIN || path.join(repoRoot, 'bin', 'pulumi-resource-kfp');
  const args = argv.length > 2 ? argv.slice(2) : ['127.0.0.1:1'];
  const result = await measure(binary, args, runs);
  if (json) {
    console.log(JSON.stringify(result));
  } else {
    const f = (ms) => ms.toFixed(1);
    console.log(`${binary}: exec to port line over ${runs} runs: min ${f(result.min)} ms, median ${f(result.median)} ms, max ${f(result.max)} ms`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
