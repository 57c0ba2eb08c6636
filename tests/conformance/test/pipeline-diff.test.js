'use strict';
// What a reviewer reads in a pipeline's preview diff, through the built provider with Pulumi's client: Check
// records the compiled pipeline's `tasks` and `parameters`, and Diff names each changed entry by its property
// path (image, argument, added and removed task, parameter default, Kubernetes setting, a tag moved under
// pinImageDigests, a secret inside a list), next to `specHash`, the identity. Also: the `mermaid` chart and a
// `versionName` known in preview.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startEmulator } = require('../harness.js');
const { secret, UNKNOWN } = require('../../../tools/mini-engine/values.js');
const { startPluginIn } = require('../lib/plugin.js');
const { session, engineSetup } = require('../lib/session.js');
const { ir, BASE } = require('../lib/ir.js');

const PIPELINE = 'kfp:index:Pipeline';

test.describe('Pipeline preview diffs name what changed inside the pipeline', () => {
  let dir;
  let emulator;
  let plugin;
  let s;

  const check = (args) => s.check({ type: PIPELINE, randomSeed: crypto.randomBytes(32), ...args });

  /** Checks `before`, then `after` against it, and diffs the two as preview would: the detailedDiff and the checked inputs. */
  async function diffOf(before, after, extra = {}) {
    fs.writeFileSync(path.join(dir, 'reviewed.yaml'), ir(before));
    const first = await check({ name: 'reviewed', news: { source: 'reviewed.yaml', ...extra } });
    assert.deepEqual(first.failures, [], first.trace);
    fs.writeFileSync(path.join(dir, 'reviewed.yaml'), ir(after));
    const second = await check({ name: 'reviewed', olds: first.inputs, news: { source: 'reviewed.yaml', ...extra } });
    assert.deepEqual(second.failures, [], second.trace);
    const d = await s.diff({ type: PIPELINE, name: 'reviewed', id: '', olds: first.inputs, news: second.inputs, oldInputs: first.inputs });
    return { d, first: first.inputs, second: second.inputs };
  }

  const kinds = (d) => Object.fromEntries(Object.entries(d.detailedDiff).map(([k, v]) => [k, v.kind]));

  test.before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-diffs-'));
    emulator = await startEmulator();
    plugin = await startPluginIn(dir);
    s = session(plugin);
    await engineSetup(s, { host: emulator.endpoints.kfp, kubeconfig: emulator.endpoints.kubeconfig });
  });

  test.after(async () => {
    await plugin?.stop();
    await emulator?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('Check records tasks, parameters, mermaid and the spec hash', async () => {
    fs.writeFileSync(path.join(dir, 'reviewed.yaml'), ir(BASE));
    const checked = await check({ name: 'reviewed', news: { source: 'reviewed.yaml' } });
    assert.deepEqual(checked.failures, [], checked.trace);
    const { tasks, parameters, mermaid } = checked.inputs;
    assert.equal(tasks.train.image, 'trainer:v1', checked.trace);
    assert.deepEqual(tasks.train.args, ['--epochs', '3'], checked.trace);
    assert.deepEqual(tasks.evaluate.after, ['train'], checked.trace);
    assert.equal(tasks.train.caching, true, checked.trace);
    assert.deepEqual(tasks.train.kubernetes, { nodeSelector: { labels: { pool: 'cpu' } } }, checked.trace);
    assert.deepEqual(parameters, { greeting: { type: 'STRING', default: 'hello' } }, checked.trace);
    assert.equal(mermaid, 'flowchart TD\n  t0["evaluate<br/>evaluator:v1"]\n  t1["train<br/>trainer:v1"]\n  t1 --> t0\n', checked.trace);

    const preview = await s.create({ type: PIPELINE, name: 'reviewed', properties: checked.inputs, preview: true });
    assert.match(preview.properties.versionName, /^v-[0-9a-f]{12}$/, `versionName must be known in preview: ${preview.trace}`);
    assert.equal(preview.properties.versionName, `v-${checked.inputs.specHash.slice('sha256:'.length, 'sha256:'.length + 12)}`, preview.trace);
    assert.equal(preview.properties.versionId, UNKNOWN, preview.trace);
  });

  test('image', async () => {
    const { d } = await diffOf(BASE, { ...BASE, tasks: { ...BASE.tasks, train: { ...BASE.tasks.train, image: 'trainer:v2' } } });
    assert.deepEqual(kinds(d), { specHash: 'UPDATE', 'tasks.train.image': 'UPDATE' }, d.trace);
    assert.deepEqual(d.diffs.sort(), ['specHash', 'tasks'], d.trace);
    assert.deepEqual(d.replaces, [], d.trace);
  });

  test('argument', async () => {
    const { d } = await diffOf(BASE, { ...BASE, tasks: { ...BASE.tasks, train: { ...BASE.tasks.train, args: ['--epochs', '5'] } } });
    assert.deepEqual(kinds(d), { specHash: 'UPDATE', 'tasks.train.args[1]': 'UPDATE' }, d.trace);
  });

  test('added task and removed task', async () => {
    const more = { ...BASE, tasks: { ...BASE.tasks, 'push-model': { image: 'pusher:v1', after: ['evaluate'] } } };
    const added = await diffOf(BASE, more);
    assert.deepEqual(kinds(added.d), { specHash: 'UPDATE', 'tasks["push-model"]': 'ADD' }, added.d.trace);
    const removed = await diffOf(more, BASE);
    assert.deepEqual(kinds(removed.d), { specHash: 'UPDATE', 'tasks["push-model"]': 'DELETE' }, removed.d.trace);
    assert.equal(removed.d.detailedDiff['tasks["push-model"]'].inputDiff, true, 'a delete is looked up in the old inputs');
  });

  test('parameter default', async () => {
    const { d } = await diffOf(BASE, { ...BASE, parameters: { greeting: 'hi' } });
    assert.deepEqual(kinds(d), { specHash: 'UPDATE', 'parameters.greeting.default': 'UPDATE' }, d.trace);
  });

  test('Kubernetes platform setting', async () => {
    const { d } = await diffOf(BASE, { ...BASE, kubernetes: { train: { nodeSelector: { labels: { pool: 'gpu' } } } } });
    assert.deepEqual(kinds(d), { specHash: 'UPDATE', 'tasks.train.kubernetes.nodeSelector.labels.pool': 'UPDATE' }, d.trace);
  });

  test('a tag moved in the registry under pinImageDigests, and a secret inside a list', async () => {
    const registry = emulator.endpoints.registry;
    const host = new URL(registry).host;
    const post = (p, body) => fetch(`${registry}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await post('/_emulator/users', { username: 'robot', password: 's3cret' })).status < 300, true);
    const seed = async () => (await (await post('/_emulator/images', { repository: 'team/trainer', tag: 'v1' })).json()).digest;
    const spec = { tasks: { train: { image: `${host}/team/trainer:v1` } } };
    const registries = (password) => [{ server: host, username: 'robot', password: secret(password), insecure: true }];
    const pinned = { pinImageDigests: true, registries: registries('s3cret') };

    const first = await seed();
    fs.writeFileSync(path.join(dir, 'reviewed.yaml'), ir(spec));
    const before = await check({ name: 'reviewed', news: { source: 'reviewed.yaml', ...pinned } });
    assert.deepEqual(before.failures, [], before.trace);
    assert.equal(before.inputs.tasks.train.image, `${host}/team/trainer:v1@${first}`, before.trace);
    const moved = await seed();
    const after = await check({ name: 'reviewed', olds: before.inputs, news: { source: 'reviewed.yaml', ...pinned } });
    assert.equal(after.inputs.tasks.train.image, `${host}/team/trainer:v1@${moved}`, after.trace);
    const d = await s.diff({ type: PIPELINE, name: 'reviewed', id: '', olds: before.inputs, news: after.inputs, oldInputs: before.inputs });
    assert.deepEqual(kinds(d), { specHash: 'UPDATE', 'tasks.train.image': 'UPDATE' }, d.trace);

    const rotated = { ...after.inputs, registries: registries('rotated') };
    const secretDiff = await s.diff({ type: PIPELINE, name: 'reviewed', id: '', olds: after.inputs, news: rotated, oldInputs: after.inputs });
    assert.deepEqual(kinds(secretDiff), { 'registries[0].password': 'UPDATE' }, secretDiff.trace);
    assert.ok(!JSON.stringify(secretDiff.detailedDiff).includes('rotated'), secretDiff.trace);
  });
});
