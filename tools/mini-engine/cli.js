#!/usr/bin/env node
'use strict';
// The mini engine's command line; `cli.js --help` prints the usage.
const { run, stackOutputs } = require('./index.js');
const { parseAssignment } = require('./program/config.js');
const { EngineError } = require('./errors.js');

const USAGE = `usage: cli.js <command> --program DIR --state DIR [--stack NAME] [options]

commands:
  preview                    show what up would do
  up                         create, update and delete resources to match the program
  refresh                    read every resource and record what is live
  destroy                    delete every resource of the stack
  import TYPE NAME ID        adopt an existing object (e.g. import kfp:index:Experiment team 6f1c...)
  stack output [NAME]        the stack outputs (--json, --show-secrets)

options:
  --config, -c key=value     stack config (kfp:host=..., or a project key); repeatable
  --secret key=value         secret stack config; repeatable
  --target NAME|URN          only this resource (preview, up, refresh, destroy); repeatable
  --replace NAME|URN         replace this resource even if nothing changed (preview, up); repeatable
  --diff                     print detailed diffs as 'pulumi preview --diff' does
  --refresh                  refresh before preview or up, so drift shows the live values
  --expect-no-changes        exit 1 when changes are proposed (preview, up)
  --run-program              refresh, destroy: configure the default provider from the current stack config
                             (not the one recorded in state), e.g. after kfp:host moved
  --verbose, -v              also show the provider's debug messages
exit codes: 0 ok, 1 the operation failed (or --expect-no-changes saw changes), 2 bad usage`;

function parseArgs(argv) {
  const options = {
    command: undefined, positional: [], programDir: '.', stateDir: undefined, stack: 'dev', config: [], verbose: false, expectNoChanges: false,
    json: false, showSecrets: false, diff: false, refresh: false, runProgram: false, targets: [], replaces: [], help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) {
        throw new EngineError(`${arg} needs a value\n${USAGE}`);
      }
      i += 1;
      return argv[i];
    };
    switch (arg) {
      case '--program': options.programDir = value(); break;
      case '--state': options.stateDir = value(); break;
      case '--stack': case '-s': options.stack = value(); break;
      case '--config': case '-c': options.config.push(parseAssignment(value(), false)); break;
      case '--secret': options.config.push(parseAssignment(value(), true)); break;
      case '--target': options.targets.push(value()); break;
      case '--replace': options.replaces.push(value()); break;
      case '--diff': options.diff = true; break;
      case '--refresh': case '-r': options.refresh = true; break;
      case '--run-program': options.runProgram = true; break;
      case '--expect-no-changes': options.expectNoChanges = true; break;
      case '--verbose': case '-v': options.verbose = true; break;
      case '--json': options.json = true; break;
      case '--show-secrets': options.showSecrets = true; break;
      case '--help': case '-h': options.help = true; break;
      default:
        if (arg.startsWith('-')) {
          throw new EngineError(`unknown option '${arg}'\n${USAGE}`);
        }
        if (options.command === undefined) {
          options.command = arg;
        } else {
          options.positional.push(arg);
        }
    }
  }
  if (options.help) {
    return options;
  }
  if (options.command === 'outputs') { // the old spelling of `stack output`
    options.command = 'stack';
    options.positional.unshift('output');
  }
  const known = ['preview', 'up', 'refresh', 'destroy', 'import', 'stack'];
  if (!known.includes(options.command)) {
    throw new EngineError(`${options.command ? `unknown command '${options.command}'` : 'no command'}\n${USAGE}`);
  }
  const arity = { import: [3, 3], stack: [1, 2] }[options.command] ?? [0, 0];
  if (options.positional.length < arity[0] || options.positional.length > arity[1] || (options.command === 'stack' && options.positional[0] !== 'output')) {
    throw new EngineError(`wrong arguments for '${options.command}': ${options.positional.join(' ') || '(none)'}\n${USAGE}`);
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
    if (options.help) {
      write(USAGE);
      return 0;
    }
    if (options.command === 'stack') {
      stackOutputs({ ...options, name: options.positional[1], write });
      return 0;
    }
    const [type, name, id] = options.positional;
    return (await run(options.command, { ...options, importSpec: { type, name, id }, write })).exitCode;
  } catch (e) {
    process.stderr.write(`error: ${e instanceof EngineError ? e.message : e.stack}\n`);
    return 2;
  }
}

if (require.main === module) {
  main().then((code) => { process.exitCode = code; });
}

module.exports = { parseArgs, USAGE };
