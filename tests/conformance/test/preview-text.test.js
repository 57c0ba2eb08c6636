'use strict';
// What `preview --diff` prints, as text, for each kind of change a reviewer meets: the mini engine (tools/mini-engine,
// what `bin/kfp-dev preview --diff` runs) against the emulator and the built provider. Each case's output is compared
// with fixtures/preview-text/<case>.txt, and every block of the docs marked `<!-- preview-text: <case> -->` (the line
// before its code fence) must equal that file, so the samples in docs/pipeline-diffs.md and the README are real output.
//
// Volatile parts are normalised in one way, by normalise() below:
// - `[id=<any>]` becomes `[id=…]`;
// - each distinct `sha256:<64 hex>` becomes `sha256:<hashN>`, numbered from 1 in order of first appearance;
// - the emulator's registry address (`127.0.0.1:<port>`) becomes `registry.example`.
//
// After a deliberate change of the output: UPDATE_PREVIEW_TEXT=1 npm test -- test/preview-text.test.js rewrites the
// files and the marked doc blocks; review the diff and commit them.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startEmulator, programHeader: header } = require('../harness.js');
const { ir, BASE, changed } = require('../lib/ir.js');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const { run } = require(path.join(repoRoot, 'tools', 'mini-engine', 'index.js'));
const { statePath } = require(path.join(repoRoot, 'tools', 'mini-engine', 'state', 'store.js'));
const EXPECTED = path.resolve(__dirname, '..', 'fixtures', 'preview-text');
const DOCS = ['docs/pipeline-diffs.md', 'README.md'];
const UPDATE = process.env.UPDATE_PREVIEW_TEXT === '1';
const MARKER = /^(<!-- preview-text: ([a-z0-9-]+) -->\n```[a-z]*\n)([\s\S]*?)(```)$/gm;

/** The one normalisation of volatile parts (see the header). */
function normalise(text, { registry } = {}) {
  const hashes = new Map();
  let out = text.replace(/\[id=[^\]]*\]/g, '[id=…]')
    .replace(/sha256:[0-9a-f]{64}/g, (h) => {
      if (!hashes.has(h)) {
        hashes.set(h, `sha256:<hash${hashes.size + 1}>`);
      }
      return hashes.get(h);
    });
  if (registry) {
    out = out.split(registry).join('registry.example');
  }
  return out.endsWith('\n') ? out : `${out}\n`;
}

/** Compares one case's text with its expected file (or writes it with UPDATE_PREVIEW_TEXT=1). */
function expectText(name, text) {
  const file = path.join(EXPECTED, `${name}.txt`);
  if (UPDATE) {
    fs.mkdirSync(EXPECTED, { recursive: true });
    fs.writeFileSync(file, text);
    return;
  }
  assert.ok(fs.existsSync(file), `no expected text ${path.relative(repoRoot, file)}; run with UPDATE_PREVIEW_TEXT=1 to write it`);
  assert.equal(text, fs.readFileSync(file, 'utf8'), `the preview text of '${name}' differs from ${path.relative(repoRoot, file)}`);
}

