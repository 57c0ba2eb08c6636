'use strict';
// Parses Pulumi YAML expression values into a small tree: literals, `${...}` interpolations and
// substitutions (property access only), lists, objects and `fn::` calls.
const { EngineError } = require('../errors.js');

const FUNCTIONS = ['fn::invoke', 'fn::join', 'fn::readFile', 'fn::secret', 'fn::toBase64', 'fn::toJSON'];

/** Parses `root.a["b"][0]` into { root, path }. */
function parseAccess(text, where) {
  let i = 0;
  const fail = (what) => {
    throw new EngineError(`${where}: cannot parse \${${text}}: ${what}; write \${resource.property}, \${resource.id} or \${configKey}`);
  };
  const readQuoted = () => {
    let out = '';
    i += 1; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\' && i + 1 < text.length) {
        i += 1;
      }
      out += text[i];
      i += 1;
    }
    if (text[i] !== '"') {
      fail('unterminated string');
    }
    i += 1;
    return out;
  };
  const readBracket = () => {
    i += 1; // [
    let key;
    if (text[i] === '"') {
      key = readQuoted();
    } else {
      const start = i;
      while (i < text.length && /[0-9]/.test(text[i])) {
        i += 1;
      }
      if (start === i) {
        fail('expected a number or a quoted key inside [ ]');
      }
      key = Number(text.slice(start, i));
    }
    if (text[i] !== ']') {
      fail('expected ]');
    }
    i += 1;
    return key;
  };
  let root;
  if (text.startsWith('["')) {
    root = readBracket();
  } else {
    const start = i;
    while (i < text.length && /[A-Za-z0-9_:\-]/.test(text[i])) {
      i += 1;
    }
    root = text.slice(start, i);
  }
  if (typeof root !== 'string' || root === '') {
    fail('expected a name');
  }
  const path = [];
  while (i < text.length) {
    if (text[i] === '.') {
      i += 1;
      const start = i;
      while (i < text.length && /[A-Za-z0-9_\-$]/.test(text[i])) {
        i += 1;
      }
      if (start === i) {
        fail('expected a property name after .');
      }
      path.push(text.slice(start, i));
    } else if (text[i] === '[') {
      path.push(readBracket());
    } else {
      fail(`unexpected '${text[i]}'`);
    }
  }
  return { kind: 'access', root, path, text };
}

/** Splits a string into literal text and `${...}` accesses; `$$` escapes a dollar. */
function parseString(value, where) {
  const parts = [];
  let literal = '';
  let i = 0;
  while (i < value.length) {
    if (value.startsWith('$$', i)) {
      literal += '$';
      i += 2;
    } else if (value.startsWith('${', i)) {
      const end = value.indexOf('}', i + 2);
      if (end < 0) {
        throw new EngineError(`${where}: unterminated \${ in "${value}"; close it with }`);
      }
      if (literal) {
        parts.push(literal);
        literal = '';
      }
      parts.push(parseAccess(value.slice(i + 2, end).trim(), where));
      i = end + 1;
    } else {
      literal += value[i];
      i += 1;
    }
  }
  if (literal) {
    parts.push(literal);
  }
  if (parts.length === 1 && typeof parts[0] !== 'string') {
    return parts[0];
  }
  if (parts.every((p) => typeof p === 'string')) {
    return { kind: 'literal', value: parts.join('') };
  }
  return { kind: 'interpolate', parts };
}

/** Parses any YAML value in an expression position. */
function parseExpression(value, where) {
  if (typeof value === 'string') {
    return parseString(value, where);
  }
  if (Array.isArray(value)) {
    return { kind: 'list', items: value.map((v, i) => parseExpression(v, `${where}[${i}]`)) };
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const fnKeys = keys.filter((k) => k.toLowerCase().startsWith('fn::'));
    if (fnKeys.length > 0) {
      if (keys.length !== 1) {
        throw new EngineError(`${where}: a ${fnKeys[0]} call must be the only key of its object (found ${keys.join(', ')})`);
      }
      return parseCall(fnKeys[0], value[fnKeys[0]], where);
    }
    return { kind: 'object', entries: keys.map((k) => [k, parseExpression(value[k], `${where}.${k}`)]) };
  }
  return { kind: 'literal', value: value === undefined ? null : value };
}

function parseCall(key, arg, where) {
  const fn = FUNCTIONS.find((f) => f.toLowerCase() === key.toLowerCase());
  if (!fn) {
    throw new EngineError(`${where}: ${key} is not supported by the mini engine; it supports ${FUNCTIONS.join(', ')}`);
  }
  const at = `${where}.${fn}`;
  if (fn === 'fn::invoke') {
    if (arg === null || typeof arg !== 'object' || typeof arg.function !== 'string') {
      throw new EngineError(`${at}: needs a 'function' token and 'arguments', e.g. { function: kfp:index:compilePipeline, arguments: {...} }`);
    }
    if (arg.return !== undefined && typeof arg.return !== 'string') {
      throw new EngineError(`${at}.return: must be the name of one result field`);
    }
    return {
      kind: 'call',
      fn,
      function: arg.function,
      arguments: parseExpression(arg.arguments ?? {}, `${at}.arguments`),
      return: arg.return,
      where: at,
    };
  }
  return { kind: 'call', fn, arg: parseExpression(arg, at), where: at };
}

/** The root names an expression refers to (config keys, variables, resources). */
function references(node, out = new Set()) {
  switch (node.kind) {
    case 'access':
      out.add(node.root);
      break;
    case 'interpolate':
      node.parts.filter((p) => typeof p !== 'string').forEach((p) => references(p, out));
      break;
    case 'list':
      node.items.forEach((n) => references(n, out));
      break;
    case 'object':
      node.entries.forEach(([, n]) => references(n, out));
      break;
    case 'call':
      references(node.fn === 'fn::invoke' ? node.arguments : node.arg, out);
      break;
    default:
      break;
  }
  return out;
}

/** Every `${...}` access inside an expression. */
function accesses(node, out = []) {
  switch (node.kind) {
    case 'access':
      out.push(node);
      break;
    case 'interpolate':
      node.parts.filter((p) => typeof p !== 'string').forEach((p) => out.push(p));
      break;
    case 'list':
      node.items.forEach((n) => accesses(n, out));
      break;
    case 'object':
      node.entries.forEach(([, n]) => accesses(n, out));
      break;
    case 'call':
      accesses(node.fn === 'fn::invoke' ? node.arguments : node.arg, out);
      break;
    default:
      break;
  }
  return out;
}

/** Every fn::invoke call inside an expression. */
function invokes(node, out = []) {
  switch (node.kind) {
    case 'interpolate':
      break;
    case 'list':
      node.items.forEach((n) => invokes(n, out));
      break;
    case 'object':
      node.entries.forEach(([, n]) => invokes(n, out));
      break;
    case 'call':
      if (node.fn === 'fn::invoke') {
        out.push(node);
        invokes(node.arguments, out);
      } else {
        invokes(node.arg, out);
      }
      break;
    default:
      break;
  }
  return out;
}

module.exports = { parseExpression, parseAccess, references, accesses, invokes, FUNCTIONS };
