'use strict';
// Every function in schema.json, called in both forms the SDK generates: plain (a Promise) and Output
// (invokeOutput, which keeps secrets and accepts Outputs as arguments).
const test = require('node:test');
const assert = require('node:assert/strict');
const pulumi = require('@pulumi/pulumi');
const { schema, sdkDir, member, sample, installMocks } = require('./helpers');

const log = installMocks();
const kfp = require(sdkDir);

function sampleArgs(fn) {
  return Object.fromEntries(Object.entries(fn.inputs.properties).map(([k, p]) => [k, sample(p, k)]));
}

function expectedResult(fn) {
  return Object.fromEntries(Object.entries(fn.outputs.properties).map(([k, p]) => [k, sample(p, k, 'out')]));
}

for (const [token, fn] of Object.entries(schema.functions)) {
  const f = member(token);

  test(`${f}: the plain form invokes ${token} with every argument and resolves to the result`, async () => {
    const args = sampleArgs(fn);
    const result = await kfp[f](args);
    const call = log.calls[log.calls.length - 1];
    assert.equal(call.token, token);
    assert.deepEqual(call.inputs, args);
    assert.deepEqual({ ...result }, expectedResult(fn));
  });

  test(`${f}: the Output form takes Outputs, and a secret argument makes the result secret`, async () => {
    const args = sampleArgs(fn);
    const first = Object.keys(args)[0];
    const out = kfp[`${f}Output`]({ ...args, [first]: pulumi.secret(args[first]) });
    assert.ok(pulumi.Output.isInstance(out));
    assert.deepEqual({ ...(await out.promise()) }, expectedResult(fn));
    assert.equal(await pulumi.isSecret(out), true);
    const call = log.calls[log.calls.length - 1];
    assert.equal(call.token, token);
    assert.deepEqual(call.inputs, args);
  });
}

test('compilePipeline: the result fields are what the provider returns', async () => {
  const r = await kfp.compilePipeline({ source: 'pipeline.yaml', framework: 'definition', imagePullSecrets: ['regcred'] });
  assert.deepEqual(log.calls[log.calls.length - 1].inputs, { source: 'pipeline.yaml', framework: 'definition', imagePullSecrets: ['regcred'] });
  assert.equal(r.specHash, 'specHash-out');
  assert.equal(r.pipelineName, 'pipelineName-out');
});
