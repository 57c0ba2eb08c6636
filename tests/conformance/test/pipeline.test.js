'use strict';
// Every KFP IR sample registered through the built provider against the emulator, as the engine would
// (Check → Create → Delete), with ONE provider (working directory = a temporary program directory holding
// copies of the samples) and ONE emulator for the whole file. Also: the invalid samples fail Check on
// `source`, a YAML file and its JSON form hash alike, a spec change is an in-place update that registers
// a second version, and compilePipeline answers the hash Check computes.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const { startEmulator } = require('../harness.js');
const { UNKNOWN } = require('../../../tools/mini-engine/values.js');
const { startPluginIn } = require('../lib/plugin.js');
const { session, engineSetup } = require('../lib/session.js');
const { kfpRest } = require('../lib/kfp-rest.js');
const { makeProgramDir } = require('../lib/program-dir.js');

const PIPELINE = 'kfp:index:Pipeline';
const SPEC_HASH = /^sha256:[0-9a-f]{64}$/;

/** A resource name for a sample file: hello_world.yaml → hello-world. */
const resourceName = (file) => path.basename(file, path.extname(file)).replaceAll('_', '-');

test.describe('Pipeline through the built provider, as the engine calls it', () => {
  let program;
  let emulator;
  let plugin;
  let s;
  let rest;

  const check = (args) => s.check({ type: PIPELINE, randomSeed: crypto.randomBytes(32), ...args });
  const create = (args) => s.create({ type: PIPELINE, ...args });
  const del = (args) => s.delete({ type: PIPELINE, ...args });

  /** Check(olds={}) and Create for one source file: { name, inputs, id, outputs }. */
  async function register(name, source) {
    const checked = await check({ name, news: { source } });
    assert.deepEqual(checked.failures, [], `Check of ${source} failed: ${checked.trace}`);
    assert.match(checked.inputs.specHash ?? '', SPEC_HASH, `Check of ${source} must add specHash: ${checked.trace}`);
    const created = await create({ name, properties: checked.inputs });
    assert.notEqual(created.id, '', `Create returned an empty id: ${created.trace}`);
    assert.equal(created.properties.pipelineId, created.id, created.trace);
    assert.equal(created.properties.specHash, checked.inputs.specHash, `Create must record the checked specHash: ${created.trace}`);
    return { name, inputs: checked.inputs, id: created.id, outputs: created.properties, trace: created.trace };
  }

  const remove = (made) => del({ name: made.name, id: made.id, properties: made.outputs, oldInputs: made.inputs });

  async function assertVersionShown(pipelineId, versionId, context) {
    const version = await rest.get(`pipelines/${pipelineId}/versions/${versionId}`);
    assert.equal(version.status, 200, `GET version ${versionId} of ${pipelineId}: ${version.text}; ${context}`);
    assert.equal(version.body.pipeline_version_id, versionId, context);
    assert.equal(version.body.pipeline_id, pipelineId, context);
  }

  async function assertPipelineGone(pipelineId, context) {
    const gone = await rest.get(`pipelines/${pipelineId}`);
    assert.equal(gone.status, 404, `pipeline ${pipelineId} still exists after Delete: ${gone.text}; ${context}`);
  }

  test.before(async () => {
    program = makeProgramDir();
    emulator = await startEmulator();
    rest = kfpRest(emulator.endpoints.kfp);
    plugin = await startPluginIn(program.dir);
    s = session(plugin);
    await engineSetup(s, { host: emulator.endpoints.kfp, kubeconfig: emulator.endpoints.kubeconfig });
  });

  test.after(async () => {
    await plugin?.stop();
    await emulator?.stop();
    program?.remove();
  });

  test('every valid sample: Check → Create → the version is in KFP → Delete → the pipeline is gone', async (t) => {
    assert.ok(program.valid.length >= 12, `expected the 12 valid samples, found ${program.valid.join(', ')}`);
    for (const file of program.valid) {
      await t.test(file, async () => {
        const made = await register(resourceName(file), file);
        assert.notEqual(made.outputs.versionId ?? '', '', `Create must give a versionId: ${made.trace}`);
        assert.deepEqual(made.outputs.versionIds, [made.outputs.versionId], made.trace);
        await assertVersionShown(made.id, made.outputs.versionId, made.trace);
        const byName = await rest.get(`pipelines/names/${made.inputs.name}`);
        assert.equal(byName.status, 200, `GET pipelines/names/${made.inputs.name}: ${byName.text}`);
        assert.equal(byName.body.pipeline_id, made.id, byName.text);
        await remove(made);
        await assertPipelineGone(made.id, made.trace);
      });
    }
  });

  test('each invalid sample fails Check on source, naming the file', async (t) => {
    assert.equal(program.invalid.length, 3, `expected 3 invalid samples, found ${program.invalid.join(', ')}`);
    for (const file of program.invalid) {
      await t.test(file, async () => {
        const checked = await check({ name: resourceName(file), news: { source: file } });
        const onSource = checked.failures.filter((f) => f.property === 'source');
        assert.equal(onSource.length, 1, `expected one failure on source: ${checked.trace}`);
        assert.ok(onSource[0].reason.includes(path.basename(file)), `the reason must name ${path.basename(file)}: ${checked.trace}`);
      });
    }
  });

  test('a YAML sample and its JSON form get the same specHash', async () => {
    const documents = yaml.loadAll(fs.readFileSync(path.join(program.dir, 'add_numbers.yaml'), 'utf8'));
    assert.equal(documents.length, 1, 'add_numbers.yaml must be one YAML document');
    fs.writeFileSync(path.join(program.dir, 'add_numbers.json'), JSON.stringify(documents[0], null, 2));
    const fromYaml = await check({ name: 'from-yaml', news: { source: 'add_numbers.yaml' } });
    const fromJson = await check({ name: 'from-json', news: { source: 'add_numbers.json' } });
    assert.deepEqual(fromJson.failures, [], fromJson.trace);
    assert.match(fromYaml.inputs.specHash ?? '', SPEC_HASH, fromYaml.trace);
    assert.equal(fromJson.inputs.specHash, fromYaml.inputs.specHash, `JSON: ${fromJson.trace}\nYAML: ${fromYaml.trace}`);
  });

  test('an edited source is an in-place update (specHash) that registers a second version', async () => {
    const source = 'editable.yaml';
    const file = path.join(program.dir, source);
    fs.copyFileSync(path.join(program.dir, 'hello_world.yaml'), file);
    const first = await register('editable', source);

    editImages(file, 'public.ecr.aws/docker/library/busybox:1.36.1');
    const checked = await check({ name: 'editable', olds: first.inputs, news: { source } });
    assert.deepEqual(checked.failures, [], checked.trace);
    assert.equal(checked.inputs.name, first.inputs.name, `Check with olds must keep the name: ${checked.trace}`);
    assert.notEqual(checked.inputs.specHash, first.inputs.specHash, `an edited spec must change specHash: ${checked.trace}`);

    const d = await s.diff({ type: PIPELINE, name: 'editable', id: first.id, olds: first.outputs, news: checked.inputs, oldInputs: first.inputs });
    assert.equal(d.changes, 'DIFF_SOME', d.trace);
    assert.deepEqual(d.replaces, [], `a spec change must not replace: ${d.trace}`);
    assert.equal(d.detailedDiff.specHash?.kind, 'UPDATE', d.trace);

    const updated = await s.update({ type: PIPELINE, name: 'editable', id: first.id, olds: first.outputs, news: checked.inputs, oldInputs: first.inputs });
    const { versionId, versionIds, specHash } = updated.properties;
    assert.equal(specHash, checked.inputs.specHash, updated.trace);
    assert.notEqual(versionId, first.outputs.versionId, `Update must register a new version: ${updated.trace}`);
    assert.deepEqual(versionIds, [first.outputs.versionId, versionId], updated.trace);
    await assertVersionShown(first.id, first.outputs.versionId, updated.trace);
    await assertVersionShown(first.id, versionId, updated.trace);

    await del({ name: 'editable', id: first.id, properties: updated.properties, oldInputs: checked.inputs });
    await assertPipelineGone(first.id, updated.trace);
  });

  test('preview: Create(preview) keeps the checked specHash, leaves the KFP outputs unknown and registers nothing', async () => {
    const checked = await check({ name: 'previewed', news: { source: 'container_io.yaml' } });
    assert.deepEqual(checked.failures, [], checked.trace);
    const preview = await create({ name: 'previewed', properties: checked.inputs, preview: true });
    assert.equal(preview.properties.specHash, checked.inputs.specHash, `preview must show the specHash Check computed: ${preview.trace}`);
    assert.equal(preview.properties.name, checked.inputs.name, preview.trace);
    for (const output of ['pipelineId', 'versionId', 'createdAt']) {
      assert.equal(preview.properties[output], UNKNOWN, `preview ${output} must be unknown: ${preview.trace}`);
    }
    const found = await rest.get(`pipelines/names/${checked.inputs.name}`);
    assert.equal(found.status, 404, `Create(preview) registered pipeline ${checked.inputs.name}: ${found.text}`);
  });

  test('refresh after a version was deleted out of band: drift on specHash, and Update uploads it again', async () => {
    const made = await register('drifted', 'pipeline_with_after.yaml');
    const deleted = await rest.del(`pipelines/${made.id}/versions/${made.outputs.versionId}`);
    assert.equal(deleted.status, 200, `emulator DELETE version: ${deleted.text}`);

    const refreshed = await s.read({ type: PIPELINE, name: 'drifted', id: made.id, properties: made.outputs, inputs: made.inputs });
    assert.equal(refreshed.id, made.id, refreshed.trace);
    assert.equal(refreshed.properties.specHash, '', `a deleted version must read as an empty specHash: ${refreshed.trace}`);
    const d = await s.diff({ type: PIPELINE, name: 'drifted', id: made.id, olds: refreshed.properties, news: made.inputs, oldInputs: refreshed.inputs });
    assert.equal(d.changes, 'DIFF_SOME', d.trace);
    assert.deepEqual(d.replaces, [], `drift on the spec must not replace: ${d.trace}`);
    assert.deepEqual(d.detailedDiff.specHash, { kind: 'UPDATE', inputDiff: false }, d.trace);

    const updated = await s.update({ type: PIPELINE, name: 'drifted', id: made.id, olds: refreshed.properties, news: made.inputs, oldInputs: refreshed.inputs });
    assert.equal(updated.properties.specHash, made.inputs.specHash, updated.trace);
    assert.notEqual(updated.properties.versionId, made.outputs.versionId, `Update must upload a new version: ${updated.trace}`);
    await assertVersionShown(made.id, updated.properties.versionId, updated.trace);
    await del({ name: 'drifted', id: made.id, properties: updated.properties, oldInputs: made.inputs });
    await assertPipelineGone(made.id, updated.trace);
  });

  test('import: Read with only the id gives the name and the live spec hash Check computed', async () => {
    const made = await register('original', 'producer_consumer_param_pipeline.yaml');
    const r = await s.read({ type: PIPELINE, name: 'imported', id: made.id });
    assert.equal(r.id, made.id, r.trace);
    assert.ok(r.inputs, `Read for import must return inputs: ${r.trace}`);
    assert.equal(r.inputs.name, made.inputs.name, r.trace);
    assert.equal(r.properties?.specHash, made.inputs.specHash, `the live version must hash as Check did: ${r.trace}`);
    assert.equal(r.properties?.versionId, made.outputs.versionId, r.trace);
    await remove(made);
    await assert.doesNotReject(remove(made), 'Delete of an already-deleted pipeline must succeed');
    await assertPipelineGone(made.id, made.trace);
  });

  test('compilePipeline (Invoke) answers the specHash Check computes', async () => {
    const checked = await check({ name: 'compiled', news: { source: 'add_numbers.yaml' } });
    const invoked = await s.invoke('kfp:index:compilePipeline', { source: 'add_numbers.yaml' });
    assert.deepEqual(invoked.failures, [], invoked.trace);
    assert.match(checked.inputs.specHash ?? '', SPEC_HASH, checked.trace);
    assert.equal(invoked.return.specHash, checked.inputs.specHash, `Invoke: ${invoked.trace}\nCheck: ${checked.trace}`);
    assert.equal(invoked.return.pipelineName, 'add-numbers', invoked.trace);
    assert.ok(yaml.loadAll(invoked.return.spec).length >= 1, 'the compiled spec must be YAML');
  });
});

/** Rewrites every executor's container image in an IR file. */
function editImages(file, image) {
  const spec = yaml.load(fs.readFileSync(file, 'utf8'));
  const executors = Object.values(spec.deploymentSpec.executors);
  assert.ok(executors.length > 0, `${file} has no executors`);
  for (const executor of executors) {
    assert.notEqual(executor.container.image, image, `${file} already uses ${image}`);
    executor.container.image = image;
  }
  fs.writeFileSync(file, yaml.dump(spec));
}
