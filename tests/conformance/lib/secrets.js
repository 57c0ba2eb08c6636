'use strict';
// Looking for a secret's text outside secret wrappers in wire values.
const { isSecret, isObject } = require('../../../tools/mini-engine/values.js');

/** Paths (a.b[0]) of strings containing `needle` that are not inside a secret wrapper. */
function plainOccurrences(value, needle, path = '$') {
  if (isSecret(value)) {
    return [];
  }
  if (typeof value === 'string') {
    return value.includes(needle) ? [path] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => plainOccurrences(v, needle, `${path}[${i}]`));
  }
  if (isObject(value)) {
    return Object.entries(value).flatMap(([k, v]) => plainOccurrences(v, needle, `${path}.${k}`));
  }
  return [];
}

module.exports = { plainOccurrences };
