'use strict';
// Helpers for the conformance tests: start the built plugin and emulator binaries, talk to the plugin
// with Pulumi's own generated gRPC client (@pulumi/pulumi/proto over @grpc/grpc-js), clean up.
const { spawn } = require('node:child_process');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const services = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
const providerPb = require('@pulumi/pulumi/proto/provider_pb.js');
const pluginPb = require('@pulumi/pulumi/proto/plugin_pb.js');
const emptyPb = require('google-protobuf/google/protobuf/empty_pb.js');

const repoRoot = path.resolve(__dirname, '..', '..');
const providerBin = process.env.KFP_PROVIDER_BIN || path.join(repoRoot, 'bin', 'pulumi-resource-kfp');
const emulatorBin = process.env.KFP_EMULATOR_BIN || path.join(repoRoot, 'bin', 'kfp-emulator');
const MAX_MESSAGE = 400 * 1024 * 1024;
const START_TIMEOUT_MS = 20000;

const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    child.kill('SIGKILL');
  }
});

/** Spawns a binary and resolves with its first stdout line (the rest of stdout is collected). */
function spawnWithFirstLine(file, args, options = {}) {
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  running.add(child);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const firstLine = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} wrote no line to stdout within ${START_TIMEOUT_MS} ms; stderr:\n${stderr}`)), START_TIMEOUT_MS);
    child.once('error', (e) => { clearTimeout(timer); reject(e); });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited (code ${code}, signal ${signal}) before writing a line; stderr:\n${stderr}`));
    });
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(stdout.slice(0, newline + 1));
      }
    });
  });
  return {
    child,
    exited,
    firstLine,
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/** Sends a signal and resolves with the exit, or kills the process after timeoutMs and rejects. */
async function stopProcess(proc, signal = 'SIGTERM', timeoutMs = 5000) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
    return proc.exited;
  }
  proc.child.kill(signal);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      proc.child.kill('SIGKILL');
      reject(new Error(`process did not exit within ${timeoutMs} ms of ${signal}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([proc.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts the plugin as the engine does (args before the engine address are logging flags; `cwd` is the
 * Pulumi program directory the engine runs it in) and returns
 * { port, portLine, client, call, stop, stdout, stderr, exited, child }.
 */
async function startProvider(args = ['127.0.0.1:1'], { cwd, env } = {}) {
  const proc = spawnWithFirstLine(providerBin, args, { ...(cwd ? { cwd } : {}), ...(env ? { env } : {}) });
  const portLine = await proc.firstLine;
  const port = Number.parseInt(portLine.trim(), 10);
  const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
    'grpc.max_receive_message_length': MAX_MESSAGE,
    'grpc.max_send_message_length': MAX_MESSAGE,
  });
  const call = (method, request) => unary(client, method, request);
  const stop = async (signal = 'SIGTERM') => {
    client.close();
    return stopProcess(proc, signal);
  };
  return { ...proc, port, portLine, client, call, stop };
}

/** Starts bin/kfp-emulator and resolves with its endpoints line parsed, plus stop(). */
async function startEmulator(args = []) {
  const proc = spawnWithFirstLine(emulatorBin, args);
  const endpoints = JSON.parse(await proc.firstLine);
  return { ...proc, endpoints, stop: (signal = 'SIGTERM') => stopProcess(proc, signal) };
}

/** Promise wrapper of a unary call on a generated client; rejects with the grpc-js ServiceError. */
function unary(client, method, request, deadlineMs = 30000) {
  return new Promise((resolve, reject) => {
    client[method](request, new grpc.Metadata(), { deadline: Date.now() + deadlineMs }, (error, response) => {
      if (error) {
        reject(error);
      } else {
        resolve(response);
      }
    });
  });
}

/** Calls a method by raw path (for paths the generated client does not know). */
function rawUnary(client, methodPath, requestBytes = Buffer.alloc(0)) {
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(methodPath, (b) => b, (b) => b, requestBytes, (error, response) => {
      if (error) {
        reject(error);
      } else {
        resolve(response);
      }
    });
  });
}

/** The head of a Pulumi YAML program's Pulumi.yaml that runs this provider's plugin (bin/) instead of a released one. */
const programHeader = (name) => `name: ${name}
runtime: yaml
plugins:
  providers:
    - name: kfp
      path: ${JSON.stringify(path.dirname(providerBin))}
`;

module.exports = {
  grpc,
  providerPb,
  pluginPb,
  emptyPb,
  providerBin,
  programHeader,
  emulatorBin,
  startProvider,
  startEmulator,
  stopProcess,
  unary,
  rawUnary,
};
