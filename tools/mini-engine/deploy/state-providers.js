'use strict';
// The providers of resources recorded in state (refresh, destroy): each configured from its state
// entry, as the CLI does, or, with `fromProgram` ({ config, stack }, the CLI's --run-program), a
// default provider registered from the current stack config, so a moved kfp:host is used.
const { EngineError } = require('../errors.js');
const { configureFromState, registerDefaultProvider, packageOf } = require('./providers.js');

class StateProviders {
  constructor(session, state, fromProgram = null) {
    Object.assign(this, { session, state, fromProgram });
    this.byRef = new Map(); // provider reference → configured provider (a promise)
    this.updated = new Map(); // provider urn → its new state entry (fromProgram)
  }

  /** The configured provider of a resource entry. */
  for(entry) {
    if (!this.byRef.has(entry.provider)) {
      this.byRef.set(entry.provider, this.configure(entry));
    }
    return this.byRef.get(entry.provider);
  }

  async configure(entry) {
    const ref = entry.provider?.split('::').slice(0, -1).join('::');
    const providerEntry = this.state.resources.find((r) => r.urn === ref);
    if (!providerEntry) {
      throw new EngineError(`the state has no provider for ${entry.urn}; the state file is damaged`);
    }
    if (this.fromProgram && providerEntry.urn.endsWith('::default')) {
      const registered = await registerDefaultProvider(this.session, packageOf(providerEntry.type), { ...this.fromProgram, old: providerEntry, dryRun: false });
      this.updated.set(providerEntry.urn, registered.entry);
      return registered.provider;
    }
    return configureFromState(this.session, providerEntry);
  }

  /** `resources` with the provider entries registered from the program in place of the recorded ones. */
  withUpdates(resources) {
    return resources.map((r) => this.updated.get(r.urn) ?? r);
  }
}

module.exports = { StateProviders };
