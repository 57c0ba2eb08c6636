'use strict';
// Bounded answers through the built provider: an error made of a very long input (a 70,000-character
// experiment name, echoed by KFP) comes back as a clear error of bounded size, and the provider keeps
// serving: the next call on the same connection and a new one both answer.
const test = require('node:test');
const assert = require('node:assert/strict');
const { grpc, emptyPb, startProvider, startEmulator } = require('../harness.js');
const { session } = require('../lib/session.js');

const EXPERIMENT = 'kfp:index:Experiment';
// grpc-message is at most 8 KiB of UTF-8 before percent-encoding; the details trailer is bounded too.
const MAX_MESSAGE_BYTES = 8 * 1024;

test.describe('a 70,000-character input', () => {
  let emulator;
  let plugin;
  let s;

  test.before(async () => {
    emulator = await startEmulator();
    plugin = await startProvider();
    s = session(plugin);
    await s.handshake();
    const checked = await s.checkConfig({ host: emulator.endpoints.kfp, version: await s.pluginInfo() });
    await s.configure(checked.inputs);
  });

  test.after(async () => {
    await plugin?.stop();
    await emulator?.stop();
  });

  test('gives a bounded error that names the problem, and later calls still answer', { timeout: 60000 }, async () => {
    const name = `long-${'x'.repeat(70000)}`;
    const checked = await s.check({ type: EXPERIMENT, name: 'long', news: { name } });
    // Whether Check refuses the name or Create fails on it, every answer must be bounded.
    for (const failure of checked.failures) {
      assert.ok(Buffer.byteLength(failure.reason) <= 16 * 1024, `a check failure of ${failure.reason.length} characters`);
    }
    if (checked.failures.length === 0) {
      const error = await s.create({ type: EXPERIMENT, name: 'long', properties: checked.inputs }).then(
        () => assert.fail('Create of a 70,000-character experiment name succeeded'),
        (e) => e,
      );
      assert.notEqual(error.code, grpc.status.OK);
      assert.ok(Buffer.byteLength(error.details) <= MAX_MESSAGE_BYTES, `an error message of ${Buffer.byteLength(error.details)} bytes`);
      assert.match(error.details, /^long: create failed/, 'the error names the resource and the operation');
      assert.match(error.details, /more characters cut/, 'the error says it was cut');
      const detailsBin = error.metadata.get('grpc-status-details-bin');
      for (const value of detailsBin) {
        assert.ok(value.length <= 32 * 1024, `a details trailer of ${value.length} bytes`);
      }
    }

    await assertStillServing();
  });

  test('an unknown type of 70,000 characters gives a bounded INVALID_ARGUMENT that keeps its end', async () => {
    const type = `kfp:index:${'Y'.repeat(70000)}`;
    const error = await s.check({ type, name: 'odd', news: {} }).then(() => assert.fail('Check of an unknown type succeeded'), (e) => e);
    assert.equal(error.code, grpc.status.INVALID_ARGUMENT);
    assert.ok(Buffer.byteLength(error.details) <= MAX_MESSAGE_BYTES, `an error message of ${Buffer.byteLength(error.details)} bytes`);
    assert.match(error.details, /^unknown resource type 'kfp:index:YYY/);
    assert.match(error.details, /more characters cut/);
    assert.match(error.details, /the kfp package has: .*kfp:index:Experiment/, 'the end of the message (what to use instead) is kept');
    await assertStillServing();
  });

  async function assertStillServing() {
    const info = await plugin.call('getPluginInfo', new emptyPb.Empty());
    assert.notEqual(info.getVersion(), '');
    const again = await s.check({ type: EXPERIMENT, name: 'short', news: { name: 'short-name' } });
    assert.deepEqual(again.failures, []);
  }
});
