'use strict';
// The provider killed after KFP committed a create, then the same create again (as the next `pulumi up` sends it):
// exactly one object afterwards, adopted into state. The emulator's afterHandler fault carries out the create and
// holds its answer back, so the plugin is killed while KFP already has the object.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { startProvider, startEmulator } = require('../harness.js');
const { session, engineSetup } = require('../lib/session.js');
const { kfpRest } = require('../lib/kfp-rest.js');

const PIPELINE = path.resolve(__dirname, '..', '..', '..', 'examples', 'scheduled-pipeline', 'pipeline.yaml');

test.describe('a provider killed after KFP committed a create', () => {
  let emulator;
  let rest;
  const plugins = [];

  async function provider() {
    const plugin = await startProvider();
    plugins.push(plugin);
    const s = session(plugin);
    await engineSetup(s, { host: emulator.endpoints.kfp, kubeconfig: emulator.endpoints.kubeconfig });
    return { plugin, s };
  }

  async function checked(s, type, name, news) {
    const result = await s.check({ type, name, news, randomSeed: crypto.randomBytes(32) });
    assert.deepEqual(result.failures, [], result.trace);
    return result.inputs;
  }

  const fault = (body) => fetch(`${emulator.endpoints.kfp}/_emulator/faults`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });

  async function named(collection, name) {
    const listed = await rest.get(`${collection}?page_size=1000`);
    assert.equal(listed.status, 200, listed.text);
    const key = collection === 'recurringruns' ? 'recurringRuns' : collection;
    return (listed.body?.[key] ?? listed.body?.[collection === 'recurringruns' ? 'recurring_runs' : collection] ?? [])
      .filter((o) => o.display_name === name);
  }

  /** Starts the create, waits until KFP has the object, kills the plugin (SIGKILL), then creates again on a new one. */
  async function crashThenCreate(type, collection, name, inputs) {
    const first = await provider();
    assert.equal((await fault({ path: `/apis/v2beta1/${collection}`, method: 'POST', status: 0, delayMs: 20000, afterHandler: true, count: 1 })).status < 300, true);
    const pending = first.s.create({ type, name, properties: inputs }).then(() => 'answered', () => 'failed');
    let committed = [];
    for (let i = 0; i < 100 && committed.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      committed = await named(collection, inputs.name);
    }
    assert.equal(committed.length, 1, `KFP did not commit the ${collection} create`);
    await first.plugin.stop('SIGKILL');
    assert.equal(await pending, 'failed', 'the killed plugin answered the create');
    await fetch(`${emulator.endpoints.kfp}/_emulator/faults`, { method: 'DELETE' });

    const second = await provider();
    const created = await second.s.create({ type, name, properties: inputs });
    const after = await named(collection, inputs.name);
    return { committed, created, after };
  }

  test.before(async () => {
    emulator = await startEmulator();
    rest = kfpRest(emulator.endpoints.kfp);
  });
  test.after(async () => {
    await Promise.all(plugins.map((p) => p.stop('SIGKILL')));
    await emulator.stop();
  });

  test('an experiment: the second create adopts the committed one', async () => {
    const { s } = await provider();
    const inputs = await checked(s, 'kfp:index:Experiment', 'crashed', { name: `crashed-${crypto.randomBytes(3).toString('hex')}`, description: 'd' });
    const { committed, created, after } = await crashThenCreate('kfp:index:Experiment', 'experiments', 'crashed', inputs);
    assert.equal(after.length, 1, `experiments named ${inputs.name}: ${after.length}`);
    assert.equal(created.id, committed[0].experiment_id);
  });

  test('a recurring run: the second create adopts the committed schedule, never a second live one', async () => {
    const { s } = await provider();
    const pipelineInputs = await checked(s, 'kfp:index:Pipeline', 'pipe', { name: `crash-pipe-${crypto.randomBytes(3).toString('hex')}`, source: PIPELINE });
    const pipeline = await s.create({ type: 'kfp:index:Pipeline', name: 'pipe', properties: pipelineInputs });
    const inputs = await checked(s, 'kfp:index:RecurringRun', 'nightly', {
      name: `crash-nightly-${crypto.randomBytes(3).toString('hex')}`, pipelineId: pipeline.id, cron: '0 3 * * *',
    });
    const { committed, created, after } = await crashThenCreate('kfp:index:RecurringRun', 'recurringruns', 'nightly', inputs);
    assert.equal(after.length, 1, `recurring runs named ${inputs.name}: ${after.length}`);
    assert.equal(created.id, committed[0].recurring_run_id);
  });
});
