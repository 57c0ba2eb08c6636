#!/usr/bin/env node
'use strict';
// kfp-dev <preview|up|refresh|destroy|stack output> [--stack S] [DIR] [mini engine options]
// Runs the Pulumi YAML program in DIR (default: the current folder) with the mini engine. When no
// kfp:host is configured (--config, Pulumi.<stack>.yaml, Pulumi.yaml or KFP_HOST), it starts
// bin/kfp-emulator with its state in DIR/.kfp-dev/<stack>/emulator, passes its endpoints as kfp:host
// and kfp:kubeconfig, and stops it at the end. The stack state lives in DIR/.kfp-dev/<stack>/state.
// bin/ is put first on PATH, so a program needs no plugins.providers entry to find the provider.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const { run, stackOutputs } = require('./index.js');
const { parseArgs } = require('./cli.js');
const { EngineError } = require('./errors.js');

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = process.env.KFP_DEV_BIN_DIR || path.join(ROOT, 'bin');
const USAGE = `usage: kfp-dev <preview|up|refresh|destroy|import TYPE NAME ID|stack output [NAME]> [--stack S] [DIR] [options]
  DIR      the folder holding Pulumi.yaml (default: the current folder)
  --stack  the stack name (default: dev); state is kept in DIR/.kfp-dev/<stack>/
  options  as the mini engine's: --config k=v, --secret k=v, --diff, --refresh, --target, --replace,
           --expect-no-changes, --verbose, --json, --show-secrets
Without a configured kfp:host, kfp-dev starts bin/kfp-emulator for the command and stops it afterwards.`;

/** Splits kfp-dev's arguments: the program folder is the last positional argument that is a folder. */
function parse(argv) {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    return { help: true };
  }
  const dirs = [];
  const rest = [];
  argv.forEach((a, i) => {
    const prev = argv[i - 1];
    const takesValue = ['--stack', '-s', '--config', '-c', '--secret', '--target', '--replace', '--program', '--state'].includes(prev);
    if (i > 0 && !a.startsWith('-') && !takesValue && fs.existsSync(a) && fs.statSync(a).isDirectory()) {
      dirs.push(a);
    } else {
      rest.push(a);
    }
  });
  if (dirs.length > 1) {
    throw new EngineError(`give one program folder, not ${dirs.join(' and ')}\n${USAGE}`);
  }
  const programDir = path.resolve(dirs[0] ?? '.');
  const stackIndex = rest.findIndex((a) => a === '--stack' || a === '-s');
  const stack = stackIndex >= 0 ? rest[stackIndex + 1] : 'dev';
  const stateDir = path.join(programDir, '.kfp-dev', stack);
  const options = parseArgs([...rest, '--program', programDir, '--state', path.join(stateDir, 'state')]);
  return { ...options, stateRoot: stateDir };
}

/** True when kfp:host comes from somewhere other than the emulator. */
function hostConfigured(options) {
  if (process.env.KFP_HOST || options.config.some((c) => c.key === 'kfp:host')) {
    return true;
  }
  const read = (file) => (fs.existsSync(file) ? yaml.load(fs.readFileSync(file, 'utf8')) ?? {} : {});
  const stackFile = read(path.join(options.programDir, `Pulumi.${options.stack}.yaml`));
  const project = read(path.join(options.programDir, 'Pulumi.yaml'));
  return 'kfp:host' in (stackFile.config ?? {}) || 'kfp:host' in (project.config ?? {});
}

/** Starts bin/kfp-emulator; resolves { endpoints, stop() } once it printed its endpoints line. */
function startEmulator(stateDir) {
  const file = path.join(BIN, 'kfp-emulator');
  if (!fs.existsSync(file)) {
    throw new EngineError(`${file} does not exist; run 'make build' first, or set kfp:host to a real cluster`);
  }
  fs.mkdirSync(stateDir, { recursive: true });
  const log = fs.openSync(path.join(stateDir, '..', 'emulator.log'), 'a');
  const child = spawn(file, ['--state-dir', stateDir], { stdio: ['ignore', 'pipe', log] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(log);
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { stop(); reject(new EngineError(`kfp-emulator printed no endpoints within 60 s; see ${path.join(stateDir, '..', 'emulator.log')}`)); }, 60000);
    exited.then((code) => { clearTimeout(timer); reject(new EngineError(`kfp-emulator exited (code ${code}) before it was ready; see ${path.join(stateDir, '..', 'emulator.log')}`)); });
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.resume(); // keep draining, so the emulator never writes into a full pipe
        resolve({ endpoints: JSON.parse(out.slice(0, newline)), stop });
      }
    });
  });
}

async function main() {
  const write = (line) => process.stdout.write(`${line}\n`);
  let emulator;
  const stopAll = async () => { if (emulator) { await emulator.stop(); emulator = undefined; } };
  process.once('SIGINT', () => { stopAll().finally(() => process.exit(130)); });
  process.once('SIGTERM', () => { stopAll().finally(() => process.exit(143)); });
  try {
    const options = parse(process.argv.slice(2));
    if (options.help) {
      write(USAGE);
      return 0;
    }
    if (options.command === 'stack') {
      stackOutputs({ ...options, name: options.positional[1], write });
      return 0;
    }
    process.env.PATH = `${BIN}${path.delimiter}${process.env.PATH ?? ''}`;
    const config = [...options.config];
    if (!hostConfigured(options)) {
      emulator = await startEmulator(path.join(options.stateRoot, 'emulator'));
      const { kfp, kubeconfig } = emulator.endpoints;
      write(`kfp-dev: no kfp:host configured; started kfp-emulator (KFP API at ${kfp}, state in ${path.relative(process.cwd(), options.stateRoot) || '.'}/emulator)`);
      config.push({ key: 'kfp:host', value: kfp, secret: false }, { key: 'kfp:kubeconfig', value: kubeconfig, secret: false });
    }
    const [type, name, id] = options.positional;
    // The emulator's ports change on every start: refresh and destroy use the current endpoints.
    const result = await run(options.command, { ...options, config, runProgram: options.runProgram || Boolean(emulator), importSpec: { type, name, id }, write });
    return result.exitCode;
  } catch (e) {
    process.stderr.write(`kfp-dev: ${e instanceof EngineError ? e.message : e.stack}\n`);
    return 2;
  } finally {
    await stopAll();
  }
}

main().then((code) => { process.exitCode = code; });
