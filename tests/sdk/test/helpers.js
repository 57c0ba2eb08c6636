'use strict';
// Shared by the SDK tests: the schema, the compiled SDK (built by build.js), sample values derived from
// the schema, and a mock engine that records what the SDK sends.
const fs = require('node:fs');
const path = require('node:path');
const pulumi = require('@pulumi/pulumi');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schema.json'), 'utf8'));
const sdkPackage = JSON.parse(fs.readFileSync(path.join(repoRoot, 'sdk', 'nodejs', 'package.json'), 'utf8'));
const buildDir = path.resolve(__dirname, '..', 'build');
const sdkDir = path.join(buildDir, 'node_modules', ...sdkPackage.name.split('/'));
const SECRET_SIG = '4dabf18193072939515e22adb298388d';

if (!fs.existsSync(path.join(sdkDir, 'index.js'))) {
  throw new Error(`${sdkDir} holds no compiled SDK: run 'npm test' (it runs build.js first)`);
}

function member(token) {
  return token.split(':')[2];
}

/** A sample value for a schema type; `salt` makes output-only values differ from inputs. */
function sample(t, name, salt = 'in') {
  if (t.$ref === 'pulumi.json#/Any' || t.$ref === 'pulumi.json#/Json') return { [`${name}Key`]: 1, nested: [salt] };
  if (t.$ref) {
    const type = schema.types[t.$ref.replace('#/types/', '')];
    if (type.enum) return type.enum[0].value;
    return Object.fromEntries(Object.entries(type.properties).map(([k, p]) => [k, sample(p, k, salt)]));
  }
  switch (t.type) {
    case 'string': return `${name}-${salt}`;
    case 'integer': case 'number': return salt === 'in' ? 7 : 11;
    case 'boolean': return salt === 'in';
    case 'array': return [sample(t.items, name, salt)];
    case 'object': return { [`${name.toUpperCase()}_KEY`]: sample(t.additionalProperties || { type: 'string' }, name, salt) };
    default: throw new Error(`no sample for ${JSON.stringify(t)}`);
  }
}

/** Every input of a resource (or provider) with a sample value. */
function sampleInputs(res) {
  return Object.fromEntries(Object.entries(res.inputProperties || {}).map(([k, p]) => [k, sample(p, k)]));
}

/** Removes the runtime's secret wrappers, recording the paths that were secret. */
function unwrap(value, secrets = [], at = '') {
  if (Array.isArray(value)) return value.map((v, i) => unwrap(v, secrets, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    if (value[SECRET_SIG] === '1b47061264138c4ac30d75fd1eb44270') {
      secrets.push(at);
      return unwrap(value.value, secrets, at);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrap(v, secrets, at ? `${at}.${k}` : k)]));
  }
  return value;
}

/**
 * Installs mocks. New resources get every output-only property of their schema as a sample value;
 * inputs echo back (secrets stay wrapped, so they stay secret). Returns the log of registrations and calls.
 */
function installMocks({ preview = false, callResult } = {}) {
  const log = { resources: [], calls: [] };
  pulumi.runtime.setMocks({
    newResource(args) {
      log.resources.push(args);
      const res = schema.resources[args.type];
      const state = { ...args.inputs };
      if (res) {
        const inputs = res.inputProperties || {};
        for (const [k, p] of Object.entries(res.properties || {})) {
          if (!(k in inputs)) state[k] = sample(p, k, 'out');
        }
      }
      return { id: args.id || `${args.name}-id`, state };
    },
    call(args) {
      log.calls.push(args);
      if (callResult) return callResult(args);
      const fn = schema.functions[args.token];
      return Object.fromEntries(Object.entries(fn.outputs.properties).map(([k, p]) => [k, sample(p, k, 'out')]));
    },
  }, 'sdk-test', 'dev', preview);
  return log;
}

/** The value of an Output and whether it is secret (the runtime's own accessors). */
async function read(output) {
  return { value: await output.promise(), secret: await pulumi.isSecret(output) };
}

/** Resource options after the SDK merged its own: a transformation sees them before registration. */
function captureOptions() {
  const seen = {};
  return { seen, transformations: [(t) => { seen.opts = t.opts; return undefined; }] };
}

module.exports = { repoRoot, schema, sdkPackage, sdkDir, buildDir, member, sample, sampleInputs, unwrap, installMocks, read, captureOptions };
