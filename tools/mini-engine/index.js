'use strict';
// The mini engine's entry points: run one command against a program folder and a state folder.
const { EngineError } = require('./errors.js');
const { loadProgram } = require('./program/load.js');
const { resolveConfig } = require('./program/config.js');
const { loadState } = require('./state/store.js');
const { Session } = require('./deploy/session.js');
const { UpdateRun, nameOfUrn, STACK_TYPE } = require('./deploy/update.js');
const { RefreshRun } = require('./deploy/refresh.js');
const { DestroyRun } = require('./deploy/destroy.js');
const { importResource } = require('./deploy/import.js');
const { Renderer } = require('./display/renderer.js');
const { formatValue } = require('./display/format.js');
const values = require('./values.js');

const HEADERS = { preview: 'Previewing update', up: 'Updating', refresh: 'Refreshing', destroy: 'Destroying', import: 'Importing' };
const COMMANDS = Object.keys(HEADERS);

function rowsOf(program, state, stack) {
  const rows = state.resources.filter((r) => !r.type.startsWith('pulumi:providers:') || !r.urn.endsWith('::default'))
    .map((r) => ({ type: r.type, name: nameOfUrn(r.urn) }));
  program?.resources.forEach((r) => rows.push({ type: r.typeText, name: r.name }));
  if (program) {
    rows.push({ type: STACK_TYPE, name: `${program.name}-${stack}` });
  }
  return rows;
}

/** `preview --refresh` / `up --refresh`: the state as a refresh would leave it, read on a session of its own. */
async function refreshFirst({ program, state, renderer, schemaCache, persist, fromProgram }) {
  const quiet = new Renderer({ write: () => {}, dryRun: true });
  quiet.log = (entry) => renderer.log(entry);
  quiet.error = (message, urn) => renderer.error(message, urn);
  const session = await Session.open(program, (entry) => quiet.log(entry), schemaCache);
  try {
    const refreshed = await new RefreshRun({ session, state, renderer: quiet, persist, fromProgram }).run();
    if (refreshed.failed) {
      throw new EngineError('the refresh before the update failed (see above); run refresh alone to look into it');
    }
    return { ...state, resources: refreshed.resources, serial: persist ? state.serial + 1 : state.serial };
  } finally {
    await session.close();
  }
}

/**
 * Runs `command` (preview | up | refresh | destroy | import). Options: programDir, stateDir, stack ('dev'),
 * config ([{ key, value, secret }]), write (line printer), verbose, expectNoChanges, diff (the
 * `--diff` view), refresh (refresh before preview/up), targets and replaces (resource names or URNs),
 * importSpec ({ type, name, id } for import), runProgram (refresh and destroy register default providers
 * from the stack config instead of the recorded one, as the CLI's --run-program does), schemaCache (a Map shared between runs to load each
 * plugin's schema once).
 * Resolves { exitCode, outputs, changes, kept }; never throws for user errors (they are printed once).
 */
async function run(command, options) {
  const {
    programDir, stateDir, stack = 'dev', config: overrides = [], write, verbose = false, expectNoChanges = false, diff = false,
    refresh = false, targets = [], replaces = [], importSpec = null, schemaCache = null, runProgram = false,
  } = options;
  if (!COMMANDS.includes(command)) {
    throw new EngineError(`unknown command '${command}'; use one of ${COMMANDS.join(', ')}`);
  }
  const dryRun = command === 'preview';
  const renderer = new Renderer({ write, dryRun, verbose, diff });
  let session;
  let result = { failed: true, outputs: {} };
  try {
    const program = loadProgram(programDir);
    let state = loadState(stateDir, program.name, stack);
    renderer.setRows(rowsOf(program, state, stack));
    renderer.setDefaultUrn(`urn:pulumi:${stack}::${program.name}::${STACK_TYPE}::${program.name}-${stack}`);
    write(`${HEADERS[command]} (${program.name}/${stack}):`);
    const fromProgram = runProgram || refresh ? { config: resolveConfig(program, stack, overrides), stack } : null;
    if (refresh && (command === 'preview' || command === 'up')) {
      state = await refreshFirst({ program, state, renderer, schemaCache, persist: command === 'up', fromProgram });
    }
    session = await Session.open(program, (entry) => renderer.log(entry), schemaCache);
    if (command === 'preview' || command === 'up') {
      const config = resolveConfig(program, stack, overrides);
      result = await new UpdateRun({ session, program, config, stack, state, renderer, dryRun, targets, replaces }).run();
    } else if (command === 'refresh') {
      result = await new RefreshRun({ session, state, renderer, targets, fromProgram }).run();
    } else if (command === 'import') {
      const config = resolveConfig(program, stack, overrides);
      result = await importResource({ session, program, config, stack, state, renderer, ...importSpec });
    } else {
      result = await new DestroyRun({ session, state, renderer, dryRun: false, targets, fromProgram }).run();
    }
  } catch (e) {
    renderer.error(e.message, e.urn ?? '');
    result = { failed: true, outputs: {} };
  } finally {
    if (session) {
      await session.close();
    }
  }
  renderer.flushDiagnostics();
  if ((command === 'preview' || command === 'up') && !result.failed) {
    renderer.outputs(result.outputs ?? {}, result.previousOutputs ?? {});
  }
  if (result.code) {
    write('');
    write(`Add this to the resources of ${result.programFile} (the next up then keeps the resource as it is):`);
    write('');
    result.code.forEach((line) => write(line));
  }
  if (result.kept?.length > 0) {
    write('');
    write('Left in place by design:');
    result.kept.forEach((line) => write(`    ${line}`));
  }
  renderer.summary();
  let exitCode = result.failed ? 1 : 0;
  if (!result.failed && expectNoChanges && renderer.hasChanges()) {
    write('error: no changes were expected but changes were proposed (--expect-no-changes)');
    exitCode = 1;
  }
  return { exitCode, outputs: result.outputs ?? {}, changes: renderer.hasChanges(), kept: result.kept ?? [] };
}

/**
 * `stack output [name]`: the stack outputs recorded in state as `key: value` lines (secrets masked
 * unless showSecrets), or JSON; with a name, that output's value alone.
 */
function stackOutputs({ programDir, stateDir, stack = 'dev', json = false, showSecrets = false, name = undefined, write }) {
  const program = loadProgram(programDir);
  const state = loadState(stateDir, program.name, stack);
  const outputs = state.resources.find((r) => r.type === STACK_TYPE)?.outputs ?? {};
  const shown = showSecrets ? values.stripSecrets(outputs) : outputs;
  const masked = (v) => JSON.parse(JSON.stringify(values.sortKeys(v), (k, x) => (values.isSecret(x) ? '[secret]' : x)));
  if (name !== undefined) {
    if (!(name in shown)) {
      throw new EngineError(`current stack does not have output property '${name}'; it has ${Object.keys(shown).sort().join(', ') || 'no outputs'}`);
    }
    const value = shown[name];
    write(json ? JSON.stringify(masked(value), null, 2) : typeof value === 'string' ? value : formatValue(value));
    return;
  }
  if (json) {
    write(JSON.stringify(masked(shown), null, 2));
    return;
  }
  const keys = Object.keys(shown).sort();
  const width = Math.max(0, ...keys.map((k) => k.length));
  keys.forEach((k) => write(`${`${k}:`.padEnd(width + 1)} ${formatValue(shown[k])}`));
}

module.exports = { run, stackOutputs, COMMANDS };
