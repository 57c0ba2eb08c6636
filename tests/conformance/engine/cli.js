#!/usr/bin/env node
'use strict';
// tests/conformance/engine/cli.js <preview|up|refresh|destroy|outputs> --program DIR --state DIR
//   [--stack NAME] [--config key=value ...] [--secret key=value ...] [--expect-no-changes] [--verbose]
//   outputs: [--json] [--show-secrets]
const { run, stackOutputs, COMMANDS } = require('./index.js');
const { parseAssignment } = require('./program/config.js');
const { EngineError } = require('./errors.js');

const USAGE = `usage: cli.js <${[...COMMANDS, 'outputs'].join('|')}> --program DIR --state DIR [--stack NAME]
       [--config key=value ...] [--secret key=value ...] [--expect-no-changes] [--verbose]
       cli.js outputs --program DIR --state DIR [--json] [--show-secrets]`;

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const options = { command, programDir: '.', stateDir: undefined, stack: 'dev', config: [], verbose: false, expectNoChanges: false, json: false, showSecrets: false };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    const value = () => {
      if (i + 1 >= rest.length) {
        throw new EngineError(`${arg} needs a value\n${USAGE}`);
      }
      i += 1;
      return rest[i];
    };
    switch (arg) {
      case '--program': options.programDir = value(); break;
      case '--state': options.stateDir = value(); break;
      case '--stack': case '-s': options.stack = value(); break;
      case '--config': case '-c': options.config.push(parseAssignment(value(), false)); break;
      case '--secret': options.config.push(parseAssignment(value(), true)); break;
      case '--expect-no-changes': options.expectNoChanges = true; break;
      case '--verbose': case '-v': options.verbose = true; break;
      case '--json': options.json = true; break;
      case '--show-secrets': options.showSecrets = true; break;
      default: throw new EngineError(`unknown argument '${arg}'\n${USAGE}`);
    }
  }
  if (![...COMMANDS, 'outputs'].includes(command)) {
    throw new EngineError(`${command ? `unknown command '${command}'` : 'no command'}\n${USAGE}`);
  }
  if (!options.stateDir) {
    throw new EngineError(`--state DIR is required (the folder that keeps the stack's state)\n${USAGE}`);
  }
  return options;
}

async function main() {
  // A closed pipe (`| head`) must not abort a deployment half way: the rest of the output is dropped.
  process.stdout.on('error', (e) => {
    if (e.code !== 'EPIPE') {
      throw e;
    }
  });
  const write = (line) => process.stdout.write(`${line}\n`);
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.command === 'outputs') {
      stackOutputs({ ...options, write });
      return 0;
    }
    return (await run(options.command, { ...options, write })).exitCode;
  } catch (e) {
    process.stderr.write(`error: ${e instanceof EngineError ? e.message : e.stack}\n`);
    return 2;
  }
}

main().then((code) => { process.exitCode = code; });
