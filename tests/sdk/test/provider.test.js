'use strict';
// The explicit Provider resource and the package's config getters.
const test = require('node:test');
const assert = require('node:assert/strict');
const pulumi = require('@pulumi/pulumi');
const { schema, sdkDir, sdkPackage, sample, sampleInputs, unwrap, installMocks, captureOptions } = require('./helpers');

const log = installMocks();
const kfp = require(sdkDir);

test('Provider registers as pulumi:providers:<package> with every input; non-strings JSON-encoded, secrets secret', async () => {
  const args = sampleInputs(schema.provider);
  const capture = captureOptions();
  const p = new kfp.Provider('explicit', args, { transformations: capture.transformations });
  await p.urn.promise();
  const reg = log.resources.find((r) => r.name === 'explicit');
  assert.equal(reg.type, `pulumi:providers:${schema.name}`);
  const secrets = [];
  const sent = unwrap(reg.inputs, secrets);
  const expected = Object.fromEntries(Object.entries(schema.provider.inputProperties)
    .map(([k, prop]) => [k, prop.type === 'string' ? args[k] : JSON.stringify(args[k])]));
  assert.deepEqual(sent, expected);
  assert.deepEqual(secrets.sort(), Object.entries(schema.provider.inputProperties).filter(([, prop]) => prop.secret).map(([k]) => k).sort());
  assert.equal(capture.seen.opts.version, sdkPackage.version);
  assert.equal(kfp.Provider.isInstance(p), true);
  assert.equal(kfp.Provider.isInstance(new kfp.Experiment('not-a-provider')), false);
});

test('a resource created with an explicit provider is registered with it', async () => {
  const p = new kfp.Provider('team-a', { host: 'https://kubeflow.example.com/pipeline', namespace: 'team-a' });
  const e = new kfp.Experiment('with-provider', {}, { provider: p });
  await e.urn.promise();
  const reg = log.resources.find((r) => r.name === 'with-provider');
  assert.match(reg.provider, /pulumi:providers:kfp::team-a::team-a-id$/);
});

test('config exports one getter per config variable, read at access time', () => {
  const vars = schema.config.variables;
  assert.deepEqual(Object.keys(kfp.config).sort(), Object.keys(vars).sort());
  for (const [k, v] of Object.entries(vars)) {
    assert.equal(kfp.config[k], undefined, `kfp.config.${k} is unset`);
    const value = sample(v, k);
    pulumi.runtime.setConfig(`${schema.name}:${k}`, typeof value === 'string' ? value : JSON.stringify(value));
    assert.deepEqual(kfp.config[k], value, `kfp.config.${k} after setConfig`);
  }
});
