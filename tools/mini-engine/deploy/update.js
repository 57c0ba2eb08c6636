'use strict';
// `preview` and `up`: runs the program's resources in dependency order through the provider exactly
// as the engine does and records the new state as steps complete.
const crypto = require('node:crypto');
const { EngineError } = require('../errors.js');
const values = require('../values.js');
const { evaluate } = require('../program/evaluate.js');
const { saveState } = require('../state/store.js');
const { prepareProgram } = require('./prepare.js');
const { registerDefaultProvider, registerExplicitProvider, configureFromState, checkFailureMessage, isProviderType, providerRefOf } = require('./providers.js');
const { Selection } = require('./selection.js');
const { interpretDiff } = require('./diff.js');
const { seconds } = require('./timeouts.js');

const STACK_TYPE = 'pulumi:pulumi:Stack';

const urnOf = (stack, project, type, name) => `urn:pulumi:${stack}::${project}::${type}::${name}`;
const nameOfUrn = (urn) => urn.split('::').slice(3).join('::');

function seedFor(stack, urn, serial) {
  return new Uint8Array(crypto.createHash('sha256').update(`${stack}\0${urn}\0${serial}`).digest());
}

function dropNulls(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined));
}

/** ignoreChanges (top-level keys): the old input values stand in for the new ones. */
function applyIgnoreChanges(news, oldInputs, ignore) {
  const out = { ...news };
  for (const key of ignore) {
    if (key in oldInputs) {
      out[key] = oldInputs[key];
    } else {
      delete out[key];
    }
  }
  return out;
}

function markSecretOutputs(outputs, keys) {
  const out = { ...outputs };
  keys.filter((k) => k in out).forEach((k) => { out[k] = values.secret(values.unwrapSecret(out[k])[0]); });
  return out;
}

class UpdateRun {
  /**
   * `targets` and `replaces` are lists of resource names or URNs (--target, --replace); `persist` false
   * keeps the state file as it is (preview).
   */
  constructor({ session, program, config, stack, state, renderer, dryRun, targets = [], replaces = [] }) {
    Object.assign(this, { session, program, config, stack, state, renderer, dryRun });
    this.targets = new Selection(targets, '--target');
    this.replaces = new Selection(replaces, '--replace');
    this.serial = state.serial + 1;
    this.project = program.name;
    this.done = []; // new state entries of program resources, in completion order
    this.touched = new Set(); // old state entries handled (kept, replaced or deleted)
    this.pendingDeletes = []; // old entries replaced create-before-delete
    this.live = new Map(); // resource name → { urn, id, outputs, pending }
    this.vars = new Map();
    this.providers = new Map(); // pkg → { provider, entry } of the default providers
    this.byRef = new Map(); // provider reference (urn::id) → provider process, default and explicit
    this.failed = false;
  }

  get oldResources() {
    return this.state.resources.filter((r) => r.custom && !r.delete);
  }

  /** The state to write now: finished steps plus everything not handled yet. */
  snapshot() {
    const stackEntry = this.stackEntry ?? this.state.resources.find((r) => r.type === STACK_TYPE);
    const providerEntries = [...this.providers.values()].map((p) => p.entry);
    const providerUrns = new Set(providerEntries.map((e) => e.urn));
    const rest = this.state.resources.filter((r) => r.type !== STACK_TYPE && !this.touched.has(r) && !providerUrns.has(r.urn) &&
      !(r.type.startsWith('pulumi:providers:') && r.delete));
    const pending = this.pendingDeletes.map((r) => ({ ...r, delete: true }));
    const all = [stackEntry, ...providerEntries, ...this.done, ...rest, ...pending].filter(Boolean);
    const used = new Set(all.map((r) => r.provider?.split('::').slice(0, -1).join('::')).filter(Boolean));
    const declared = new Set(this.done.map((r) => r.urn));
    return all.filter((r) => !isProviderType(r.type) || used.has(r.urn) || declared.has(r.urn));
  }

  save() {
    if (!this.dryRun) {
      saveState(this.state, this.snapshot(), this.failed ? this.state.serial : this.serial);
    }
  }

