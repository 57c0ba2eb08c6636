'use strict';
// `destroy`: Delete every resource (or the --target ones), dependents first, with the provider
// configured from state. A failed Delete leaves that resource (and everything not yet
// deleted) in state. Objects a resource leaves in the cluster by design are listed afterwards.
const { EngineError } = require('../errors.js');
const { saveState } = require('../state/store.js');
const { isProviderType } = require('./providers.js');
const { StateProviders } = require('./state-providers.js');
const { Selection } = require('./selection.js');
const { nameOfUrn, STACK_TYPE } = require('./update.js');

/**
 * What deleting `entry` leaves behind by its own settings, or null. A resource with a boolean
 * `deleteOnDestroy` input (kfp:index:Run) that is not true keeps its object (a run stays in KFP).
 */
function leftBehind(entry) {
  const setting = entry.inputs?.deleteOnDestroy ?? entry.outputs?.deleteOnDestroy;
  if (setting === false || (setting === undefined && 'deleteOnDestroy' in (entry.outputs ?? {}))) {
    return `${entry.id} stays in KFP (deleteOnDestroy is false); set deleteOnDestroy: true and run up before destroy to have it deleted`;
  }
  return null;
}

class DestroyRun {
  constructor({ session, state, renderer, dryRun, targets = [], fromProgram = null }) {
    Object.assign(this, { session, state, renderer, dryRun });
    this.targets = new Selection(targets, '--target');
    this.providers = new StateProviders(session, state, fromProgram);
    this.failed = false;
    this.kept = [];
  }

  providerFor(entry) {
    return this.providers.for(entry);
  }

  /** With --target, a resource that depends on a targeted one must be targeted too (as the CLI requires). */
  checkDependents(doomed) {
    const urns = new Set(doomed.map((r) => r.urn));
    for (const r of this.state.resources.filter((x) => x.custom && !urns.has(x.urn))) {
      const needs = (r.dependencies ?? []).filter((d) => urns.has(d));
      if (needs.length > 0) {
        throw new EngineError(`'${nameOfUrn(r.urn)}' depends on ${needs.map((d) => `'${nameOfUrn(d)}'`).join(', ')}, which would be destroyed; add --target ${nameOfUrn(r.urn)} too`);
      }
    }
  }

  async run() {
    const remaining = [...this.state.resources];
    const all = this.targets.all;
    const doomed = remaining.filter((r) => r.custom && !isProviderType(r.type) && this.targets.includes(nameOfUrn(r.urn), r.urn)).reverse();
    try {
      this.targets.check(new Set(remaining.flatMap((r) => [r.urn, nameOfUrn(r.urn)])));
      if (!all) {
        this.checkDependents(doomed);
      }
      for (const entry of doomed) {
        const name = nameOfUrn(entry.urn);
        if (entry.protect) {
          throw Object.assign(new EngineError(`${entry.type} resource '${name}' is protected; set protect: false in its options and run up before destroying`), { urn: entry.urn });
        }
        if (!this.dryRun) {
          const provider = await this.providerFor(entry);
          this.renderer.begin({ op: 'delete', type: entry.type, name, urn: entry.urn });
          try {
            await provider.delete({ id: entry.id, urn: entry.urn, name, type: entry.type, properties: entry.outputs, oldInputs: entry.inputs });
          } catch (e) {
            e.urn = entry.urn;
            throw e;
          }
          remaining.splice(remaining.indexOf(entry), 1);
        }
        const kept = leftBehind(entry);
        if (kept) {
          this.kept.push(`${entry.type} (${name}): ${kept}`);
        }
        this.renderer.step({ op: 'delete', type: entry.type, name, urn: entry.urn, id: entry.id });
      }
      const stack = remaining.find((r) => r.type === STACK_TYPE);
      if (stack && all) {
        this.renderer.step({ op: 'delete', type: stack.type, name: nameOfUrn(stack.urn), urn: stack.urn });
      }
      if (!this.dryRun && all) {
        remaining.length = 0;
      }
    } catch (e) {
      this.failed = true;
      this.renderer.error(e.message, e.urn ?? '');
    }
    if (!this.dryRun) {
      saveState(this.state, this.providers.withUpdates(remaining), this.state.serial + 1);
    }
    return { failed: this.failed, outputs: {}, kept: this.kept };
  }
}

module.exports = { DestroyRun, leftBehind };
