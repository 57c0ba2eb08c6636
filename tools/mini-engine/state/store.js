'use strict';
// The stack checkpoint: a JSON file like the pulumi file backend's
// (<state>/.pulumi/stacks/<project>/<stack>.json), resources in dependency order, secrets sealed.
const fs = require('node:fs');
const path = require('node:path');
const { EngineError } = require('../errors.js');
const values = require('../values.js');
const { SecretsCrypter } = require('./secrets.js');

const RESOURCE_KEYS = ['urn', 'custom', 'delete', 'id', 'type', 'inputs', 'outputs', 'provider', 'dependencies', 'protect', 'initErrors'];

function statePath(stateDir, project, stack) {
  return path.join(path.resolve(stateDir), '.pulumi', 'stacks', project, `${stack}.json`);
}

/** Loads the stack's state: { file, serial, resources, crypter } (an empty state when there is no file). */
function loadState(stateDir, project, stack) {
  const file = statePath(stateDir, project, stack);
  if (!fs.existsSync(file)) {
    return { file, stack, serial: 0, resources: [], crypter: SecretsCrypter.create() };
  }
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new EngineError(`${file} is not valid JSON (${e.message}); restore it from a backup or remove it to start over`);
  }
  const latest = doc?.checkpoint?.latest ?? {};
  const crypter = SecretsCrypter.create(latest.secrets_providers?.state?.salt);
  const resources = (latest.resources ?? []).map((r) => ({
    ...r,
    inputs: crypter.open(r.inputs ?? {}, `${file} (${r.urn})`),
    outputs: crypter.open(r.outputs ?? {}, `${file} (${r.urn})`),
  }));
  return { file, stack, serial: latest.manifest?.serial ?? 0, resources, crypter };
}

function serialiseResource(r, crypter) {
  const out = {};
  for (const key of RESOURCE_KEYS) {
    if (r[key] === undefined || (key === 'delete' && !r.delete) || (key === 'protect' && !r.protect) ||
        (key === 'initErrors' && !(r.initErrors?.length))) {
      continue;
    }
    out[key] = key === 'inputs' || key === 'outputs' ? crypter.seal(values.sortKeys(r[key] ?? {})) : r[key];
  }
  return out;
}

/** Writes the state atomically. */
function saveState(state, resources, serial) {
  const doc = {
    version: 3,
    checkpoint: {
      stack: state.stack,
      latest: {
        manifest: { magic: '', version: 'kfp-mini-engine', serial },
        secrets_providers: { type: 'passphrase', state: { salt: state.crypter.salt } },
        resources: resources.map((r) => serialiseResource(r, state.crypter)),
      },
    },
  };
  fs.mkdirSync(path.dirname(state.file), { recursive: true });
  const temp = `${state.file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, `${JSON.stringify(doc, null, 2)}\n`);
  fs.renameSync(temp, state.file);
}

module.exports = { loadState, saveState, statePath };
