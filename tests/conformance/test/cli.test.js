'use strict';
// The plugin binary behaves like a command-line tool when a person runs it: --help and --version print and
// exit 0 at once (they must not start a server and wait).
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const { providerBin } = require('../harness.js');

const run = (...args) => spawnSync(providerBin, args, { encoding: 'utf8', timeout: 20000 });

for (const flag of ['--help', '-h']) {
  test(`${flag} prints the usage and exits 0`, () => {
    const result = run(flag);
    assert.equal(result.error, undefined, `${flag} did not exit within 20 s`);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^pulumi-resource-kfp: the Pulumi resource provider for Kubeflow Pipelines/);
    assert.match(result.stdout, /--version/);
    assert.match(result.stdout, /--print-schema/);
    assert.match(result.stdout, /ENGINE_ADDRESS/);
  });
}

test('--version prints the plugin version (the one GetPluginInfo and the schema give) and exits 0', () => {
  const result = run('--version');
  assert.equal(result.error, undefined, '--version did not exit within 20 s');
  assert.equal(result.status, 0, result.stderr);
  const schema = JSON.parse(run('--print-schema').stdout);
  assert.equal(result.stdout, `${schema.version}\n`);
});
