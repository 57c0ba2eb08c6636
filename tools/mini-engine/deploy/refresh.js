'use strict';
// `refresh`: Read every resource with the provider configured from state. An empty ID
// removes the resource from state; changes are shown with the provider's Diff, roles swapped.
// `preview --refresh` and `up --refresh` run it first, without printing its rows.
const values = require('../values.js');
const { saveState } = require('../state/store.js');
const { isProviderType } = require('./providers.js');
const { StateProviders } = require('./state-providers.js');
const { interpretDiff } = require('./diff.js');
const { Selection } = require('./selection.js');
const { nameOfUrn, STACK_TYPE } = require('./update.js');

const SWAP = { add: 'delete', delete: 'add', 'add-replace': 'delete-replace', 'delete-replace': 'add-replace' };

function keepSecrets(next, previous) {
  return values.mapValues(next ?? {}, (v, k) => (values.isSecret(previous?.[k]) && !values.isSecret(v) ? values.secret(v) : v));
}

/** Output changes the provider's Diff does not cover (computed outputs), as update entries. */
function outputChanges(oldOutputs, newOutputs, detailed) {
  const out = { ...detailed };
  for (const key of new Set([...Object.keys(oldOutputs), ...Object.keys(newOutputs)])) {
    if (!(key in out) && !values.deepEqual(oldOutputs[key], newOutputs[key])) {
      out[key] = { kind: !(key in oldOutputs) ? 'add' : !(key in newOutputs) ? 'delete' : 'update', inputDiff: false };
    }
  }
  return out;
}

class RefreshRun {
  /**
   * `targets`: names or URNs to read (all when empty); `persist` false leaves the state file alone;
   * `fromProgram` ({ config, stack }) registers default providers from the stack config (--run-program).
   */
  constructor({ session, state, renderer, targets = [], persist = true, fromProgram = null }) {
    Object.assign(this, { session, state, renderer, persist });
    this.targets = new Selection(targets, '--target');
    this.providers = new StateProviders(session, state, fromProgram);
    this.failed = false;
  }

  providerFor(entry) {
    return this.providers.for(entry);
  }

  /** Resolves { failed, outputs, resources } (the refreshed state's resources). */
  async run() {
    const next = [];
    const pending = [...this.state.resources];
    try {
      this.targets.check(new Set(this.state.resources.flatMap((r) => [r.urn, nameOfUrn(r.urn)])));
      while (pending.length > 0) {
        const entry = pending[0];
        if (!entry.custom || isProviderType(entry.type) || !this.targets.includes(nameOfUrn(entry.urn), entry.urn)) {
          next.push(entry);
          if (entry.type === STACK_TYPE || (entry.custom && !isProviderType(entry.type))) {
            this.renderer.step({ op: 'same', type: entry.type, name: nameOfUrn(entry.urn), urn: entry.urn });
          }
        } else {
          const refreshed = await this.refresh(entry);
          if (refreshed) {
            next.push(refreshed);
          }
        }
        pending.shift();
      }
    } catch (e) {
      this.failed = true;
      this.renderer.error(e.message, pending[0]?.urn ?? '');
    }
    const resources = this.providers.withUpdates([...next, ...pending]);
    if (this.persist) {
      saveState(this.state, resources, this.state.serial + (this.failed ? 0 : 1));
    }
    const stack = this.state.resources.find((r) => r.type === STACK_TYPE);
    return { failed: this.failed, outputs: stack?.outputs ?? {}, resources };
  }

  async refresh(entry) {
    const provider = await this.providerFor(entry);
    const name = nameOfUrn(entry.urn);
    const request = { id: entry.id, urn: entry.urn, name, type: entry.type, properties: entry.outputs, inputs: entry.inputs };
    let read;
    let initErrors = [];
    this.renderer.begin({ op: 'update', type: entry.type, name, urn: entry.urn });
    try {
      read = await provider.read(request);
    } catch (e) {
      if (!e.initFailed) {
        throw e;
      }
      this.renderer.log({ severity: 'warning', message: `Refreshed resource is in an unhealthy state:\n${e.initFailed.reasons.map((r) => `* ${r}`).join('\n')}`, urn: entry.urn });
      read = { id: e.initFailed.id || entry.id, properties: e.initFailed.properties, inputs: e.initFailed.inputs };
      initErrors = e.initFailed.reasons;
    }
    if (!read.id) {
      this.renderer.step({ op: 'read-gone', type: entry.type, name, urn: entry.urn, id: entry.id });
      return null;
    }
    const outputs = keepSecrets(read.properties, entry.outputs);
    const inputs = read.inputs ? keepSecrets(read.inputs, entry.inputs) : entry.inputs;
    const refreshed = { ...entry, id: read.id, inputs, outputs, initErrors };
    if (values.deepEqual(outputs, entry.outputs) && values.deepEqual(inputs, entry.inputs)) {
      this.renderer.step({ op: 'same', type: entry.type, name, urn: entry.urn });
      return refreshed;
    }
    const diff = await provider.diff({ id: read.id, urn: entry.urn, name, type: entry.type, olds: outputs, oldInputs: inputs, news: entry.inputs });
    const plan = interpretDiff(diff, inputs, entry.inputs, []);
    const swapped = Object.fromEntries(Object.entries(plan.detailedDiff).map(([p, d]) => [p, { ...d, kind: (SWAP[d.kind] ?? d.kind).replace('-replace', '') }]));
    const detailed = outputChanges(entry.outputs, outputs, swapped);
    this.renderer.step({
      op: 'update', type: entry.type, name, urn: entry.urn, id: read.id, keys: Object.keys(detailed).sort().map((k) => `~${k}`),
      diff: { detailedDiff: detailed, olds: { ...entry.outputs, ...entry.inputs }, news: { ...outputs, ...inputs } },
    });
    return refreshed;
  }
}

module.exports = { RefreshRun };