  scope() {
    return {
      dir: this.program.dir,
      dryRun: this.dryRun,
      lookup: (root) => {
        if (this.live.has(root)) {
          return { kind: 'resource', resource: this.live.get(root) };
        }
        if (this.vars.has(root)) {
          return { kind: 'value', value: this.vars.get(root) };
        }
        if (root === 'pulumi') {
          return { kind: 'value', value: { stack: this.stack, project: this.project, cwd: this.program.dir, organization: 'organization' } };
        }
        if (this.config.names.has(root)) {
          return { kind: 'value', value: this.config.names.get(root) };
        }
        throw new EngineError(`'${root}' is not a resource, variable or config key of this program`);
      },
      invoke: (call, args) => this.invoke(call, args),
    };
  }

  async invoke(call, args) {
    const { pkg, token } = this.prepared.functions.get(call);
    const { provider } = this.providers.get(pkg) ?? await this.defaultProvider(pkg);
    const result = await provider.invoke({ tok: token, args, preview: this.dryRun });
    if (result.failures.length > 0) {
      throw new EngineError(result.failures.map((f) => `${call.where}: ${token}: ${f.property ? `argument ${f.property} has a problem: ` : ''}${f.reason}`).join('\n'));
    }
    return result.return;
  }

  async run() {
    this.prepared = await prepareProgram(this.session, this.program, this.config);
    this.renderer.setRows([...this.prepared.resources.values()].map((r) => ({ type: r.token, name: r.decl.name })));
    this.targets.check(this.knownNames());
    this.replaces.check(this.knownNames());
    for (const pkg of this.prepared.defaultPackages) {
      await this.defaultProvider(pkg);
    }
    this.stepStack();
    const scope = this.scope();
    try {
      for (const node of this.prepared.ordered) {
        if (node.kind === 'variable') {
          const variable = this.program.variables.find((v) => v.name === node.name);
          this.vars.set(node.name, await evaluate(variable.node, scope, `variables.${node.name}`));
        } else {
          await this.stepResource(node, scope);
        }
      }
      this.stackOutputs = {};
      for (const output of this.program.outputs) {
        try {
          this.stackOutputs[output.name] = await evaluate(output.node, scope, `outputs.${output.name}`);
        } catch (e) {
          // With --target, an output may refer to a resource this run skipped: it keeps its old value.
          if (this.targets.all || !(e instanceof EngineError) || !this.skipped?.size) {
            throw e;
          }
          const previous = this.state.resources.find((r) => r.type === STACK_TYPE)?.outputs ?? {};
          if (output.name in previous) {
            this.stackOutputs[output.name] = previous[output.name];
          }
        }
      }
      this.stackEntry = { ...this.stackEntry, outputs: this.stackOutputs };
      await this.deletePhase();
    } catch (e) {
      this.failed = true;
      this.renderer.error(e.message, e.urn ?? this.currentUrn ?? '');
    }
    this.save();
    return { failed: this.failed, outputs: this.stackOutputs, previousOutputs: this.stackEntry?.previousOutputs ?? {} };
  }

  /** Names and URNs --target and --replace may use: the program's resources and those in state. */
  knownNames() {
    const names = new Set();
    this.program.resources.forEach((r) => names.add(r.name));
    this.state.resources.filter((r) => r.custom).forEach((r) => { names.add(r.urn); names.add(nameOfUrn(r.urn)); });
    this.prepared.resources.forEach((r, name) => names.add(urnOf(this.stack, this.project, r.token, name)));
    return names;
  }

  /** The default provider of `pkg`, registered from the stack config on first use. */
  async defaultProvider(pkg) {
    if (!this.providers.has(pkg)) {
      const old = this.state.resources.find((r) => r.type === `pulumi:providers:${pkg}` && nameOfUrn(r.urn) === 'default' && !r.delete);
      const registered = await registerDefaultProvider(this.session, pkg, { config: this.config, stack: this.stack, old, dryRun: this.dryRun });
      this.providers.set(pkg, registered);
      this.byRef.set(providerRefOf(registered.entry), registered.provider);
    }
    return this.providers.get(pkg);
  }

  stepStack() {
    const type = STACK_TYPE;
    const name = `${this.project}-${this.stack}`;
    const urn = urnOf(this.stack, this.project, type, name);
    const old = this.state.resources.find((r) => r.type === STACK_TYPE);
    this.stackEntry = { urn, custom: false, type, outputs: old?.outputs ?? {}, previousOutputs: old?.outputs ?? {} };
    this.renderer.step({ op: old ? 'same' : 'create', type, name, urn });
  }

