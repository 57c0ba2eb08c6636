'use strict';
// Provider foundations, driven the way the Pulumi engine drives a plugin (Handshake, GetPluginInfo,
// CheckConfig, Configure, then resource calls) with Pulumi's generated client against the built binary
// and the emulator: plugin info, schema, secret config, and an Experiment's preview, create, no-change
// diff, refresh after an out-of-band delete, import, delete-before-replace, delete and secret outputs.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { grpc, providerPb, startProvider, startEmulator, rawUnary } = require('../harness.js');
const { SIG, SECRET, UNKNOWN, secret, isSecret, containsUnknowns } = require('../../../tools/mini-engine/values.js');
const { session } = require('../lib/session.js');
const { kfpRest } = require('../lib/kfp-rest.js');
const { plainOccurrences } = require('../lib/secrets.js');

const EXPERIMENT = 'kfp:index:Experiment';
const TOKEN = `tok-${crypto.randomBytes(6).toString('hex')}-never-in-plain-text`;
const SEMVER = /^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const uniqueName = (prefix) => `${prefix}-${crypto.randomBytes(4).toString('hex')}`;

test.describe('Experiment through the built provider, as the engine calls it', () => {
  let emulator;
  let plugin;
  let s;
  let rest;
  const responses = []; // every answer the provider gave, for the plain-text token check
  const setup = {};

  const record = (answer) => {
    const { trace, ...response } = answer; // the trace repeats the request, secrets included
    responses.push({ response, trace });
    return answer;
  };
  const check = async (args) => record(await s.check({ type: EXPERIMENT, ...args }));
  const create = async (args) => record(await s.create({ type: EXPERIMENT, ...args }));
  const diff = async (args) => record(await s.diff({ type: EXPERIMENT, ...args }));
  const read = async (args) => record(await s.read({ type: EXPERIMENT, ...args }));
  const del = (args) => s.delete({ type: EXPERIMENT, ...args });

  async function experimentNames() {
    const listed = await rest.get('experiments?page_size=1000');
    assert.equal(listed.status, 200, listed.text);
    return (listed.body.experiments ?? []).map((e) => e.display_name);
  }

  /** Check(olds={}) then Create, as `pulumi up` does for a new resource: { name, inputs, id, outputs }. */
  async function createExperiment(name, news) {
    const checked = await check({ name, news, randomSeed: crypto.randomBytes(32) });
    assert.deepEqual(checked.failures, [], `Check failed: ${checked.trace}`);
    const created = await create({ name, properties: checked.inputs });
    return { name, inputs: checked.inputs, id: created.id, outputs: created.properties, trace: created.trace };
  }

  test.before(async () => {
    emulator = await startEmulator();
    rest = kfpRest(emulator.endpoints.kfp);
    plugin = await startProvider();
    s = session(plugin);
    setup.handshake = await s.handshake();
    setup.version = await s.pluginInfo();
    const config = { host: emulator.endpoints.kfp, kubeconfig: emulator.endpoints.kubeconfig, token: secret(TOKEN), version: setup.version };
    setup.checkConfig = record(await s.checkConfig(config));
    setup.configure = record(await s.configure(setup.checkConfig.inputs));
  });

  test.after(async () => {
    await plugin?.stop();
    await emulator?.stop();
  });

  test('Handshake accepts secrets and GetPluginInfo gives a semantic version', () => {
    assert.equal(setup.handshake.acceptSecrets, true, 'Handshake must accept secrets');
    assert.match(setup.version, SEMVER, 'GetPluginInfo version');
  });

  test('GetSchema is JSON for package kfp at the plugin version, with the three resources', async () => {
    const text = await s.schema();
    let schema;
    assert.doesNotThrow(() => { schema = JSON.parse(text); }, 'GetSchema must return valid JSON');
    assert.equal(schema.name, 'kfp');
    assert.equal(schema.version, setup.version, 'schema version must equal GetPluginInfo version');
    for (const token of ['kfp:index:Experiment', 'kfp:index:Pipeline', 'kfp:index:Framework']) {
      assert.ok(schema.resources?.[token], `schema lacks resource ${token}`);
    }
  });

  test('CheckConfig keeps a secret token secret-wrapped and Configure accepts it', () => {
    const { checkConfig, configure } = setup;
    assert.deepEqual(checkConfig.failures, [], `CheckConfig failures: ${checkConfig.trace}`);
    assert.ok(isSecret(checkConfig.inputs.token), `CheckConfig returned token not secret-wrapped: ${JSON.stringify(checkConfig.inputs.token)}`);
    assert.equal(checkConfig.inputs.token.value, TOKEN, 'CheckConfig changed the token value');
    assert.equal(checkConfig.inputs.host, emulator.endpoints.kfp, 'CheckConfig changed host');
    assert.equal(checkConfig.inputs.version, setup.version, 'CheckConfig must keep version');
    assert.equal(configure.supportsPreview, true, 'Configure must report supportsPreview');
    assert.equal(configure.acceptSecrets, true, 'Configure must report acceptSecrets');
  });

  test('CheckConfig of a plain token, as the engine sends it (secrets stripped), marks it secret', async () => {
    const checked = record(await s.checkConfig({ host: emulator.endpoints.kfp, token: TOKEN, version: setup.version }));
    assert.deepEqual(checked.failures, [], checked.trace);
    assert.ok(isSecret(checked.inputs.token), `CheckConfig must mark token secret: token ${JSON.stringify(checked.inputs.token)}`);
    assert.equal(checked.inputs.token.value, TOKEN, 'CheckConfig changed the token value');
  });

  test('preview: Check autonames, Create(preview) echoes the inputs with unknown computed outputs and creates nothing', async () => {
    const randomSeed = crypto.randomBytes(32);
    const checked = await check({ name: 'previewed', news: { description: 'only a preview' }, randomSeed });
    assert.deepEqual(checked.failures, [], checked.trace);
    assert.match(checked.inputs.name ?? '', /^previewed-/, `Check must autoname from the resource name: ${checked.trace}`);
    const again = await check({ name: 'previewed', news: { description: 'only a preview' }, randomSeed });
    assert.equal(again.inputs.name, checked.inputs.name, `the same randomSeed must give the same name: ${again.trace}`);
    const preview = await create({ name: 'previewed', properties: checked.inputs, preview: true });
    assert.equal(preview.properties.name, checked.inputs.name, `preview must echo name: ${preview.trace}`);
    assert.equal(preview.properties.description, 'only a preview', `preview must echo description: ${preview.trace}`);
    for (const output of ['experimentId', 'createdAt', 'storageState']) {
      assert.equal(preview.properties[output], UNKNOWN, `preview ${output} must be the unknown sentinel: ${preview.trace}`);
    }
    assert.ok(!(await experimentNames()).includes(checked.inputs.name), `Create(preview) created experiment ${checked.inputs.name}`);
  });

  test('create: a non-empty id and known outputs, and the experiment exists in KFP', async () => {
    const name = uniqueName('created');
    const made = await createExperiment('created', { name, description: 'made by create' });
    assert.notEqual(made.id, '', `Create returned an empty id: ${made.trace}`);
    assert.equal(containsUnknowns(made.outputs), false, `Create outputs hold unknowns: ${made.trace}`);
    assert.equal(made.outputs.experimentId, made.id, made.trace);
    assert.equal(made.outputs.name, name, made.trace);
    assert.equal(made.outputs.description, 'made by create', made.trace);
    assert.match(made.outputs.createdAt, RFC3339, made.trace);
    assert.equal(made.outputs.storageState, 'AVAILABLE', made.trace);
    const live = await rest.get(`experiments/${made.id}`);
    assert.equal(live.status, 200, live.text);
    assert.equal(live.body.display_name, name);
    assert.ok((await experimentNames()).includes(name), `experiment ${name} is not listed`);
  });

  test('Diff with unchanged inputs is DIFF_NONE', async () => {
    const made = await createExperiment('unchanged', { description: 'stays' });
    const again = await check({ name: 'unchanged', olds: made.inputs, news: { description: 'stays' } });
    assert.deepEqual(again.failures, [], again.trace);
    assert.equal(again.inputs.name, made.inputs.name, `Check with olds must keep the autoname: ${again.trace}`);
    const d = await diff({ name: 'unchanged', id: made.id, olds: made.outputs, news: again.inputs, oldInputs: made.inputs });
    assert.equal(d.changes, 'DIFF_NONE', d.trace);
    assert.deepEqual(d.replaces, [], d.trace);
  });

  test('refresh: Read of an experiment deleted out of band answers an empty id', async () => {
    const made = await createExperiment('vanished', { name: uniqueName('vanished') });
    const deleted = await rest.del(`experiments/${made.id}`);
    assert.equal(deleted.status, 200, `emulator DELETE: ${deleted.text}`);
    const r = await read({ name: 'vanished', id: made.id, properties: made.outputs, inputs: made.inputs });
    assert.equal(r.id, '', `Read must answer an empty id for a deleted resource: ${r.trace}`);
  });

  test('import: Read with only the id returns inputs that pass Check', async () => {
    const name = uniqueName('imported');
    const made = await createExperiment('original', { name, description: 'to import' });
    const r = await read({ name: 'imported', id: made.id });
    assert.equal(r.id, made.id, r.trace);
    assert.ok(r.inputs, `Read for import must return inputs: ${r.trace}`);
    assert.equal(r.inputs.name, name, r.trace);
    assert.equal(r.inputs.description, 'to import', r.trace);
    assert.equal(r.properties?.experimentId, made.id, r.trace);
    const checked = await check({ name: 'imported', olds: r.inputs, news: r.inputs });
    assert.deepEqual(checked.failures, [], `Check of imported inputs failed: ${checked.trace}`);
    assert.equal(checked.inputs.name, name, checked.trace);
  });

  test('replace: a changed description replaces delete-before-replace; Delete, Check({}), Create make the new one', async () => {
    const name = uniqueName('replaced');
    const old = await createExperiment('replaced', { name, description: 'first' });
    const news = { name, description: 'second' };
    const checked = await check({ name: 'replaced', olds: old.inputs, news });
    assert.deepEqual(checked.failures, [], checked.trace);
    const d = await diff({ name: 'replaced', id: old.id, olds: old.outputs, news: checked.inputs, oldInputs: old.inputs });
    assert.equal(d.changes, 'DIFF_SOME', d.trace);
    assert.ok(d.replaces.includes('description'), `replaces must contain description: ${d.trace}`);
    assert.deepEqual(d.detailedDiff.description, { kind: 'UPDATE_REPLACE', inputDiff: true }, d.trace);
    assert.equal(d.deleteBeforeReplace, true, `the name stays, so deleteBeforeReplace must be true: ${d.trace}`);

    await del({ name: 'replaced', id: old.id, properties: old.outputs, oldInputs: old.inputs });
    const fresh = await createExperiment('replaced', news);
    assert.notEqual(fresh.id, old.id, fresh.trace);
    assert.equal(fresh.outputs.description, 'second', fresh.trace);
    assert.equal((await rest.get(`experiments/${old.id}`)).status, 404, 'the old experiment must be gone');
    const live = await rest.get(`experiments/${fresh.id}`);
    assert.equal(live.status, 200, live.text);
    assert.equal(live.body.description, 'second');
  });

  test('delete removes the experiment, and deleting it again succeeds', async () => {
    const made = await createExperiment('deleted', { name: uniqueName('deleted') });
    const args = { name: 'deleted', id: made.id, properties: made.outputs, oldInputs: made.inputs };
    await del(args);
    assert.equal((await rest.get(`experiments/${made.id}`)).status, 404, 'the experiment must be gone after Delete');
    await assert.doesNotReject(del(args), 'Delete of an already-deleted experiment must succeed');
  });

  test('a secret description stays secret in Check, Create(preview), Create and Read outputs', async () => {
    const text = `desc-${crypto.randomBytes(6).toString('hex')}`;
    const news = { name: uniqueName('secretive'), description: secret(text) };
    const checked = await check({ name: 'secretive', news });
    assert.deepEqual(checked.failures, [], checked.trace);
    assert.ok(isSecret(checked.inputs.description), `Check must keep description secret: ${checked.trace}`);
    const preview = await create({ name: 'secretive', properties: checked.inputs, preview: true });
    assert.deepEqual(preview.properties.description, { [SIG]: SECRET, value: text }, `preview description: ${preview.trace}`);
    const created = await create({ name: 'secretive', properties: checked.inputs });
    assert.deepEqual(created.properties.description, { [SIG]: SECRET, value: text }, `Create description: ${created.trace}`);
    const refreshed = await read({ name: 'secretive', id: created.id, properties: created.properties, inputs: checked.inputs });
    assert.deepEqual(refreshed.properties?.description, { [SIG]: SECRET, value: text }, `Read (refresh) description: ${refreshed.trace}`);
    assert.deepEqual(refreshed.inputs?.description, { [SIG]: SECRET, value: text }, `Read (refresh) input description: ${refreshed.trace}`);
    for (const { trace, ...response } of [checked, preview, created, refreshed]) {
      assert.deepEqual(plainOccurrences(response, text), [], `description in plain text: ${trace}`);
    }
  });

  test('methods the provider does not implement answer UNIMPLEMENTED (12)', async () => {
    const construct = new providerPb.ConstructRequest();
    construct.setType('kfp:index:NoSuchComponent');
    construct.setName('c');
    const attempts = [() => plugin.call('construct', construct), () => rawUnary(plugin.client, '/pulumirpc.ResourceProvider/MadeUpMethod')];
    for (const attempt of attempts) {
      await assert.rejects(attempt(), (e) => {
        assert.equal(e.code, grpc.status.UNIMPLEMENTED, `expected code 12, got ${e.code}: ${e.details}`);
        return true;
      });
    }
  });

  test('the token never appears in plain text in any response nor on stderr', () => {
    assert.ok(responses.length >= 2, `expected at least the CheckConfig and Configure answers, got ${responses.length}`);
    for (const { response, trace } of responses) {
      assert.deepEqual(plainOccurrences(response, TOKEN), [], `token in plain text: ${trace}`);
    }
    assert.ok(!plugin.stderr().includes(TOKEN), 'the token appears on the provider stderr');
  });
});
