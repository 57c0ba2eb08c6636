'use strict';
// `import TYPE NAME ID`: adopts an object that exists in the cluster into the stack, as `pulumi import`
// does: the provider reads it by ID alone (Read without properties), the inputs it reports are checked,
// and the resource is recorded; the YAML to add to the program is printed so the next `up` keeps it.
const yaml = require('js-yaml');
const { EngineError } = require('../errors.js');
const values = require('../values.js');
const { saveState } = require('../state/store.js');
const { registerDefaultProvider, checkFailureMessage, packageOf, providerRefOf } = require('./providers.js');
const { urnOf, STACK_TYPE } = require('./update.js');

/** The program text for the imported resource: its inputs as properties (secrets as fn::secret). */
function programText(name, token, inputs) {
  const plain = (v) => {
    if (values.isSecret(v)) {
      return { 'fn::secret': plain(v.value) };
    }
    if (Array.isArray(v)) {
      return v.map(plain);
    }
    if (values.isObject(v)) {
      return values.mapValues(v, plain);
    }
    return v;
  };
  const properties = Object.fromEntries(Object.keys(inputs).filter((k) => !k.startsWith('__')).sort().map((k) => [k, plain(inputs[k])]));
  const doc = { [name]: { type: token, ...(Object.keys(properties).length > 0 ? { properties } : {}) } };
  return yaml.dump(doc, { lineWidth: 120, noRefs: true }).trimEnd().split('\n').map((l) => `  ${l}`);
}

async function importResource({ session, program, config, stack, state, renderer, type, name, id }) {
  if (!type || !name || !id) {
    throw new EngineError('import needs a type, a name and an ID, e.g. import kfp:index:Experiment nightly 6f1c...');
  }
  const pkg = packageOf(type);
  const schema = await session.schema(pkg);
  const token = schema.resolveResource(type, name);
  const urn = urnOf(stack, program.name, token, name);
  if (state.resources.some((r) => r.urn === urn)) {
    throw new EngineError(`the stack already has ${token} '${name}'; pick another name, or remove it from the program and run up first`);
  }
  const oldProvider = state.resources.find((r) => r.type === `pulumi:providers:${pkg}` && r.urn.endsWith('::default'));
  const { provider, entry: providerEntry } = await registerDefaultProvider(session, pkg, { config, stack, old: oldProvider, dryRun: false });
  renderer.begin({ op: 'import', type: token, name, urn });
  const read = await provider.read({ id, urn, name, type: token });
  if (!read.id) {
    throw Object.assign(new EngineError(`${token} '${id}' does not exist (the provider's Read found nothing); check the ID and the kfp:host and kfp:namespace config`), { urn });
  }
  const inputs = read.inputs ?? {};
  const checked = await provider.check({ urn, name, type: token, olds: {}, news: inputs });
  if (checked.failures.length > 0) {
    throw Object.assign(new EngineError(`${checkFailureMessage(token, name, inputs, checked.failures)}\nthe imported object's inputs do not pass Check; this is a bug in the provider's Read`), { urn });
  }
  const entry = {
    urn, custom: true, id: read.id, type: token, inputs: checked.inputs, outputs: read.properties ?? {},
    provider: providerRefOf(providerEntry), dependencies: [],
  };
  const stackUrn = urnOf(stack, program.name, STACK_TYPE, `${program.name}-${stack}`);
  const stackEntry = state.resources.find((r) => r.type === STACK_TYPE) ?? { urn: stackUrn, custom: false, type: STACK_TYPE, outputs: {} };
  const others = state.resources.filter((r) => r !== stackEntry && r !== oldProvider);
  saveState(state, [stackEntry, providerEntry, ...others, entry], state.serial + 1);
  renderer.step({ op: 'import', type: token, name, urn, id: read.id });
  return { failed: false, outputs: stackEntry.outputs, code: programText(name, token, inputs), programFile: program.file };
}

module.exports = { importResource };