  resourceDeps(node) {
    const out = new Set();
    const visit = (name) => {
      const n = this.prepared.ordered.find((o) => o.name === name);
      n.deps.forEach((d) => {
        if (this.prepared.resources.has(d)) {
          out.add(d);
        } else {
          visit(d);
        }
      });
    };
    visit(node.name);
    return [...out].filter((d) => this.live.has(d)).map((d) => this.live.get(d).urn);
  }

  /**
   * A resource --target leaves out: its old state stays as it is (and its outputs feed dependents);
   * one not created yet stays uncreated, and a targeted resource that needs it fails with what to do.
   */
  skipResource(node, urn, token, old) {
    this.skipped ??= new Set();
    this.skipped.add(node.name);
    if (old) {
      this.touched.add(old);
      this.done.push(old);
      this.live.set(node.name, { urn, id: old.id, outputs: old.outputs });
      this.renderer.step({ op: 'same', type: token, name: node.name, urn });
    }
  }

  checkTargetDeps(node) {
    const missing = node.deps.filter((d) => this.skipped?.has(d) && !this.live.has(d));
    if (missing.length > 0) {
      throw new EngineError(`resource '${node.name}' depends on ${missing.map((m) => `'${m}'`).join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not created yet and not targeted; add ${missing.map((m) => `--target ${m}`).join(' ')}`);
    }
  }

  async stepResource(node, scope) {
    const { decl, token, pkg, schema } = this.prepared.resources.get(node.name);
    const name = decl.name;
    const urn = urnOf(this.stack, this.project, token, name);
    const old = this.oldResources.find((r) => r.urn === urn);
    if (!this.targets.includes(name, urn)) {
      this.skipResource(node, urn, token, old);
      return;
    }
    this.checkTargetDeps(node);
    this.currentUrn = urn;
    const options = decl.options;
    const inputs = {};
    for (const [key, expr] of decl.properties) {
      inputs[key] = await evaluate(expr, scope, `resources.${name}.properties.${key}`);
    }
    if (isProviderType(token)) {
      await this.stepProvider({ name, urn, token, pkg, inputs, old, node });
      return;
    }
    const { provider, entry: providerEntry } = await this.providerOf(decl, pkg);
    const news = old ? applyIgnoreChanges(dropNulls(inputs), old.inputs, options.ignoreChanges) : dropNulls(inputs);
    const base = {
      urn, name, type: token, provider, options,
      secretKeys: [...new Set([...options.additionalSecretOutputs, ...schema.secretOutputs(token)])],
      entry: {
        urn, custom: true, type: token, provider: `${providerEntry.urn}::${providerEntry.id}`,
        dependencies: this.resourceDeps(node), protect: options.protect || undefined,
      },
      seed: seedFor(this.stack, urn, this.serial),
      timeouts: {
        create: seconds(options.customTimeouts.create, `resources.${name}.options.customTimeouts.create`),
        update: seconds(options.customTimeouts.update, `resources.${name}.options.customTimeouts.update`),
        delete: seconds(options.customTimeouts.delete, `resources.${name}.options.customTimeouts.delete`),
      },
    };
    const checked = await this.check(base, old ? old.inputs : {}, news);
    if (!old) {
      await this.create(base, checked, 'create');
      return;
    }
    const diff = await provider.diff({
      id: old.id, urn, name, type: token, olds: old.outputs, news: checked, oldInputs: old.inputs, ignoreChanges: options.ignoreChanges,
    });
    let plan = interpretDiff(diff, old.inputs, checked, [...options.replaceOnChanges, ...schema.replaceOnChanges(token)]);
    if (this.replaces.includes(name, urn) && plan.kind !== 'replace') {
      plan = { ...plan, kind: 'replace', keys: plan.keys, replaceKeys: ['--replace'] };
    }
    if (plan.kind === 'same' && !(old.initErrors?.length > 0)) {
      this.touched.add(old);
      this.done.push({ ...base.entry, id: old.id, inputs: checked, outputs: old.outputs });
      this.live.set(name, { urn, id: old.id, outputs: old.outputs });
      this.renderer.step({ op: 'same', type: token, name, urn });
      return;
    }
    const shown = { id: old.id, diff: { detailedDiff: plan.detailedDiff, olds: { ...old.outputs, ...old.inputs }, news: checked } };
    if (plan.kind === 'replace') {
      // Unprotecting and replacing in one update is allowed: both the old and the new flag must be set to refuse.
      if (options.protect && old.protect) {
        throw new EngineError(`unable to replace ${token} resource '${name}' (${plan.replaceKeys.join(', ')}${plan.replaceKeys.includes('--replace') ? ' asked' : ' changed'}): it is marked for protection; remove protect from its options (or set it to false) and run up`);
      }
      const deleteFirst = options.deleteBeforeReplace ?? plan.deleteBeforeReplace;
      if (deleteFirst && !this.dryRun) {
        await this.deleteResource(old);
      }
      const fresh = await this.check(base, {}, news);
      const replaced = () => {
        if (!deleteFirst && !this.dryRun) {
          this.touched.add(old);
          this.pendingDeletes.push(old);
        }
      };
      try {
        await this.create(base, fresh, deleteFirst ? 'replace-dbr' : 'replace', { keys: plan.keys, ...shown });
      } catch (e) {
        if (e.initFailed) {
          replaced();
        }
        throw e;
      }
      replaced();
      return;
    }
    await this.update(base, old, checked, { keys: plan.keys, ...shown });
  }

