'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { grpc, providerPb, emptyPb, startProvider, rawUnary } = require('../harness.js');

test.describe('ResourceProvider RPCs', () => {
  let provider;
  test.before(async () => { provider = await startProvider(); });
  test.after(async () => { await provider.stop(); });

  test('GetPluginInfo returns a semantic version', async () => {
    const info = await provider.call('getPluginInfo', new emptyPb.Empty());
    assert.match(info.getVersion(), /^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/);
  });

  test('GetSchema returns the kfp package schema at the plugin version', async () => {
    const schema = await provider.call('getSchema', new providerPb.GetSchemaRequest());
    const info = await provider.call('getPluginInfo', new emptyPb.Empty());
    const parsed = JSON.parse(schema.getSchema());
    assert.equal(parsed.name, 'kfp');
    assert.equal(parsed.version, info.getVersion());
  });

  test('Handshake accepts secrets and resource references', async () => {
    const request = new providerPb.ProviderHandshakeRequest();
    request.setEngineAddress('127.0.0.1:1');
    request.setConfigureWithUrn(true);
    const reply = await provider.call('handshake', request);
    assert.equal(reply.getAcceptSecrets(), true);
    assert.equal(reply.getAcceptResources(), true);
  });

  test('an RPC the provider does not implement returns UNIMPLEMENTED', async () => {
    const request = new providerPb.ConstructRequest();
    request.setType('kfp:index:NoSuchComponent');
    request.setName('c');
    await assert.rejects(provider.call('construct', request), (e) => {
      assert.equal(e.code, grpc.status.UNIMPLEMENTED);
      return true;
    });
  });

  test('a method the service does not have returns UNIMPLEMENTED', async () => {
    await assert.rejects(rawUnary(provider.client, '/pulumirpc.ResourceProvider/NoSuchMethod'), (e) => {
      assert.equal(e.code, grpc.status.UNIMPLEMENTED);
      return true;
    });
  });

  test('Cancel returns OK and the provider keeps serving', async () => {
    const reply = await provider.call('cancel', new emptyPb.Empty());
    assert.ok(reply instanceof emptyPb.Empty);
    const info = await provider.call('getPluginInfo', new emptyPb.Empty());
    assert.notEqual(info.getVersion(), '');
  });
});
