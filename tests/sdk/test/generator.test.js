'use strict';
// The generator on fixtures/schema.json, a made-up package with what kfp's schema does not use yet (enums,
// stateInputs, environment defaults, secret defaults, aliases, nested and recursive object types, a
// non-object function result, config defaults, a required provider input, a member named like index.ts).
// build.js generated and compiled it with tsc --strict; here it runs against the mock engine.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const pulumi = require('@pulumi/pulumi');
const { buildDir, unwrap, captureOptions } = require('./helpers');

const log = { resources: [], calls: [] };
pulumi.runtime.setMocks({
  newResource(args) {
    log.resources.push(args);
    return { id: args.id || `${args.name}-id`, state: { ...args.inputs, serial: 'S-1' } };
  },
  call(args) {
    log.calls.push(args);
    if (args.token === 'demo:index:listColors') return { colors: ['red', 'light-blue'] };
    return { part: { label: args.inputs.label, color: 'red' } };
  },
}, 'generator-test', 'dev', false);
process.env.DEMO_REGION = 'eu-north';
process.env.DEMO_RETRIES = '4';
const demo = require(path.join(buildDir, 'demo', 'bin'));

const registered = (name) => log.resources.find((r) => r.name === name);

test('enums are exported as const objects of their values', () => {
  assert.deepEqual({ ...demo.Color }, { Red: 'red', LightBlue: 'light-blue' });
  assert.deepEqual({ ...demo.Size }, { Small: 1, Large: 10 });
  assert.deepEqual({ ...demo.types.enums.Color }, { ...demo.Color });
});

test('defaults, environment defaults and secret defaults fill omitted inputs; aliases and the download URL reach the options', async () => {
  const capture = captureOptions();
  const w = new demo.Widget('w', { color: demo.Color.LightBlue, parts: [{ label: 'a', children: [{ label: 'b' }] }] }, { transformations: capture.transformations });
  assert.deepEqual(await w.password.promise(), 'changeme');
  assert.equal(await pulumi.isSecret(w.password), true);
  const secrets = [];
  assert.deepEqual(unwrap(registered('w').inputs, secrets), {
    color: 'light-blue', enabled: true, password: 'changeme', region: 'eu-north',
    parts: [{ label: 'a', children: [{ label: 'b' }] }],
  });
  assert.deepEqual(secrets, ['password']);
  assert.equal(await w.serial.promise(), 'S-1');
  assert.deepEqual(capture.seen.opts.aliases, [{ type: 'demo:index:OldWidget' }]);
  assert.deepEqual(capture.seen.opts.additionalSecretOutputs, ['password']);
  assert.deepEqual(capture.seen.opts.replaceOnChanges, ['color']);
  assert.equal(capture.seen.opts.version, '2.3.4');
  assert.equal(capture.seen.opts.pluginDownloadURL, 'https://example.com/plugins');
});

test('with stateInputs, get passes the state to the lookup', async () => {
  const w = demo.Widget.get('looked-up', 'w-42', { color: 'red', serial: 'S-9' });
  assert.equal(await w.id.promise(), 'w-42');
  assert.deepEqual(registered('looked-up').inputs, { color: 'red', serial: 'S-9' });
});

test('a member named Index is written to index_.ts and still exported as Index', async () => {
  const i = new demo.Index('i', { value: 'v' });
  assert.equal(await i.value.promise(), 'v');
  assert.equal(registered('i').type, 'demo:index:Index');
});

test('the provider checks its required input and JSON-encodes numbers', async () => {
  assert.throws(() => new demo.Provider('p0', {}), { message: "Missing required property 'endpoint'" });
  const p = new demo.Provider('p1', { endpoint: 'https://x', apiKey: 'k' });
  await p.urn.promise();
  const secrets = [];
  assert.deepEqual(unwrap(registered('p1').inputs, secrets), { endpoint: 'https://x', apiKey: 'k', retries: '4' });
  assert.deepEqual(secrets, ['apiKey']);
});

test('config getters apply schema defaults and environment defaults', () => {
  assert.equal(demo.config.endpoint, 'https://demo.example.com');
  assert.equal(demo.config.retries, 4);
  assert.equal(demo.config.debug, undefined);
  pulumi.runtime.setConfig('demo:debug', 'true');
  assert.equal(demo.config.debug, true);
});

test('a function with a non-object result returns the value; optional arguments may be omitted', async () => {
  assert.deepEqual(await demo.listColors(), ['red', 'light-blue']);
  assert.deepEqual(await demo.listColorsOutput({ prefix: pulumi.output('r') }).promise(), ['red', 'light-blue']);
  assert.deepEqual(log.calls[log.calls.length - 1].inputs, { prefix: 'r' });
  const part = await demo.getPart({ label: 'wheel' });
  assert.deepEqual(part.part, { label: 'wheel', color: 'red' });
});