  /** The provider a resource uses: the one its `provider` option names, or the default one of its package. */
  async providerOf(decl, pkg) {
    if (decl.options.provider) {
      const target = this.live.get(decl.options.provider);
      const provider = target && this.byRef.get(`${target.urn}::${target.id}`);
      if (!provider) {
        throw new EngineError(`resources.${decl.name}.options.provider: '${decl.options.provider}' is not a provider resource of this program; declare it with type pulumi:providers:${pkg}`);
      }
      const entry = this.done.find((r) => r.urn === target.urn);
      if (entry.type !== `pulumi:providers:${pkg}`) {
        throw new EngineError(`resources.${decl.name}.options.provider: '${decl.options.provider}' is a ${entry.type} but the resource belongs to package ${pkg}`);
      }
      return { provider, entry };
    }
    return this.defaultProvider(pkg);
  }

  /** An explicit provider resource: CheckConfig, DiffConfig and Configure on a plugin process of its own. */
  async stepProvider({ name, urn, token, pkg, inputs, old }) {
    const registered = await registerExplicitProvider(this.session, pkg, { name, urn, type: token, inputs: dropNulls(inputs), old, dryRun: this.dryRun });
    const { entry } = registered;
    if (old) {
      this.touched.add(old);
    }
    this.done.push(entry);
    this.byRef.set(providerRefOf(entry), registered.provider);
    this.live.set(name, { urn, id: entry.id, outputs: entry.outputs, pending: !old });
    if (!old) {
      this.renderer.step({ op: 'create', type: token, name, urn, properties: entry.inputs });
    } else if (registered.changed) {
      this.renderer.step({ op: 'update', type: token, name, urn, id: entry.id, keys: registered.keys, diff: { detailedDiff: registered.detailedDiff, olds: old.inputs, news: entry.inputs } });
    } else {
      this.renderer.step({ op: 'same', type: token, name, urn });
    }
  }

  async check(base, olds, news) {
    const result = await base.provider.check({ urn: base.urn, name: base.name, type: base.type, olds, news, randomSeed: base.seed });
    if (result.failures.length > 0) {
      throw new EngineError(`${checkFailureMessage(base.type, base.name, news, result.failures)}\nfix the property in ${this.program.file}`);
    }
    return result.inputs;
  }

  async create(base, inputs, op, detail = {}) {
    const { urn, name, type } = base;
    let created;
    this.renderer.begin({ op, type, name, urn });
    try {
      created = await base.provider.create({ urn, name, type, properties: inputs, preview: this.dryRun, timeout: base.timeouts.create });
    } catch (e) {
      this.keepPartial(base, inputs, e);
      throw e;
    }
    if (!this.dryRun && !created.id) {
      throw new EngineError(`the provider did not return an ID from Create for ${type} '${name}'; this is a bug in the provider`);
    }
    if (!this.dryRun && values.containsUnknowns(created.properties)) {
      throw new EngineError(`the provider returned unknown values from Create for ${type} '${name}' outside preview; this is a bug in the provider`);
    }
    const outputs = markSecretOutputs(created.properties, base.secretKeys);
    const id = created.id || values.UNKNOWN;
    this.done.push({ ...base.entry, id, inputs, outputs });
    this.live.set(name, { urn, id, outputs, pending: true });
    this.renderer.step({ op, type, name, urn, id: detail.id, keys: detail.keys, diff: detail.diff, properties: op === 'create' ? outputs : null });
  }

