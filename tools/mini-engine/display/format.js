'use strict';
// Renders wire values for people: secrets as [secret], unknowns as [unknown], keys sorted.
const values = require('../values.js');

function formatValue(value) {
  if (values.isUnknown(value)) {
    return '[unknown]';
  }
  if (values.isSecret(value)) {
    return '[secret]';
  }
  if (values.isResourceRef(value)) {
    return `[resource ${value.urn}]`;
  }
  if (Array.isArray(value)) {
    return `[${value.map(formatValue).join(', ')}]`;
  }
  if (values.isObject(value)) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}: ${formatValue(value[k])}`).join(', ')}}`;
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  return String(value);
}

/** Splits a property path (`a.b[0]["c.d"]`) into keys (strings) and indexes (numbers). */
function splitPath(path) {
  const keys = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  let m;
  while ((m = re.exec(path)) !== null) {
    keys.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3].replace(/\\(.)/g, '$1')));
  }
  return keys;
}

/** The canonical path text of keys: `a.b`, `[0]`, and `["any key"]` for keys outside [A-Za-z0-9_]. */
function formatPath(keys) {
  return keys.map((k, i) => {
    if (typeof k === 'number') {
      return `[${k}]`;
    }
    if (/^[A-Za-z0-9_]+$/.test(k)) {
      return i === 0 ? k : `.${k}`;
    }
    return `[${JSON.stringify(k)}]`;
  }).join('');
}

/** The value at a property path; a secret along the way makes the result secret. */
function valueAt(object, path) {
  let current = object;
  let secret = false;
  for (const key of splitPath(path)) {
    if (values.isSecret(current)) {
      secret = true;
      current = current.value;
    }
    if (current === null || current === undefined || typeof current !== 'object' || values.isUnknown(current)) {
      return values.isUnknown(current) ? current : undefined;
    }
    current = current[key];
  }
  return secret && current !== undefined ? values.secret(current) : current;
}

module.exports = { formatValue, valueAt, splitPath, formatPath };
