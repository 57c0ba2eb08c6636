'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { startProvider, emptyPb } = require('../harness.js');

for (const signal of ['SIGTERM', 'SIGINT']) {
  test(`the process exits cleanly on ${signal}`, async () => {
    const provider = await startProvider();
    await provider.call('getPluginInfo', new emptyPb.Empty());
    const exit = await provider.stop(signal);
    assert.deepEqual(exit, { code: 0, signal: null });
  });
}

test('the engine shutdown sequence (Cancel, then SIGINT) exits cleanly', async () => {
  const provider = await startProvider();
  await provider.call('cancel', new emptyPb.Empty());
  const exit = await provider.stop('SIGINT');
  assert.deepEqual(exit, { code: 0, signal: null });
});