  async update(base, old, inputs, detail) {
    const { urn, name, type } = base;
    let updated;
    this.renderer.begin({ op: 'update', type, name, urn });
    try {
      updated = await base.provider.update({
        id: old.id, urn, name, type, olds: old.outputs, news: inputs, oldInputs: old.inputs,
        ignoreChanges: base.options.ignoreChanges, preview: this.dryRun, timeout: base.timeouts.update,
      });
    } catch (e) {
      if (this.keepPartial(base, inputs, e, old.id)) {
        this.touched.add(old);
      }
      throw e;
    }
    this.touched.add(old);
    const outputs = markSecretOutputs(updated.properties, base.secretKeys);
    this.done.push({ ...base.entry, id: old.id, inputs, outputs });
    this.live.set(name, { urn, id: old.id, outputs, pending: true });
    this.renderer.step({ op: 'update', type, name, urn, id: old.id, keys: detail.keys, diff: detail.diff });
  }

  /** ErrorResourceInitFailed: the object exists but is unhealthy; it stays in state with its reasons. */
  keepPartial(base, inputs, error, oldId) {
    const partial = error.initFailed;
    if (!partial || this.dryRun) {
      return false;
    }
    this.done.push({
      ...base.entry,
      id: partial.id || oldId,
      inputs,
      outputs: markSecretOutputs(partial.properties, base.secretKeys),
      initErrors: partial.reasons,
    });
    // The provider's message often is its one reason: each text is printed once.
    const reasons = partial.reasons.filter((r) => !error.message.includes(r));
    error.message = `${error.message}${reasons.length > 0 ? `\n${reasons.map((r) => `  - ${r}`).join('\n')}` : ''}\nthe resource was created but is not healthy: it is kept in the state and the next 'up' will try to finish it`;
    return true;
  }

  /** The provider an old resource was managed by: registered in this run, or configured from state. */
  async providerForOld(entry) {
    if (this.byRef.has(entry.provider)) {
      return this.byRef.get(entry.provider);
    }
    const ref = entry.provider?.split('::').slice(0, -1).join('::');
    const providerEntry = this.state.resources.find((r) => r.urn === ref);
    if (!providerEntry) {
      throw new EngineError(`the state has no provider for ${entry.urn}; the state file is damaged`);
    }
    const provider = await configureFromState(this.session, providerEntry);
    this.byRef.set(entry.provider, provider);
    return provider;
  }

  async deleteResource(old) {
    const provider = await this.providerForOld(old);
    this.currentUrn = old.urn;
    this.renderer.begin({ op: 'delete', type: old.type, name: nameOfUrn(old.urn), urn: old.urn });
    await provider.delete({
      id: old.id, urn: old.urn, name: nameOfUrn(old.urn), type: old.type, properties: old.outputs, oldInputs: old.inputs,
    });
    this.touched.add(old);
  }

  /** Replaced (create-before-delete) and removed resources, dependents first (reverse state order). */
  async deletePhase() {
    const programUrns = new Set(this.done.map((r) => r.urn));
    const order = this.state.resources.map((r) => r.urn);
    const doomed = [
      ...this.pendingDeletes.map((r) => ({ entry: r, op: null })),
      ...this.state.resources.filter((r) => r.custom && !isProviderType(r.type) && (r.delete || !programUrns.has(r.urn)) &&
        !this.pendingDeletes.includes(r) && (r.delete || this.targets.includes(nameOfUrn(r.urn), r.urn)))
        .map((r) => ({ entry: r, op: 'delete' })),
    ].sort((a, b) => order.indexOf(b.entry.urn) - order.indexOf(a.entry.urn));
    for (const { entry, op } of doomed) {
      if (op && entry.protect) {
        throw Object.assign(new EngineError(`unable to delete ${entry.type} resource '${nameOfUrn(entry.urn)}': it is marked for protection; put it back in the program with protect: false, run up, then remove it`), { urn: entry.urn });
      }
      if (!this.dryRun) {
        await this.deleteResource(entry);
        this.pendingDeletes = this.pendingDeletes.filter((r) => r !== entry);
      }
      if (op) {
        this.touched.add(entry);
      }
      this.renderer.step({ op: op ?? 'delete-original', type: entry.type, name: nameOfUrn(entry.urn), urn: entry.urn, id: entry.id });
    }
  }
}

module.exports = { UpdateRun, urnOf, nameOfUrn, STACK_TYPE };
