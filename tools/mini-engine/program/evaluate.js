'use strict';
// Evaluates parsed expressions to wire values. Unknowns propagate (preview), secrets stick to
// whatever is derived from them, `${resource}` is a resource reference.
const fs = require('node:fs');
const path = require('node:path');
const { EngineError } = require('../errors.js');
const values = require('../values.js');

/**
 * `scope.lookup(root)` → { kind: 'value', value } or { kind: 'resource', resource: { urn, id, outputs } };
 * `scope.invoke(call, args)` → the function's result; `scope.dir` is the program folder;
 * `scope.dryRun` says whether missing outputs are unknown (preview) or absent (up).
 */
async function evaluate(node, scope, where) {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'access':
      return access(node, scope, where);
    case 'interpolate':
      return interpolate(node, scope, where);
    case 'list':
      return Promise.all(node.items.map((n, i) => evaluate(n, scope, `${where}[${i}]`)));
    case 'object': {
      const out = {};
      for (const [k, n] of node.entries) {
        out[k] = await evaluate(n, scope, `${where}.${k}`);
      }
      return out;
    }
    case 'call':
      return call(node, scope, where);
    default:
      throw new Error(`unexpected expression kind ${node.kind}`);
  }
}

function walk(value, keys, where, text) {
  let current = value;
  let secret = false;
  for (const key of keys) {
    if (values.isSecret(current)) {
      secret = true;
      current = current.value;
    }
    if (values.isUnknown(current)) {
      break;
    }
    if (current === null || current === undefined) {
      throw new EngineError(`${where}: \${${text}}: cannot read '${key}' of a missing value`);
    }
    if (typeof current !== 'object') {
      throw new EngineError(`${where}: \${${text}}: cannot read '${key}' of ${JSON.stringify(current)}`);
    }
    current = current[key];
  }
  const found = current === undefined ? null : current;
  return secret && found !== null ? values.secret(found) : found;
}

function access(node, scope, where) {
  const found = scope.lookup(node.root);
  if (found.kind === 'value') {
    return walk(found.value, node.path, where, node.text);
  }
  const { resource } = found;
  if (node.path.length === 0) {
    return values.resourceRef(resource.urn, resource.id);
  }
  const [first, ...rest] = node.path;
  if (first === 'id') {
    return resource.id;
  }
  if (first === 'urn') {
    return resource.urn;
  }
  if (!(first in resource.outputs)) {
    return scope.dryRun && resource.pending ? values.UNKNOWN : null;
  }
  return walk(resource.outputs[first], rest, where, node.text);
}

async function interpolate(node, scope, where) {
  let text = '';
  let secret = false;
  for (const part of node.parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    let value = await evaluate(part, scope, where);
    if (values.isUnknown(value)) {
      return values.UNKNOWN;
    }
    if (values.isSecret(value)) {
      secret = true;
      value = value.value;
    }
    if (values.containsUnknowns(value)) {
      return values.UNKNOWN;
    }
    if (values.isResourceRef(value) || (value !== null && typeof value === 'object')) {
      throw new EngineError(`${where}: \${${part.text}} is ${Array.isArray(value) ? 'a list' : 'an object'} and cannot be interpolated into a string; use it alone ("\${${part.text}}") or pick a property`);
    }
    text += value === null || value === undefined ? '' : String(value);
  }
  return secret ? values.secret(text) : text;
}

function stringArg(value, where, what) {
  if (values.isUnknown(value)) {
    return values.UNKNOWN;
  }
  if (typeof value !== 'string') {
    throw new EngineError(`${where}: expects ${what}, got ${JSON.stringify(value)}`);
  }
  return value;
}

async function call(node, scope, where) {
  const at = node.where ?? where;
  if (node.fn === 'fn::invoke') {
    const args = await evaluate(node.arguments, scope, `${at}.arguments`);
    if (values.containsUnknowns(args)) {
      return values.UNKNOWN;
    }
    const result = await scope.invoke(node, args);
    let out = result;
    if (node.return !== undefined) {
      if (!(node.return in result)) {
        throw new EngineError(`${at}.return: ${node.function} returned no '${node.return}'; it returned ${Object.keys(result).sort().join(', ') || 'nothing'}`);
      }
      out = result[node.return];
    }
    return values.containsSecrets(args) ? values.secret(out) : out;
  }
  const arg = await evaluate(node.arg, scope, at);
  const [plain, secret] = values.unwrapSecret(arg);
  const wrap = (v) => (secret && !values.isUnknown(v) ? values.secret(v) : v);
  switch (node.fn) {
    case 'fn::secret':
      return values.isUnknown(arg) ? arg : values.secret(plain);
    case 'fn::readFile': {
      const file = stringArg(plain, at, 'a file path');
      if (values.isUnknown(file)) {
        return file;
      }
      const full = path.resolve(scope.dir, file);
      if (!fs.existsSync(full)) {
        throw new EngineError(`${at}: ${full} does not exist; paths are relative to the program folder ${scope.dir}`);
      }
      return wrap(fs.readFileSync(full, 'utf8'));
    }
    case 'fn::toJSON':
      return values.containsUnknowns(plain) ? values.UNKNOWN : wrap(JSON.stringify(values.stripSecrets(plain)));
    case 'fn::toBase64': {
      const text = stringArg(plain, at, 'a string');
      return values.isUnknown(text) ? text : wrap(Buffer.from(text, 'utf8').toString('base64'));
    }
    case 'fn::join': {
      if (!Array.isArray(plain) || plain.length !== 2 || !Array.isArray(values.unwrapSecret(plain[1])[0])) {
        throw new EngineError(`${at}: expects [separator, [items...]]`);
      }
      if (values.containsUnknowns(plain)) {
        return values.UNKNOWN;
      }
      const joined = values.unwrapSecret(plain[1])[0].map((v) => values.unwrapSecret(v)[0]).join(values.unwrapSecret(plain[0])[0]);
      return values.containsSecrets(plain) || secret ? values.secret(joined) : joined;
    }
    default:
      throw new Error(`unexpected function ${node.fn}`);
  }
}

module.exports = { evaluate };
