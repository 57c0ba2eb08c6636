'use strict';
// Measures exec-to-port-line time of a plugin-like binary (not a test: timing depends on the machine).
// Usage: node tools/startup-time.js [runs] [binary [args...]]
//   binary defaults to KFP_PROVIDER_BIN or bin/pulumi-resource-kfp; args default to an engine address.
//   With --json first, prints {"binary","runs","min","median","max"} (milliseconds) instead of a sentence.
//   With --first-call (after --json if both), also times exec to the answer of a first GetPluginInfo call made
//   with Pulumi's gRPC client as soon as the port line is read, as the engine does: {"firstCall": {min, median, max}}.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const START_TIMEOUT_MS = 20000;

/** Calls GetPluginInfo on the port; resolves when the answer arrives. */
function firstCall(port) {
  const grpc = require('@grpc/grpc-js');
  const services = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
  const emptyPb = require('google-protobuf/google/protobuf/empty_pb.js');
  const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) => {
    client.getPluginInfo(new emptyPb.Empty(), (err) => {
      client.close();
      return err ? reject(err) : resolve();
    });
  });
}

/**
 * Spawns the binary, resolves with ms from spawn to its first stdout line (and, with withCall, to the answer of a
 * first GetPluginInfo), then SIGTERMs it and waits for exit.
 */
function timeOnce(binary, args, withCall = false) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let elapsed;
    let called;
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
        if (!withCall) {
          child.kill('SIGTERM');
          return;
        }
        firstCall(Number.parseInt(stdout, 10)).then(
          () => { called = performance.now() - started; child.kill('SIGTERM'); },
          (e) => { child.kill('SIGKILL'); reject(e); });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (elapsed === undefined) {
        reject(new Error(`${binary} exited (code ${code}, signal ${signal}) before its port line`));
      } else {
        resolve(withCall ? { portLine: elapsed, firstCall: called } : elapsed);
      }
    });
  });
}

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};

async function measure(binary, args, runs, withCall) {
  await timeOnce(binary, args, withCall); // warm the page cache; not counted
  const results = [];
  for (let i = 0; i < runs; i++) {
    results.push(await timeOnce(binary, args, withCall));
  }
  if (!withCall) {
    return { binary, runs, ...stats(results) };
  }
  return { binary, runs, ...stats(results.map((r) => r.portLine)), firstCall: stats(results.map((r) => r.firstCall)) };
}

async function main() {
  const argv = process.argv.slice(2);
  const json = argv[0] === '--json';
  if (json) {
    argv.shift();
  }
  const withCall = argv[0] === '--first-call';
  if (withCall) {
    argv.shift();
  }
  const runs = Number.parseInt(argv[0] || '20', 10);
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const binary = argv[1] || process.env.KFP_PROVIDER_BIN || path.join(repoRoot, 'bin', 'pulumi-resource-kfp');
  const args = argv.length > 2 ? argv.slice(2) : ['127.0.0.1:1'];
  const result = await measure(binary, args, runs, withCall);
  if (json) {
    console.log(JSON.stringify(result));
  } else {
    const f = (ms) => ms.toFixed(1);
    console.log(`${binary}: exec to port line over ${runs} runs: min ${f(result.min)} ms, median ${f(result.median)} ms, max ${f(result.max)} ms`);
    if (result.firstCall) {
      const c = result.firstCall;
      console.log(`${binary}: exec to a first answered call: min ${f(c.min)} ms, median ${f(c.median)} ms, max ${f(c.max)} ms`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
