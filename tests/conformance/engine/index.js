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
const { Renderer } = require('./display/renderer.js');
const { formatValue } = require('./display/format.js');
const values = require('./values.js');

const HEADERS = { preview: 'Previewing update', up: 'Updating', refresh: 'Refreshing', destroy: 'Destroying' };
const COMMANDS = Object.keys(HEADERS);

function rowsOf(program, state, stack) {
  const rows = state.resources.filter((r) => !r.type.startsWith('pulumi:providers:')).map((r) => ({ type: r.type, name: nameOfUrn(r.urn) }));
  program?.resources.forEach((r) => rows.push({ type: r.typeText, name: r.name }));
  if (program) {
    rows.push({ type: STACK_TYPE, name: `${program.name}-${stack}` });
  }
  return rows;
}

/**
 * Runs `command` (preview | up | refresh | destroy). Options: programDir, stateDir, stack ('dev'),
 * config ([{ key, value, secret }]), write (line printer), verbose, expectNoChanges, schemaCache (a Map
 * shared between runs to load each plugin's schema once).
 * Resolves { exitCode, outputs, changes }; never throws for user errors (they are printed).
 */
async function run(command, options) {
  const { programDir, stateDir, stack = 'dev', config: overrides = [], write, verbose = false, expectNoChanges = false, schemaCache = null } = options;
  if (!COMMANDS.includes(command)) {
    throw new EngineError(`unknown command '${command}'; use one of ${COMMANDS.join(', ')}`);
  }
  const dryRun = command === 'preview';
  const renderer = new Renderer({ write, dryRun, verbose });
  let session;
  let result = { failed: true, outputs: {} };
  try {
    const program = loadProgram(programDir);
    const state = loadState(stateDir, program.name, stack);
    renderer.setRows(rowsOf(program, state, stack));
    renderer.setDefaultUrn(`urn:pulumi:${stack}::${program.name}::${STACK_TYPE}::${program.name}-${stack}`);
    write(`${HEADERS[command]} (${program.name}/${stack}):`);
    session = await Session.open(program, (entry) => renderer.log(entry), schemaCache);
    if (command === 'preview' || command === 'up') {
      const config = resolveConfig(program, stack, overrides);
      result = await new UpdateRun({ session, program, config, stack, state, renderer, dryRun }).run();
    } else if (command === 'refresh') {
      result = await new RefreshRun({ session, state, renderer }).run();
    } else {
      result = await new DestroyRun({ session, state, renderer, dryRun: false }).run();
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
  renderer.summary();
  let exitCode = result.failed ? 1 : 0;
  if (!result.failed && expectNoChanges && renderer.hasChanges()) {
    write('error: no changes were expected but changes were proposed (--expect-no-changes)');
    exitCode = 1;
  }
  return { exitCode, outputs: result.outputs ?? {}, changes: renderer.hasChanges() };
}

/** The stack outputs recorded in state: `key: value` lines (secrets masked unless showSecrets), or JSON. */
function stackOutputs({ programDir, stateDir, stack = 'dev', json = false, showSecrets = false, write }) {
  const program = loadProgram(programDir);
  const state = loadState(stateDir, program.name, stack);
  const outputs = state.resources.find((r) => r.type === STACK_TYPE)?.outputs ?? {};
  const shown = showSecrets ? values.stripSecrets(outputs) : outputs;
  if (json) {
    const masked = JSON.parse(JSON.stringify(values.sortKeys(shown), (k, v) => (values.isSecret(v) ? '[secret]' : v)));
    write(JSON.stringify(masked, null, 2));
    return;
  }
  const keys = Object.keys(shown).sort();
  const width = Math.max(0, ...keys.map((k) => k.length));
  keys.forEach((k) => write(`${`${k}:`.padEnd(width + 1)} ${formatValue(shown[k])}`));
}

module.exports = { run, stackOutputs, COMMANDS };
