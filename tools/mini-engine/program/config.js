'use strict';
// Stack configuration: the project's `config` block (declarations with defaults, namespaced values),
// the optional stack file Pulumi.<stack>.yaml, and --config/--secret overrides, with the project
// namespace rules: `key` and `<project>:key` are project config, `kfp:host` is config of the kfp provider.
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const { EngineError } = require('../errors.js');
const values = require('../values.js');

const DECLARATION_KEYS = new Set(['type', 'default', 'secret', 'description', 'value', 'items']);

function fullKey(project, key) {
  return key.includes(':') ? key : `${project}:${key}`;
}

function isDeclaration(value) {
  return values.isObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => DECLARATION_KEYS.has(k));
}

function coerce(key, type, value) {
  if (typeof value !== 'string' || !type) {
    return value;
  }
  const t = String(type).toLowerCase();
  const fail = (what) => {
    throw new EngineError(`config ${key}: '${value}' is not ${what}; set it with --config ${key}=<${what}>`);
  };
  if (t === 'integer' || t === 'number' || t === 'int') {
    const n = Number(value);
    return Number.isFinite(n) && (t === 'number' || Number.isInteger(n)) ? n : fail(`a ${t}`);
  }
  if (t === 'boolean' || t === 'bool') {
    return value === 'true' ? true : value === 'false' ? false : fail('true or false');
  }
  if (t.startsWith('list') || t === 'array' || t === 'object') {
    try {
      return JSON.parse(value);
    } catch {
      return fail('JSON');
    }
  }
  return value;
}

function readStackFile(dir, stack) {
  const file = path.join(dir, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file)) {
    return {};
  }
  const doc = yaml.load(fs.readFileSync(file, 'utf8')) ?? {};
  const config = doc.config ?? {};
  for (const [key, value] of Object.entries(config)) {
    if (values.isObject(value) && 'secure' in value) {
      throw new EngineError(`${file}: ${key} is encrypted by the pulumi CLI, which the mini engine cannot decrypt; pass it with --secret ${key}=<value> instead`);
    }
  }
  return config;
}

/**
 * Resolves the stack config. `overrides` is a list of { key, value, secret } from the command line.
 * Returns { names, lookup(name), provider(pkg) } where values are wire values (secrets wrapped).
 */
function resolveConfig(program, stack, overrides = []) {
  const project = program.name;
  const declared = new Map(); // full key -> declaration
  const entries = new Map(); // full key -> { value, secret }
  for (const [rawKey, raw] of Object.entries(program.config)) {
    const key = fullKey(project, rawKey);
    if (key.startsWith(`${project}:`) && isDeclaration(raw)) {
      declared.set(key, raw);
      if (raw.value !== undefined || raw.default !== undefined) {
        entries.set(key, { value: raw.value ?? raw.default, secret: raw.secret === true });
      }
    } else {
      const value = isDeclaration(raw) ? raw.value ?? raw.default : raw;
      entries.set(key, { value, secret: isDeclaration(raw) && raw.secret === true });
    }
  }
  for (const [rawKey, value] of Object.entries(readStackFile(program.dir, stack))) {
    const key = fullKey(project, rawKey);
    entries.set(key, { value, secret: declared.get(key)?.secret === true });
  }
  for (const o of overrides) {
    const key = fullKey(project, o.key);
    entries.set(key, { value: coerce(key, declared.get(key)?.type, o.value), secret: o.secret || declared.get(key)?.secret === true });
  }
  for (const [key, decl] of declared) {
    if (!entries.has(key)) {
      const bare = key.slice(project.length + 1);
      throw new EngineError(`missing required configuration value '${key}'${decl.description ? ` (${decl.description})` : ''}; set it with --config ${bare}=<value>${decl.secret ? ' (or --secret)' : ''}, or give it a default in Pulumi.yaml`);
    }
  }
  const wire = (entry) => (entry.secret ? values.secret(entry.value) : entry.value);
  const names = new Map();
  for (const [key, entry] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    names.set(key, wire(entry));
    if (key.startsWith(`${project}:`)) {
      names.set(key.slice(project.length + 1), wire(entry));
    }
  }
  return {
    names,
    /** Provider config for `pkg` as the engine sends it: every value a string (JSON text for others). */
    provider(pkg) {
      const out = {};
      for (const [key, entry] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
        if (key.startsWith(`${pkg}:`)) {
          const text = typeof entry.value === 'string' ? entry.value : JSON.stringify(entry.value);
          out[key.slice(pkg.length + 1)] = entry.secret ? values.secret(text) : text;
        }
      }
      return out;
    },
  };
}

/** Parses `key=value` from the command line. */
function parseAssignment(text, secret) {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    throw new EngineError(`--${secret ? 'secret' : 'config'} ${text}: expected key=value, e.g. --config kfp:namespace=team-a`);
  }
  return { key: text.slice(0, eq), value: text.slice(eq + 1), secret };
}

module.exports = { resolveConfig, parseAssignment };
