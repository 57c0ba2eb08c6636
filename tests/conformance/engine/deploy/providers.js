'use strict';
// Default providers (pulumi:providers:<pkg>::default): CheckConfig → DiffConfig → Configure from the
// stack config when the program runs, Configure alone from state for refresh and destroy (notes §1.3, §4.8).
const crypto = require('node:crypto');
const { EngineError } = require('../errors.js');
const values = require('../values.js');
const { formatValue } = require('../display/format.js');
const { interpretDiff } = require('./diff.js');

const providerType = (pkg) => `pulumi:providers:${pkg}`;
const providerUrn = (stack, project, pkg) => `urn:pulumi:${stack}::${project}::${providerType(pkg)}::default`;
const packageOf = (type) => type.split(':')[0];

/** Deprecated `variables` map of ConfigureRequest: `<pkg>:config:<key>`, plain strings. */
function configureVariables(pkg, inputs) {
  const out = {};
  for (const key of Object.keys(inputs).sort()) {
    if (key === 'version' || key.startsWith('__')) {
      continue;
    }
    const plain = values.stripSecrets(inputs[key]);
    out[`${pkg}:config:${key}`] = typeof plain === 'string' ? plain : JSON.stringify(plain);
  }
  return out;
}

function checkFailureMessage(type, name, inputs, failures) {
  return failures.map((f) => (f.property
    ? `${type} resource '${name}': property ${f.property} value {${formatValue(inputs[f.property])}} has a problem: ${f.reason}`
    : `${type} resource '${name}' has a problem: ${f.reason}`)).join('\n');
}

/**
 * Registers the default provider of `pkg` from the stack config. Returns { provider, entry, changed }:
 * `entry` is its state record, `changed` whether DiffConfig found a change.
 */
async function registerDefaultProvider(session, pkg, { config, stack, old, dryRun }) {
  const provider = await session.provider(pkg);
  const type = providerType(pkg);
  const urn = providerUrn(stack, session.program.name, pkg);
  const news = { ...config.provider(pkg), version: provider.version };
  const checked = await provider.checkConfig({
    urn, name: 'default', type, olds: values.stripSecrets(old?.inputs ?? {}), news: values.stripSecrets(news),
  });
  if (checked.failures.length > 0) {
    throw new EngineError(`${checkFailureMessage(type, 'default', news, checked.failures)}\nset the value with --config ${pkg}:<key>=<value>`);
  }
  // Keys the user marked secret stay secret whatever CheckConfig answered.
  const inputs = values.mapValues(checked.inputs, (v, k) => (values.isSecret(news[k]) ? values.secret(values.unwrapSecret(v)[0]) : v));
  let changed = false;
  if (old) {
    const diff = await provider.diffConfig({ id: old.id, urn, name: 'default', type, olds: old.outputs, news: inputs, oldInputs: old.inputs });
    const plan = interpretDiff(diff, old.inputs, inputs, []);
    if (plan.kind === 'replace') {
      throw new EngineError(`the ${pkg} provider asks to be replaced because ${plan.replaceKeys.join(', ')} changed; replacing a provider (and every resource it manages) is not supported by the mini engine`);
    }
    changed = plan.kind !== 'same';
  }
  const id = old?.id ?? (dryRun ? values.UNKNOWN : crypto.randomUUID());
  await provider.configure({ args: inputs, variables: configureVariables(pkg, inputs), id, urn, name: 'default', type });
  return { provider, entry: { urn, custom: true, id, type, inputs, outputs: inputs }, changed };
}

/** Configures the provider recorded in state (refresh, destroy: no CheckConfig, notes §1.3). */
async function configureFromState(session, entry) {
  const pkg = entry.type.slice('pulumi:providers:'.length);
  const provider = await session.provider(pkg);
  await provider.configure({
    args: entry.inputs, variables: configureVariables(pkg, entry.inputs), id: entry.id, urn: entry.urn, name: 'default', type: entry.type,
  });
  return provider;
}

module.exports = { registerDefaultProvider, configureFromState, providerUrn, packageOf, checkFailureMessage };
