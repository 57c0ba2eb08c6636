'use strict';
// Starts the provider plugin with a chosen working directory (the engine runs it in the Pulumi program
// directory; harness.startProvider has no cwd option) and wraps Pulumi's generated client so tests send
// and receive plain wire values (google.protobuf.Struct as JavaScript objects).
const { spawn } = require('node:child_process');
const structPb = require('google-protobuf/google/protobuf/struct_pb.js');
const services = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
const { grpc, providerBin, stopProcess, unary } = require('../harness.js');

const START_TIMEOUT_MS = 20000;
const MAX_MESSAGE = 400 * 1024 * 1024;

const toStruct = (value) => structPb.Struct.fromJavaScript(value ?? {});
const fromStruct = (struct) => (struct ? struct.toJavaScript() : null);

/** Resolves with the port the plugin printed on its first stdout line. */
function readPort(child, stderr) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`no port line within ${START_TIMEOUT_MS} ms; stderr:\n${stderr()}`)), START_TIMEOUT_MS);
    child.once('error', (e) => { clearTimeout(timer); reject(e); });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`plugin exited (code ${code}, signal ${signal}) before its port line; stderr:\n${stderr()}`));
    });
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(Number.parseInt(stdout.slice(0, newline).trim(), 10));
      }
    });
  });
}

/**
 * Starts bin/pulumi-resource-kfp in `cwd` with the engine address as its last argument and returns
 * { client, call, stop, stderr }. call(method, request) is the generated client's unary method.
 */
async function startPluginIn(cwd, engineAddress = '127.0.0.1:1') {
  const child = spawn(providerBin, [engineAddress], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const killOnExit = () => child.kill('SIGKILL'); // never leave a plugin behind if the test process dies
  process.once('exit', killOnExit);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    process.removeListener('exit', killOnExit);
    resolve({ code, signal });
  }));
  const proc = { child, exited };
  let port;
  try {
    port = await readPort(child, () => stderr);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
    'grpc.max_receive_message_length': MAX_MESSAGE,
    'grpc.max_send_message_length': MAX_MESSAGE,
  });
  return {
    client,
    port,
    call: (method, request) => unary(client, method, request),
    stderr: () => stderr,
    stop: async () => {
      client.close();
      return stopProcess(proc);
    },
  };
}

module.exports = { startPluginIn, toStruct, fromStruct };
