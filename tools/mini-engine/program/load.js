'use strict';
// Reads a Pulumi YAML project (Pulumi.yaml) into a checked, ordered description of the program.
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const { EngineError } = require('../errors.js');
const { parseExpression, references } = require('./expressions.js');

const SUPPORTED_OPTIONS = ['additionalSecretOutputs', 'customTimeouts', 'deleteBeforeReplace', 'dependsOn', 'ignoreChanges', 'protect', 'provider', 'replaceOnChanges'];
const RESERVED_ROOTS = ['pulumi'];

function readProjectFile(dir) {
  for (const file of ['Pulumi.yaml', 'Pulumi.yml']) {
    const full = path.join(dir, file);
    if (fs.existsSync(full)) {
      try {
        return { file: full, doc: yaml.load(fs.readFileSync(full, 'utf8')) ?? {} };
      } catch (e) {
        throw new EngineError(`${full} is not valid YAML: ${e.message}`);
      }
    }
  }
  throw new EngineError(`no Pulumi.yaml in ${dir}; pass --program with the folder that holds the project file`);
}

function checkMap(value, where) {
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new EngineError(`${where} must be a map`);
  }
  return value;
}

function loadPlugins(doc, dir, file) {
  const providers = doc.plugins?.providers ?? [];
  if (!Array.isArray(providers)) {
    throw new EngineError(`${file}: plugins.providers must be a list of { name, path, version? }`);
  }
  return providers.map((p, i) => {
    if (!p || typeof p.name !== 'string' || typeof p.path !== 'string') {
      throw new EngineError(`${file}: plugins.providers[${i}] needs a 'name' (package) and a 'path' (folder holding pulumi-resource-<name>)`);
    }
    return { name: p.name, path: path.resolve(dir, p.path), version: p.version === undefined ? undefined : String(p.version) };
  });
}

function dependsOnNames(value, where) {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, i) => {
    const node = typeof item === 'string' ? parseExpression(item, `${where}[${i}]`) : null;
    if (!node || node.kind !== 'access' || node.path.length > 0) {
      throw new EngineError(`${where}[${i}]: dependsOn entries must be resource references like \${otherResource}`);
    }
    return node.root;
  });
}

function loadOptions(raw, where) {
  const options = checkMap(raw, where);
  for (const key of Object.keys(options)) {
    if (!SUPPORTED_OPTIONS.includes(key)) {
      throw new EngineError(`${where}.${key}: the mini engine does not support this resource option (supported: ${SUPPORTED_OPTIONS.join(', ')}); remove it or run the program with the pulumi CLI`);
    }
  }
  const stringList = (key) => {
    const v = options[key] ?? [];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
      throw new EngineError(`${where}.${key} must be a list of property names`);
    }
    return v;
  };
  const bool = (key) => {
    const v = options[key];
    if (v !== undefined && typeof v !== 'boolean') {
      throw new EngineError(`${where}.${key} must be true or false`);
    }
    return v;
  };
  return {
    provider: options.provider === undefined ? undefined : dependsOnNames(options.provider, `${where}.provider`)[0],
    dependsOn: options.dependsOn === undefined ? [] : dependsOnNames(options.dependsOn, `${where}.dependsOn`),
    deleteBeforeReplace: bool('deleteBeforeReplace'),
    protect: bool('protect') ?? false,
    ignoreChanges: stringList('ignoreChanges'),
    replaceOnChanges: stringList('replaceOnChanges'),
    additionalSecretOutputs: stringList('additionalSecretOutputs'),
    customTimeouts: checkMap(options.customTimeouts, `${where}.customTimeouts`),
  };
}

function loadResource(name, raw, file) {
  const where = `${file}: resources.${name}`;
  if (!raw || typeof raw !== 'object' || typeof raw.type !== 'string') {
    throw new EngineError(`${where} needs a 'type', e.g. kfp:index:Experiment`);
  }
  if (raw.get !== undefined) {
    throw new EngineError(`${where}.get: resource getters are not supported by the mini engine`);
  }
  const properties = checkMap(raw.properties, `${where}.properties`);
  return {
    name,
    typeText: raw.type,
    properties: Object.keys(properties).map((k) => [k, parseExpression(properties[k], `resources.${name}.properties.${k}`)]),
    options: loadOptions(raw.options, `${where}.options`),
  };
}

/** Loads and checks the program in `dir`; no provider is involved yet. */
function loadProgram(dir) {
  const absolute = path.resolve(dir);
  const { file, doc } = readProjectFile(absolute);
  if (typeof doc.name !== 'string' || doc.name === '') {
    throw new EngineError(`${file}: the project needs a 'name'`);
  }
  const runtime = typeof doc.runtime === 'object' && doc.runtime !== null ? doc.runtime.name : doc.runtime;
  if (runtime !== 'yaml') {
    throw new EngineError(`${file}: runtime is '${runtime}'; the mini engine runs only 'runtime: yaml' programs`);
  }
  if (doc.configuration !== undefined && doc.config === undefined) {
    doc.config = doc.configuration;
  }
  const resourcesRaw = checkMap(doc.resources, `${file}: resources`);
  const variablesRaw = checkMap(doc.variables, `${file}: variables`);
  const outputsRaw = checkMap(doc.outputs, `${file}: outputs`);
  const program = {
    dir: absolute,
    file,
    name: doc.name,
    description: doc.description ?? '',
    plugins: loadPlugins(doc, absolute, file),
    config: checkMap(doc.config, `${file}: config`),
    resources: Object.keys(resourcesRaw).map((name) => loadResource(name, resourcesRaw[name], file)),
    variables: Object.keys(variablesRaw).map((name) => ({ name, node: parseExpression(variablesRaw[name], `variables.${name}`) })),
    outputs: Object.keys(outputsRaw).map((name) => ({ name, node: parseExpression(outputsRaw[name], `outputs.${name}`) })),
  };
  return program;
}

/**
 * Config keys, variables and resources share one namespace, and every reference must resolve.
 * `configNames` are the names the resolved config offers (bare project keys and namespaced keys).
 */
function checkNames(program, configNames) {
  const owner = new Map();
  const claim = (name, what) => {
    if (owner.has(name)) {
      throw new EngineError(`${program.file}: '${name}' is declared as both ${owner.get(name)} and ${what}; config keys, variables and resources share one namespace, rename one`);
    }
    owner.set(name, what);
  };
  RESERVED_ROOTS.forEach((n) => owner.set(n, 'a built-in variable'));
  configNames.forEach((key) => claim(key, 'a config key'));
  program.variables.forEach((v) => claim(v.name, 'a variable'));
  program.resources.forEach((r) => claim(r.name, 'a resource'));
  const check = (node, where) => {
    for (const root of references(node)) {
      if (!owner.has(root) && !root.includes(':')) {
        throw new EngineError(`${program.file}: ${where} refers to '${root}', which is not a resource, variable or config key of this program`);
      }
    }
  };
  program.resources.forEach((r) => {
    r.properties.forEach(([k, node]) => check(node, `resources.${r.name}.properties.${k}`));
    r.options.dependsOn.forEach((d) => {
      if (owner.get(d) !== 'a resource') {
        throw new EngineError(`${program.file}: resources.${r.name}.options.dependsOn names '${d}', which is not a resource of this program`);
      }
    });
  });
  program.variables.forEach((v) => check(v.node, `variables.${v.name}`));
  program.outputs.forEach((o) => check(o.node, `outputs.${o.name}`));
}

module.exports = { loadProgram, checkNames };