test.describe('preview --diff text, compared with the expected text the docs paste', () => {
  let emulator;
  let kfp;
  let root;
  const schemaCache = new Map();

  test.before(async () => {
    emulator = await startEmulator();
    kfp = emulator.endpoints.kfp;
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-preview-text-'));
  });
  test.after(async () => {
    await emulator?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  function program(name, body) {
    const dir = path.join(root, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), header(name) + body);
    return dir;
  }

  async function engine(command, dir, { config = [], ...options } = {}) {
    const lines = [];
    const result = await run(command, {
      programDir: dir,
      stateDir: path.join(dir, '.state'),
      config: [{ key: 'kfp:host', value: kfp, secret: false }, ...config],
      write: (line) => lines.push(line),
      schemaCache,
      ...options,
    });
    return { ...result, text: lines.join('\n') };
  }

  /** `up`, asserting success. */
  async function up(dir, options) {
    const result = await engine('up', dir, options);
    assert.equal(result.exitCode, 0, result.text);
    return result;
  }

  /** `preview --diff`, asserting success, normalised. */
  async function previewText(dir, options) {
    const result = await engine('preview', dir, { diff: true, ...options });
    assert.equal(result.exitCode, 0, result.text);
    return normalise(result.text, options?.normaliseWith);
  }

  test('a pipeline: image, argument, added and removed task, parameter default, platform setting', async (t) => {
    const dir = program('reviewed', `resources:
  pipeline:
    type: kfp:index:Pipeline
    properties:
      name: reviewed
      source: reviewed.yaml
`);
    const source = (spec) => fs.writeFileSync(path.join(dir, 'reviewed.yaml'), ir(spec));
    source(BASE);
    await up(dir);
    const withPush = changed((s) => { s.tasks['push-model'] = { image: 'pusher:v1', after: ['evaluate'] }; });
    const cases = [
      ['image', changed((s) => { s.tasks.train.image = 'trainer:v2'; })],
      ['argument', changed((s) => { s.tasks.train.args = ['--epochs', '5']; })],
      ['added-task', withPush],
      ['parameter-default', changed((s) => { s.parameters.greeting = 'hi'; })],
      ['platform-setting', changed((s) => { s.kubernetes.train.nodeSelector.labels.pool = 'gpu'; })],
    ];
    for (const [name, spec] of cases) {
      await t.test(name, async () => {
        source(spec);
        expectText(name, await previewText(dir));
      });
    }
    await t.test('removed-task', async () => {
      source(withPush);
      await up(dir);
      source(BASE);
      expectText('removed-task', await previewText(dir));
    });
  });

  test('a pipeline with pinImageDigests: a tag moved in the registry, then a rotated password inside registries', async (t) => {
    const registry = emulator.endpoints.registry;
    const host = new URL(registry).host;
    const post = (p, body) => fetch(`${registry}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const seed = async () => assert.ok((await post('/_emulator/images', { repository: 'team/trainer', tag: 'v1' })).ok);
    const password = async (value) => assert.ok((await post('/_emulator/users', { username: 'robot', password: value })).ok);
    await password('first-password');
    await seed();
    const dir = program('pinned', `config:
  registryPassword:
    type: string
    secret: true
resources:
  pipeline:
    type: kfp:index:Pipeline
    properties:
      name: pinned
      source: pinned.yaml
      pinImageDigests: true
      registries:
        - server: ${host}
          username: robot
          password: \${registryPassword}
          insecure: true
`);
    fs.writeFileSync(path.join(dir, 'pinned.yaml'), ir({ tasks: { train: { image: `${host}/team/trainer:v1` } } }));
    const secretConfig = (value) => [{ key: 'registryPassword', value, secret: true }];
    await up(dir, { config: secretConfig('first-password') });

    await t.test('moved-tag', async () => {
      await seed();
      const text = await previewText(dir, { config: secretConfig('first-password'), normaliseWith: { registry: host } });
      expectText('moved-tag', text);
      await up(dir, { config: secretConfig('first-password') });
    });
    await t.test('secret-in-list', async () => {
      await password('rotated-password');
      const text = await previewText(dir, { config: secretConfig('rotated-password'), normaliseWith: { registry: host } });
      assert.ok(!text.includes('rotated-password') && !text.includes('first-password'), `a password in plain text:\n${text}`);
      expectText('secret-in-list', text);
    });
  });

  test('a schedule: the cron as written, compared by meaning, through import and refresh', async (t) => {
    const pipelineBlock = `resources:
  pipeline:
    type: kfp:index:Pipeline
    properties:
      name: scheduled
      source: scheduled.yaml
`;
    const nightly = (cron) => `  nightly:
    type: kfp:index:RecurringRun
    properties:
      name: nightly
      pipelineId: \${pipeline.pipelineId}
      cron: "${cron}"
`;
    const dir = program('scheduled', pipelineBlock + nightly('0 2 * * *'));
    const file = path.join(dir, 'Pulumi.yaml');
    fs.writeFileSync(path.join(dir, 'scheduled.yaml'), ir(BASE));
    const stateOf = (name) => JSON.parse(fs.readFileSync(statePath(path.join(dir, '.state'), 'scheduled', 'dev'), 'utf8'))
      .checkpoint.latest.resources.find((r) => r.urn.endsWith(`::${name}`));
    await up(dir);
    assert.equal(stateOf('nightly').inputs.cron, '0 2 * * *');
    assert.equal(stateOf('nightly').outputs.kfpCron, '0 0 2 * * *');

    await t.test('cron', async () => {
      fs.writeFileSync(file, header('scheduled') + pipelineBlock + nightly('0 3 * * *'));
      expectText('cron', await previewText(dir));
      fs.writeFileSync(file, header('scheduled') + pipelineBlock + nightly('0 0 2 * * *'));
      assert.equal((await engine('preview', dir, { expectNoChanges: true })).exitCode, 0, 'KFP\'s spelling of the same schedule is a change');
    });

    await t.test('an imported schedule (KFP form) and the program\'s 5-field cron do not differ', async (inner) => {
      const pipelineId = stateOf('pipeline').outputs.pipelineId;
      const made = await (await fetch(`${kfp}/apis/v2beta1/recurringruns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          display_name: 'made-in-ui',
          pipeline_version_reference: { pipeline_id: pipelineId },
          trigger: { cron_schedule: { cron: '0 30 1 * * *' } },
          max_concurrency: '1',
          no_catchup: true,
          mode: 'ENABLE',
        }),
      })).json();
      const kept = pipelineBlock + nightly('0 2 * * *');
      fs.writeFileSync(file, header('scheduled') + kept);
      const imported = await engine('import', dir, { importSpec: { type: 'kfp:index:RecurringRun', name: 'adopted', id: made.recurring_run_id } });
      assert.equal(imported.exitCode, 0, imported.text);
      assert.match(imported.text, /^ {6}cron: 30 1 \* \* \*$/m, imported.text);
      const block = imported.text.slice(imported.text.indexOf('  adopted:\n')).split('\n').filter((l) => l.startsWith('  ')).join('\n');
      for (const cron of ['30 1 * * *', '0 30 1 * * *']) {
        fs.writeFileSync(file, `${header('scheduled')}${kept}${block.replace(/^( {6}cron: ).*$/m, `$1"${cron}"`)}\n`);
        const preview = await engine('preview', dir, { expectNoChanges: true });
        assert.equal(preview.exitCode, 0, `cron "${cron}" differs from the imported schedule:\n${preview.text}`);
      }
      fs.writeFileSync(file, `${header('scheduled')}${kept}${block}\n`);
      await up(dir);
      assert.equal(stateOf('adopted').inputs.cron, '30 1 * * *');

      await inner.test('refresh after the schedule was disabled in the cluster keeps the cron as written', async () => {
        const id = stateOf('adopted').id;
        assert.ok((await fetch(`${kfp}/apis/v2beta1/recurringruns/${id}:disable`, { method: 'POST' })).ok);
        const refreshed = await engine('refresh', dir);
        assert.equal(refreshed.exitCode, 0, refreshed.text);
        const after = stateOf('adopted');
        assert.equal(after.inputs.cron, '30 1 * * *');
        assert.equal(after.inputs.enabled, false);
        assert.equal(after.outputs.kfpCron, '0 30 1 * * *');
        assert.equal(after.outputs.status, 'DISABLED');
        const preview = await engine('preview', dir);
        assert.match(preview.text, /^ ~ +kfp:index:RecurringRun +adopted +update \[diff: ~enabled\]\n +~ enabled: false => true$/m, preview.text);
      });
    });
  });

  test('an experiment\'s description (the README\'s program)', async () => {
    const experiment = (description) => `resources:
  experiment:
    type: kfp:index:Experiment
    properties:
      name: my-team-runs
      description: ${JSON.stringify(description)}
outputs:
  experimentId: \${experiment.experimentId}
`;
    const dir = program('my-team', experiment("Runs of my team's pipelines"));
    await up(dir);
    fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), header('my-team') + experiment('Nightly runs'));
    expectText('experiment-description', await previewText(dir));
  });

  test('every marked block in the docs is the expected text of its case', () => {
    const blocks = [];
    for (const doc of DOCS) {
      const file = path.join(repoRoot, doc);
      let content = fs.readFileSync(file, 'utf8');
      content = content.replace(MARKER, (whole, opening, name, body, closing) => {
        blocks.push({ doc, name });
        const expected = fs.readFileSync(path.join(EXPECTED, `${name}.txt`), 'utf8');
        if (UPDATE) {
          return opening + expected + closing;
        }
        assert.equal(body, expected, `${doc}: the block marked '${name}' differs from fixtures/preview-text/${name}.txt (run with UPDATE_PREVIEW_TEXT=1)`);
        return whole;
      });
      if (UPDATE) {
        fs.writeFileSync(file, content);
      }
    }
    const named = (doc) => blocks.filter((b) => b.doc === doc).map((b) => b.name).sort();
    assert.deepEqual(named('README.md'), ['experiment-description']);
    assert.ok(named('docs/pipeline-diffs.md').length >= 8, `docs/pipeline-diffs.md pastes ${named('docs/pipeline-diffs.md').length} cases`);
  });
});
