'use strict';
// Default providers (pulumi:providers:<pkg>::default): CheckConfig → DiffConfig → Configure from the
// stack config when the program runs, Configure alone from state for refresh and destroy.
const crypto = require('node:crypto');
const { EngineError } = require('../errors.js');
const values = require('../values.js');
const { formatValue } = require('../display/format.js');
const { interpretDiff } = require('./diff.js');

const providerType = (pkg) => `pulumi:providers:${pkg}`;
const providerUrn = (stack, project, pkg) => `urn:pulumi:${stack}::${project}::${providerType(pkg)}::default`;
const isProviderType = (type) => type.startsWith('pulumi:providers:');
/** The package of a type token; `pulumi:providers:<pkg>` belongs to <pkg>. */
const packageOf = (type) => (isProviderType(type) ? type.slice('pulumi:providers:'.length) : type.split(':')[0]);
/** The reference a resource keeps to its provider: `<provider urn>::<provider id>`. */
const providerRefOf = (entry) => `${entry.urn}::${entry.id}`;
const nameOfUrn = (urn) => urn.split('::').slice(3).join('::');

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
 * Explicit provider inputs as the SDKs send them: every non-string value JSON-encoded (secrets stay
 * secret, unknowns unknown), so a program may write `insecureSkipTlsVerify: true`.
 */
function providerInputs(inputs) {
  return values.mapValues(inputs, (v) => {
    const [plain, secret] = values.unwrapSecret(v);
    if (typeof plain === 'string' || values.containsUnknowns(plain)) {
      return v;
    }
    const text = JSON.stringify(values.stripSecrets(plain));
    return secret || values.containsSecrets(plain) ? values.secret(text) : text;
  });
}

/**
 * CheckConfig → DiffConfig (when in state) → Configure for a provider of `pkg` on `provider`.
 * Returns { entry, changed, keys, detailedDiff }.
 */
async function register(provider, pkg, { urn, name, type, news, old, dryRun }) {
  const checked = await provider.checkConfig({
    urn, name, type, olds: values.stripSecrets(old?.inputs ?? {}), news: values.stripSecrets(news),
  });
  if (checked.failures.length > 0) {
    const hint = name === 'default' ? `set the value with --config ${pkg}:<key>=<value>` : `fix the properties of provider resource '${name}'`;
    throw Object.assign(new EngineError(`${checkFailureMessage(type, name, news, checked.failures)}\n${hint}`), { urn });
  }
  // Keys the user marked secret stay secret whatever CheckConfig answered.
  const inputs = values.mapValues(checked.inputs, (v, k) => (values.isSecret(news[k]) ? values.secret(values.unwrapSecret(v)[0]) : v));
  let plan = { kind: 'same', keys: [], detailedDiff: {} };
  if (old) {
    const diff = await provider.diffConfig({ id: old.id, urn, name, type, olds: old.outputs, news: inputs, oldInputs: old.inputs });
    plan = interpretDiff(diff, old.inputs, inputs, []);
    if (plan.kind === 'replace') {
      throw Object.assign(new EngineError(`the ${pkg} provider '${name}' asks to be replaced because ${plan.replaceKeys.join(', ')} changed; replacing a provider (and every resource it manages) is not supported by the mini engine`), { urn });
    }
  }
  const id = old?.id ?? (dryRun ? values.UNKNOWN : crypto.randomUUID());
  if (!values.containsUnknowns(inputs)) {
    await provider.configure({ args: inputs, variables: configureVariables(pkg, inputs), id, urn, name, type });
  }
  return {
    provider,
    entry: { urn, custom: true, id, type, inputs, outputs: inputs },
    changed: plan.kind !== 'same',
    keys: plan.keys,
    detailedDiff: plan.detailedDiff,
  };
}

/** Registers a `pulumi:providers:<pkg>` resource of the program, on a plugin process of its own. */
async function registerExplicitProvider(session, pkg, { name, urn, type, inputs, old, dryRun }) {
  const provider = await session.provider(pkg, urn);
  const news = { ...providerInputs(inputs), version: provider.version };
  return register(provider, pkg, { urn, name, type, news, old, dryRun });
}

/**
 * Registers the default provider of `pkg` from the stack config. Returns { provider, entry, changed }:
 * `entry` is its state record, `changed` whether DiffConfig found a change.
 */
async function registerDefaultProvider(session, pkg, { config, stack, old, dryRun }) {
  const provider = await session.provider(pkg);
  const urn = providerUrn(stack, session.program.name, pkg);
  const news = { ...config.provider(pkg), version: provider.version };
  return register(provider, pkg, { urn, name: 'default', type: providerType(pkg), news, old, dryRun });
}

/**
 * Configures a provider recorded in state (refresh, destroy, deletes: no CheckConfig), each on a plugin
 * process of its own; the default provider of a package uses the session's default process.
 */
async function configureFromState(session, entry) {
  const pkg = packageOf(entry.type);
  const name = nameOfUrn(entry.urn);
  const provider = await session.provider(pkg, name === 'default' ? undefined : entry.urn);
  await provider.configure({
    args: entry.inputs, variables: configureVariables(pkg, entry.inputs), id: entry.id, urn: entry.urn, name, type: entry.type,
  });
  return provider;
}

module.exports = {
  registerDefaultProvider, registerExplicitProvider, configureFromState, providerUrn, packageOf, isProviderType, providerRefOf, checkFailureMessage,
};
