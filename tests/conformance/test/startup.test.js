'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { startProvider, emptyPb, pluginPb } = require('../harness.js');

test('the port line is the only thing on stdout', async () => {
  const provider = await startProvider();
  try {
    assert.match(provider.portLine, /^[0-9]+\n$/);
    assert.ok(provider.port > 0 && provider.port < 65536);
    await provider.call('getPluginInfo', new emptyPb.Empty());
  } finally {
    await provider.stop();
  }
  assert.equal(provider.stdout(), provider.portLine);
});

test('logging and tracing flags before the engine address are accepted', async () => {
  const provider = await startProvider(['--logtostderr', '-v=9', '--logflow', '--tracing', 'http://127.0.0.1:1', '127.0.0.1:1']);
  try {
    const info = await provider.call('getPluginInfo', new emptyPb.Empty());
    assert.notEqual(info.getVersion(), '');
  } finally {
    await provider.stop();
  }
});

test('without an engine address the plugin starts in attach mode and accepts Attach', async () => {
  const provider = await startProvider([]);
  try {
    const attach = new pluginPb.PluginAttach();
    attach.setAddress('127.0.0.1:1');
    await provider.call('attach', attach);
    const info = await provider.call('getPluginInfo', new emptyPb.Empty());
    assert.notEqual(info.getVersion(), '');
  } finally {
    await provider.stop();
  }
});
