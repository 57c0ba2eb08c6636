'use strict';
// Every resource in schema.json, created through the generated SDK against Pulumi's mock engine: the
// type token, the inputs sent, every schema property as an Output, secrets, the options the SDK adds
// (plugin version, additionalSecretOutputs, replaceOnChanges), required inputs, defaults, get, isInstance.
const test = require('node:test');
const assert = require('node:assert/strict');
const pulumi = require('@pulumi/pulumi');
const { schema, sdkDir, sdkPackage, member, sample, sampleInputs, unwrap, installMocks, read, captureOptions } = require('./helpers');

const log = installMocks();
const kfp = require(sdkDir);

function lastRegistration(name) {
  const found = log.resources.filter((r) => r.name === name);
  assert.ok(found.length > 0, `no resource named ${name} was registered`);
  return found[found.length - 1];
}

for (const [token, res] of Object.entries(schema.resources)) {
  const R = member(token);
  const inputs = res.inputProperties || {};
  const props = res.properties || {};
  const secretProps = Object.keys(props).filter((k) => props[k].secret).sort();
  const replaceProps = Object.keys(props).filter((k) => props[k].replaceOnChanges).sort();

  test.describe(R, () => {
    test('is exported by the package as a resource class', () => {
      assert.equal(typeof kfp[R], 'function', `the SDK exports no class ${R}`);
      assert.ok(kfp[R].prototype instanceof pulumi.CustomResource);
    });

    test('sends every input under its type token and exposes every schema property as an Output', async () => {
      const args = sampleInputs(res);
      const capture = captureOptions();
      const r = new kfp[R](`all-${R}`, args, { transformations: capture.transformations });
      await r.urn.promise();
      const reg = lastRegistration(`all-${R}`);
      assert.equal(reg.type, token);
      const secretInputs = [];
      assert.deepEqual(unwrap(reg.inputs, secretInputs), args);
      assert.deepEqual(secretInputs.sort(), Object.keys(inputs).filter((k) => inputs[k].secret).sort(),
        'the inputs the schema marks secret (and only those) are sent as secrets');
      for (const [k, p] of Object.entries(props)) {
        assert.ok(pulumi.Output.isInstance(r[k]), `${R}.${k} is in the schema but is not an Output on the class`);
        const { value, secret } = await read(r[k]);
        assert.deepEqual(value, k in inputs ? args[k] : sample(p, k, 'out'), `${R}.${k}`);
        if (inputs[k] && inputs[k].secret) assert.equal(secret, true, `${R}.${k} is a secret input and must stay secret`);
      }
      assert.equal(await r.id.promise(), `all-${R}-id`);
      const opts = capture.seen.opts;
      assert.equal(opts.version, sdkPackage.version, 'the SDK asks the engine for its own plugin version');
      assert.deepEqual([...(opts.additionalSecretOutputs || [])].sort(), secretProps);
      assert.deepEqual([...(opts.replaceOnChanges || [])].sort(), replaceProps);
    });

    test('applies the schema defaults to omitted inputs', async () => {
      const required = Object.fromEntries((res.requiredInputs || []).map((k) => [k, sample(inputs[k], k)]));
      const r = new kfp[R](`min-${R}`, required);
      await r.urn.promise();
      const sent = unwrap(lastRegistration(`min-${R}`).inputs);
      const defaults = Object.fromEntries(Object.entries(inputs).filter(([, p]) => p.default !== undefined).map(([k, p]) => [k, p.default]));
      assert.deepEqual(sent, { ...required, ...defaults });
    });

    for (const k of res.requiredInputs || []) {
      test(`refuses to be created without the required input '${k}'`, () => {
        const args = sampleInputs(res);
        delete args[k];
        assert.throws(() => new kfp[R](`missing-${k}`, args), { message: `Missing required property '${k}'` });
      });
    }

    test('get looks an existing object up by ID and reads its outputs', async () => {
      const r = kfp[R].get(`got-${R}`, `${R}-live-id`);
      assert.equal(await r.id.promise(), `${R}-live-id`);
      const reg = lastRegistration(`got-${R}`);
      assert.equal(reg.type, token);
      assert.equal(reg.id, `${R}-live-id`);
      for (const [k, p] of Object.entries(props)) {
        if (!(k in inputs)) assert.deepEqual(await r[k].promise(), sample(p, k, 'out'), `${R}.${k} after get`);
      }
    });

    test('isInstance recognises its own instances only', async () => {
      const r = new kfp[R](`inst-${R}`, sampleInputs(res));
      await r.urn.promise();
      assert.equal(kfp[R].isInstance(r), true);
      assert.equal(kfp[R].isInstance({}), false);
      assert.equal(kfp[R].isInstance(undefined), false);
      const other = Object.keys(schema.resources).map(member).find((m) => m !== R);
      if (other) assert.equal(kfp[other].isInstance(r), false);
    });
  });
}

test('ImageRegistry: the password is sent as a secret, and dockerConfigJson and password are secret outputs', async () => {
  const capture = captureOptions();
  const r = new kfp.ImageRegistry('ghcr', { server: 'ghcr.io', username: 'robot', password: 'pw-51c0e9' }, { transformations: capture.transformations });
  assert.deepEqual(await read(r.password), { value: 'pw-51c0e9', secret: true });
  assert.deepEqual(await read(r.username), { value: 'robot', secret: false });
  assert.deepEqual(capture.seen.opts.additionalSecretOutputs, ['dockerConfigJson', 'password']);
  assert.deepEqual(capture.seen.opts.replaceOnChanges, ['server']);
  assert.equal(await r.insecure.promise(), false, 'insecure defaults to false');
});

test('PullSecret takes an ImageRegistry\'s outputs as a RegistryCredential, and keeps them secret', async () => {
  const registry = new kfp.ImageRegistry('reg', { server: 'registry.example.com:5000', username: 'u', password: 'p' });
  const pull = new kfp.PullSecret('pull', {
    registries: [{ server: registry.server, username: registry.username, password: registry.password }],
    serviceAccounts: ['pipeline-runner'],
  });
  const { value, secret } = await read(pull.registries);
  assert.equal(secret, true);
  assert.deepEqual(value, [{ server: 'registry.example.com:5000', username: 'u', password: 'p' }]);
  assert.equal(await pull.secretName.promise(), 'secretName-out');
});
