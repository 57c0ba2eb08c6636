'use strict';
// Property values in their wire form (what google.protobuf.Struct#toJavaScript gives): plain JSON, plus
// secrets, resource references and assets as objects carrying the signature key, and unknowns as sentinel
// strings. The whole engine keeps values in this form.

const SIG = '4dabf18193072939515e22adb298388d';
const SECRET = '1b47061264138c4ac30d75fd1eb44270';
const RESOURCE_REF = '5cf8f73096256a8f31e491e813e4eb8e';
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const UNKNOWNS = new Set([
  UNKNOWN,
  '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7',
  '3eeb2bf0-c639-47a8-9e75-3b44932eb421',
  '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2',
  '030794c1-ac77-496b-92df-f27374a8bd58',
  'e48ece36-62e2-4504-bad9-02848725956a',
  'dd056dcd-154b-4c76-9bd3-c8f88648b5ff',
]);

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isUnknown = (v) => typeof v === 'string' && UNKNOWNS.has(v);
const isSecret = (v) => isObject(v) && v[SIG] === SECRET;
const isResourceRef = (v) => isObject(v) && v[SIG] === RESOURCE_REF;

function secret(value) {
  return isSecret(value) ? value : { [SIG]: SECRET, value };
}

function resourceRef(urn, id, packageVersion = '') {
  return { [SIG]: RESOURCE_REF, urn, id: isUnknown(id) ? '' : id, packageVersion };
}

/** Removes a top-level secret wrapper: [value, wasSecret]. */
function unwrapSecret(value) {
  return isSecret(value) ? [value.value, true] : [value, false];
}

function some(value, predicate) {
  if (predicate(value)) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some((v) => some(v, predicate));
  }
  if (isObject(value)) {
    return Object.values(value).some((v) => some(v, predicate));
  }
  return false;
}

const containsUnknowns = (value) => some(value, isUnknown);
const containsSecrets = (value) => some(value, isSecret);

/** Removes every secret wrapper, deeply (what the engine sends to CheckConfig). */
function stripSecrets(value) {
  if (isSecret(value)) {
    return stripSecrets(value.value);
  }
  if (Array.isArray(value)) {
    return value.map(stripSecrets);
  }
  if (isObject(value)) {
    return mapValues(value, stripSecrets);
  }
  return value;
}

function mapValues(object, fn) {
  const out = {};
  for (const key of Object.keys(object)) {
    out[key] = fn(object[key], key);
  }
  return out;
}

/** Deep equality of wire values; a secret equals a secret of an equal value only. */
function deepEqual(a, b) {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined).sort();
    const kb = Object.keys(b).filter((k) => b[k] !== undefined).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual(a[k], b[k]));
  }
  return false;
}

/** A copy with object keys sorted at every level (for deterministic JSON). */
function sortKeys(value) {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (isObject(value)) {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = sortKeys(value[key]);
    }
    return out;
  }
  return value;
}

module.exports = {
  SIG,
  SECRET,
  RESOURCE_REF,
  UNKNOWN,
  isObject,
  isUnknown,
  isSecret,
  isResourceRef,
  secret,
  resourceRef,
  unwrapSecret,
  containsUnknowns,
  containsSecrets,
  stripSecrets,
  mapValues,
  deepEqual,
  sortKeys,
};
