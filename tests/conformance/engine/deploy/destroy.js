'use strict';
// `destroy`: Delete every resource, dependents first, with the provider configured from state
// (notes §4.5). A failed Delete leaves that resource (and everything not yet deleted) in state.
const { EngineError } = require('../errors.js');
const { saveState } = require('../state/store.js');
const { configureFromState, packageOf } = require('./providers.js');
const { nameOfUrn, STACK_TYPE } = require('./update.js');

class DestroyRun {
  constructor({ session, state, renderer, dryRun }) {
    Object.assign(this, { session, state, renderer, dryRun });
    this.providers = new Map();
    this.failed = false;
  }

  async providerFor(entry) {
    const pkg = packageOf(entry.type);
    if (!this.providers.has(pkg)) {
      const ref = entry.provider.split('::').slice(0, -1).join('::');
      this.providers.set(pkg, await configureFromState(this.session, this.state.resources.find((r) => r.urn === ref)));
    }
    return this.providers.get(pkg);
  }

  async run() {
    const remaining = [...this.state.resources];
    const doomed = remaining.filter((r) => r.custom && !r.type.startsWith('pulumi:providers:')).reverse();
    try {
      for (const entry of doomed) {
        const name = nameOfUrn(entry.urn);
        if (entry.protect) {
          throw Object.assign(new EngineError(`${entry.type} resource '${name}' is protected; set protect: false in its options and run up before destroying`), { urn: entry.urn });
        }
        if (!this.dryRun) {
          const provider = await this.providerFor(entry);
          try {
            await provider.delete({ id: entry.id, urn: entry.urn, name, type: entry.type, properties: entry.outputs, oldInputs: entry.inputs });
          } catch (e) {
            e.urn = entry.urn;
            throw e;
          }
          remaining.splice(remaining.indexOf(entry), 1);
        }
        this.renderer.step({ op: 'delete', type: entry.type, name, urn: entry.urn });
      }
      const stack = remaining.find((r) => r.type === STACK_TYPE);
      if (stack) {
        this.renderer.step({ op: 'delete', type: stack.type, name: nameOfUrn(stack.urn), urn: stack.urn });
      }
      if (!this.dryRun) {
        remaining.length = 0;
      }
    } catch (e) {
      this.failed = true;
      this.renderer.error(e.message, e.urn ?? '');
    }
    if (!this.dryRun) {
      saveState(this.state, remaining, this.state.serial + 1);
    }
    return { failed: this.failed, outputs: {} };
  }
}

module.exports = { DestroyRun };
