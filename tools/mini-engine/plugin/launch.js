'use strict';
// Finds a resource plugin the way the engine does (the project's plugins.providers folder, then PATH)
// and starts it with the engine address as its last argument, reading the port line.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { EngineError } = require('../errors.js');

const START_TIMEOUT_MS = 20000;

function findPlugin(pkg, program) {
  const binary = `pulumi-resource-${pkg}`;
  const local = program.plugins.find((p) => p.name === pkg);
  if (local) {
    const file = path.join(local.path, binary);
    if (!fs.existsSync(file)) {
      throw new EngineError(`${program.file}: plugins.providers names ${local.path} for package ${pkg}, but ${file} does not exist; run 'make build' first`);
    }
    return file;
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, binary);
    if (fs.existsSync(file)) {
      return file;
    }
  }
  throw new EngineError(`no resource plugin for package '${pkg}': add { name: ${pkg}, path: <folder with ${binary}> } to plugins.providers in ${program.file}, or put ${binary} on PATH`);
}

/** Starts the plugin; resolves { child, port, exited, output() } once it printed its port. */
function launchPlugin(file, engineAddress, cwd) {
  const child = spawn(file, [engineAddress], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let stopping = false;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const port = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EngineError(`${file} did not print its port within ${START_TIMEOUT_MS / 1000} s; stderr:\n${stderr}`));
    }, START_TIMEOUT_MS);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new EngineError(`could not start ${file}: ${e.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new EngineError(`${file} exited (code ${code}, signal ${signal}) before printing its port; stderr:\n${stderr}`));
    });
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        const value = Number.parseInt(stdout.slice(0, newline).trim(), 10);
        if (Number.isInteger(value) && value > 0 && value < 65536 && /^\s*\d+\s*$/.test(stdout.slice(0, newline))) {
          resolve(value);
        } else {
          reject(new EngineError(`${file} wrote an invalid port to stdout: ${JSON.stringify(stdout.slice(0, newline))}`));
        }
      }
    });
  });
  return port.then((value) => ({
    child,
    port: value,
    exited,
    /** True once the engine asked it to stop; an exit before that is premature. */
    markStopping: () => { stopping = true; },
    isStopping: () => stopping,
    output: () => ({ stdout, stderr }),
  }));
}

module.exports = { findPlugin, launchPlugin };
