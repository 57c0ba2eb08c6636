'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator } = require('../harness.js');

test('the emulator prints its endpoints and exits on SIGTERM', async () => {
  const emulator = await startEmulator();
  let exit;
  try {
    const { kfp, kubernetes, registry, kubeconfig } = emulator.endpoints;
    for (const url of [kfp, kubernetes, registry]) {
      assert.match(url, /^http:\/\/127\.0\.0\.1:[0-9]+$/);
    }
    assert.ok(kubeconfig.startsWith('/'));
  } finally {
    exit = await emulator.stop();
  }
  assert.equal(exit.code, 0);
});
