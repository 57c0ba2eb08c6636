'use strict';
// Reads a Pulumi package schema and answers the questions every generator asks: which resources,
// functions and types exist, what a token's module and member are, which properties are required,
// secret, defaulted or replace on change. Knows no language.
const fs = require('node:fs');

const PULUMI_REFS = new Set(['pulumi.json#/Any', 'pulumi.json#/Json', 'pulumi.json#/Asset', 'pulumi.json#/Archive']);

/** Loads schema.json and checks the parts the generators rely on, naming what is wrong. */
function loadSchema(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the schema ${file}: ${e.message}`);
  }
  let schema;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not JSON: ${e.message}`);
  }
  return parseSchema(schema, file);
}

function parseSchema(schema, file = 'schema') {
  for (const key of ['name', 'version']) {
    if (typeof schema[key] !== 'string' || schema[key] === '') {
      throw new Error(`${file} has no "${key}": the SDK's package name and version come from it`);
    }
  }
  const pkg = schema.name;
  const tokens = [
    ...Object.keys(schema.resources || {}),
    ...Object.keys(schema.functions || {}),
    ...Object.keys(schema.types || {}),
  ];
  for (const token of tokens) {
    const { module } = splitToken(token);
    if (!token.startsWith(`${pkg}:`)) {
      throw new Error(`${file}: token '${token}' is not in package '${pkg}'`);
    }
    if (module !== 'index') {
      throw new Error(`${file}: token '${token}' is in module '${module}'; tools/sdkgen generates the 'index' module only. ` +
        'Put the member in kfp:index, or teach tools/sdkgen/lib/nodejs about submodules.');
    }
  }
  return {
    raw: schema,
    name: pkg,
    version: schema.version,
    description: schema.description || '',
    displayName: schema.displayName || pkg,
    keywords: schema.keywords || [],
    license: schema.license,
    homepage: schema.homepage,
    repository: schema.repository,
    pluginDownloadURL: schema.pluginDownloadURL,
    nodejs: (schema.language && schema.language.nodejs) || {},
    config: toProps((schema.config && schema.config.variables) || {}, []),
    provider: resourceOf(`pulumi:providers:${pkg}`, schema.provider || {}),
    resources: sortedEntries(schema.resources).map(([token, r]) => resourceOf(token, r)),
    functions: sortedEntries(schema.functions).map(([token, f]) => functionOf(token, f)),
    types: sortedEntries(schema.types).map(([token, t]) => typeOf(token, t)),
  };
}

function sortedEntries(obj) {
  return Object.entries(obj || {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `kfp:index:Pipeline` → {pkg: 'kfp', module: 'index', member: 'Pipeline'}. */
function splitToken(token) {
  const parts = token.split(':');
  if (parts.length !== 3) {
    throw new Error(`'${token}' is not a token of the form package:module:Member`);
  }
  const [pkg, mod, member] = parts;
  return { pkg, module: mod.split('/')[0], member };
}

/** A property list in schema order, each with name, schema, required, secret, default. */
function toProps(properties, required) {
  const req = new Set(required || []);
  return Object.entries(properties || {}).map(([name, p]) => ({
    name,
    schema: p,
    description: p.description || '',
    required: req.has(name),
    secret: p.secret === true,
    default: p.default,
    defaultEnv: p.defaultInfo && p.defaultInfo.environment,
    replaceOnChanges: p.replaceOnChanges === true,
    deprecationMessage: p.deprecationMessage,
  }));
}

function resourceOf(token, r) {
  const member = token.startsWith('pulumi:providers:') ? 'Provider' : splitToken(token).member;
  const inputs = toProps(r.inputProperties, r.requiredInputs);
  const outputs = toProps(r.properties, r.required);
  const inputNames = new Set(inputs.map((p) => p.name));
  return {
    token,
    member,
    description: r.description || '',
    deprecationMessage: r.deprecationMessage,
    inputs,
    outputs,
    outputOnly: outputs.filter((p) => !inputNames.has(p.name)),
    stateInputs: r.stateInputs ? toProps(r.stateInputs.properties, []) : undefined,
    aliases: (r.aliases || []).map((a) => a.type).filter(Boolean),
    secretOutputs: outputs.filter((p) => p.secret).map((p) => p.name),
    replaceOnChanges: outputs.filter((p) => p.replaceOnChanges).map((p) => p.name),
  };
}

function functionOf(token, f) {
  const member = splitToken(token).member;
  const inputs = f.inputs ? toProps(f.inputs.properties, f.inputs.required) : [];
  let outputs = [];
  let returnRef;
  if (f.outputs && f.outputs.properties) {
    outputs = toProps(f.outputs.properties, f.outputs.required);
  } else if (f.outputs) {
    returnRef = f.outputs;
  }
  return { token, member, description: f.description || '', deprecationMessage: f.deprecationMessage, inputs, outputs, returnRef };
}

function typeOf(token, t) {
  const member = splitToken(token).member;
  if (Array.isArray(t.enum)) {
    return {
      token,
      member,
      kind: 'enum',
      description: t.description || '',
      underlying: t.type,
      values: t.enum.map((e) => ({ name: e.name, value: e.value, description: e.description || '' })),
    };
  }
  return { token, member, kind: 'object', description: t.description || '', properties: toProps(t.properties, t.required) };
}

/** The token a `#/types/...` reference names, or undefined for a builtin or pulumi.json reference. */
function refToken(ref) {
  if (typeof ref !== 'string') return undefined;
  if (PULUMI_REFS.has(ref)) return undefined;
  const i = ref.indexOf('#/types/');
  if (i < 0) {
    throw new Error(`reference '${ref}' is neither a local type (#/types/...) nor a pulumi.json builtin`);
  }
  if (i > 0) {
    throw new Error(`reference '${ref}' points at another package's schema; tools/sdkgen does not support external types`);
  }
  return decodeURIComponent(ref.slice('#/types/'.length));
}

function camelCase(s) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function pascalCase(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

module.exports = { loadSchema, parseSchema, splitToken, refToken, camelCase, pascalCase, PULUMI_REFS };
