'use strict';
// What users reach for in the mini engine (tools/mini-engine), against the built provider and emulator:
// detailed diffs with nested paths (flat and --diff), secrets masked, --expect-no-changes, drift with
// and without --refresh, --target, --replace, import, stack output, explicit provider resources, a
// failed step's error printed once, destroy listing what it leaves behind, ephemeral status rows.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startEmulator, programHeader: header } = require('../harness.js');
const engineDir = path.resolve(__dirname, '..', '..', '..', 'tools', 'mini-engine');
const { run, stackOutputs } = require(path.join(engineDir, 'index.js'));
const { statePath } = require(path.join(engineDir, 'state', 'store.js'));

const SECRET_ONE = 'key-5d1e0b-never-in-plain-text';
const SECRET_TWO = 'key-9a7c44-never-in-plain-text';
const PIPELINE = path.resolve(__dirname, '..', '..', '..', 'examples', 'scheduled-pipeline', 'pipeline.yaml');

const scheduleProgram = `config:
  epochs:
    type: integer
    default: 5
  apiKey:
    type: string
    secret: true
resources:
  experiment:
    type: kfp:index:Experiment
    properties:
      description: \${apiKey}
  pipeline:
    type: kfp:index:Pipeline
    properties:
      source: pipeline.yaml
  nightly:
    type: kfp:index:RecurringRun
    properties:
      pipelineId: \${pipeline.pipelineId}
      experimentId: \${experiment.experimentId}
      cron: "0 3 * * *"
      parameters:
        epochs: \${epochs}
  smoke:
    type: kfp:index:Run
    properties:
      pipelineId: \${pipeline.pipelineId}
      experimentId: \${experiment.experimentId}
      waitForCompletion: false
outputs:
  recurringRunId: \${nightly.recurringRunId}
  experimentId: \${experiment.experimentId}
`;

test.describe('mini engine commands', () => {
  let emulator;
  let kfp;
  let root;
  const schemaCache = new Map();

  test.before(async () => {
    emulator = await startEmulator();
    kfp = emulator.endpoints.kfp;
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-engine-commands-'));
  });
  test.after(async () => {
    await emulator.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  function writeProgram(name, body) {
    const dir = path.join(root, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(PIPELINE, path.join(dir, 'pipeline.yaml'));
    fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), header(name) + body);
    return dir;
  }

  async function engine(command, programDir, { config = [], apiKey = SECRET_ONE, ...options } = {}) {
    const lines = [];
    const result = await run(command, {
      programDir,
      stateDir: path.join(programDir, '.state'),
      config: [{ key: 'kfp:host', value: kfp, secret: false }, { key: 'apiKey', value: apiKey, secret: true }, ...config],
      write: (line) => lines.push(line),
      schemaCache,
      ...options,
    });
    return { ...result, text: lines.join('\n') };
  }

  const kfpPost = (p, body) => fetch(`${kfp}/apis/v2beta1/${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  const assertNoSecrets = (text) => {
    assert.ok(!text.includes(SECRET_ONE) && !text.includes(SECRET_TWO), `a secret appears in plain text:\n${text}`);
  };

  test('a stack with a schedule and a run: diffs, drift, targets, replace, import, outputs, destroy', async (t) => {
    const program = writeProgram('schedule', scheduleProgram);
    const up = await engine('up', program);
    assert.equal(up.exitCode, 0, up.text);

    await t.test('a changed map entry shows with its path; a secret as [secret]; --expect-no-changes fails', async () => {
      const { exitCode, text } = await engine('preview', program, { config: [{ key: 'epochs', value: '7', secret: false }], apiKey: SECRET_TWO, expectNoChanges: true });
      assert.equal(exitCode, 1, text);
      assert.match(text, /^ +~ parameters\.epochs: 5 => 7 \(forces replacement\)$/m);
      assert.match(text, /^ +~ description: \[secret\] => \[secret\] \(forces replacement\)$/m);
      assert.match(text, /^error: no changes were expected but changes were proposed \(--expect-no-changes\)$/m);
      assertNoSecrets(text);
    });

    await t.test('--diff prints nested blocks with [id] and [urn], as pulumi preview --diff does', async () => {
      const { exitCode, text } = await engine('preview', program, { config: [{ key: 'epochs', value: '7', secret: false }], apiKey: SECRET_TWO, diff: true });
      assert.equal(exitCode, 0, text);
      assert.match(text, /^ {2}pulumi:pulumi:Stack: \(same\)\n {4}\[urn=urn:pulumi:dev::schedule::pulumi:pulumi:Stack::schedule-dev\]$/m);
      assert.match(text, /^ {4}[-+]{2}kfp:index:RecurringRun: \(replace\)\n {8}\[id=[0-9a-f-]+\]\n {8}\[urn=urn:pulumi:dev::schedule::kfp:index:RecurringRun::nightly\]\n/m);
      assert.match(text, /^ {6}~ parameters +: \{\n {10}~ epochs: 5 => 7 \(forces replacement\)\n {8}\}$/m);
      assert.match(text, /^ {6}~ description: \[secret\] => \[secret\] \(forces replacement\)$/m);
      assertNoSecrets(text);
    });

    await t.test('drift: preview shows the recorded value, preview --refresh the live one', async () => {
      const id = up.outputs.recurringRunId;
      assert.ok((await kfpPost(`recurringruns/${id}:disable`)).ok);
      const plain = await engine('preview', program);
      assert.match(plain.text, /^ +~ enabled: true => true$/m, plain.text);
      const refreshed = await engine('preview', program, { refresh: true, expectNoChanges: true });
      assert.equal(refreshed.exitCode, 1, refreshed.text);
      assert.match(refreshed.text, /^ ~ {2}kfp:index:RecurringRun +nightly +update \[diff: ~enabled\]\n +~ enabled: false => true$/m);
      const stateAfter = fs.readFileSync(statePath(path.join(program, '.state'), 'schedule', 'dev'), 'utf8');
      assert.doesNotMatch(stateAfter, /"enabled": false/, 'preview --refresh wrote the refreshed state');
      const fixed = await engine('up', program, { refresh: true });
      assert.equal(fixed.exitCode, 0, fixed.text);
      assert.equal((await engine('preview', program, { expectNoChanges: true })).exitCode, 0);
    });

    await t.test('--target limits the update to the named resources; --replace forces a replacement', async () => {
      const targeted = await engine('preview', program, { config: [{ key: 'epochs', value: '9', secret: false }], apiKey: SECRET_TWO, targets: ['nightly'] });
      assert.equal(targeted.exitCode, 0, targeted.text);
      assert.match(targeted.text, /nightly +replace/);
      assert.doesNotMatch(targeted.text, /experiment +replace/, 'an untargeted resource was replaced');
      assert.match(targeted.text, /^Resources: \+- 1 to replace, 4 unchanged$/m);
      const replaced = await engine('preview', program, { replaces: ['smoke'] });
      assert.match(replaced.text, /^ \+- kfp:index:Run +smoke +replace$/m, replaced.text);
      assert.match(replaced.text, /^Resources: \+- 1 to replace, 4 unchanged$/m);
      const typo = await engine('preview', program, { targets: ['nigthly'] });
      assert.equal(typo.exitCode, 1);
      assert.match(typo.text, /error: --target nigthly: no such resource in the program or the state/);
    });

    await t.test('import adopts an experiment; the printed YAML makes the next preview empty', async () => {
      const made = await (await kfpPost('experiments', { display_name: 'adopted-team', description: 'made by hand' })).json();
      const imported = await engine('import', program, { importSpec: { type: 'kfp:index:Experiment', name: 'adopted', id: made.experiment_id } });
      assert.equal(imported.exitCode, 0, imported.text);
      assert.match(imported.text, /^ = {2}kfp:index:Experiment +adopted +imported$/m);
      const block = imported.text.split('\n').filter((l) => l.startsWith('  ')).slice(-5).join('\n');
      assert.match(block, /^ {2}adopted:\n {4}type: kfp:index:Experiment\n {4}properties:\n {6}description: made by hand\n {6}name: adopted-team$/);
      const file = path.join(program, 'Pulumi.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('outputs:\n', `${block}\noutputs:\n`));
      const after = await engine('preview', program, { expectNoChanges: true });
      assert.equal(after.exitCode, 0, after.text);
    });

    await t.test('stack output prints one value, all values, or JSON', () => {
      const lines = [];
      const write = (l) => lines.push(l);
      const stateDir = path.join(program, '.state');
      stackOutputs({ programDir: program, stateDir, name: 'recurringRunId', write });
      assert.deepEqual(lines, [up.outputs.recurringRunId]);
      lines.length = 0;
      stackOutputs({ programDir: program, stateDir, json: true, write });
      assert.deepEqual(Object.keys(JSON.parse(lines.join('\n'))).sort(), ['experimentId', 'recurringRunId']);
      assert.throws(() => stackOutputs({ programDir: program, stateDir, name: 'nope', write }), /does not have output property 'nope'/);
    });

    await t.test('destroy --target needs the dependents too; destroy lists the run it leaves in KFP', async () => {
      const partial = await engine('destroy', program, { targets: ['experiment'] });
      assert.equal(partial.exitCode, 1);
      assert.match(partial.text, /error: '(nightly|smoke)' depends on 'experiment', which would be destroyed; add --target (nightly|smoke) too/);
      const runId = JSON.parse(fs.readFileSync(statePath(path.join(program, '.state'), 'schedule', 'dev'), 'utf8'))
        .checkpoint.latest.resources.find((r) => r.urn.endsWith('::smoke')).id;
      const destroyed = await engine('destroy', program);
      assert.equal(destroyed.exitCode, 0, destroyed.text);
      assert.match(destroyed.text, new RegExp(`^Left in place by design:\\n {4}kfp:index:Run \\(smoke\\): ${runId} stays in KFP \\(deleteOnDestroy is false\\)`, 'm'));
      assert.equal((await fetch(`${kfp}/apis/v2beta1/runs/${runId}`)).status, 200, 'the run was deleted');
    });
  });

  test('an explicit provider resource configures the resources that name it', async () => {
    const program = writeProgram('explicit', `config:
  teamHost:
    type: string
resources:
  team:
    type: pulumi:providers:kfp
    properties:
      host: \${teamHost}
      offlineDiff: false
  experiment:
    type: kfp:index:Experiment
    properties:
      description: through the team provider
    options:
      provider: \${team}
outputs:
  experimentId: \${experiment.experimentId}
`);
    // No kfp:host for the default provider: only the explicit one can reach KFP.
    const options = { config: [{ key: 'teamHost', value: kfp, secret: false }] };
    const lines = [];
    const write = (l) => lines.push(l);
    const base = { programDir: program, stateDir: path.join(program, '.state'), write, schemaCache, ...options };
    const up = await run('up', base);
    assert.equal(up.exitCode, 0, lines.join('\n'));
    assert.match(lines.join('\n'), /^ \+ {2}pulumi:providers:kfp +team +created\n +\+ host +: "http:\/\/127\.0\.0\.1:\d+"\n +\+ offlineDiff: "false"$/m);
    const resources = JSON.parse(fs.readFileSync(statePath(base.stateDir, 'explicit', 'dev'), 'utf8')).checkpoint.latest.resources;
    const provider = resources.find((r) => r.urn.endsWith('pulumi:providers:kfp::team'));
    assert.equal(resources.find((r) => r.urn.endsWith('::experiment')).provider, `${provider.urn}::${provider.id}`);
    assert.equal((await fetch(`${kfp}/apis/v2beta1/experiments/${up.outputs.experimentId}`)).status, 200);
    assert.equal((await run('preview', { ...base, expectNoChanges: true })).exitCode, 0, lines.join('\n'));
    lines.length = 0;
    assert.equal((await run('destroy', base)).exitCode, 0, lines.join('\n'));
    assert.equal((await fetch(`${kfp}/apis/v2beta1/experiments/${up.outputs.experimentId}`)).status, 404);
  });

  test('a failed step prints its error once', async () => {
    const program = writeProgram('failing', `resources:
  pipeline:
    type: kfp:index:Pipeline
    properties:
      source: pipeline.yaml
  taken:
    type: kfp:index:Experiment
    properties:
      name: \${pipeline.name}
  clash:
    type: kfp:index:Experiment
    properties:
      name: \${pipeline.name}
      description: not the same experiment
    options:
      dependsOn:
        - \${taken}
`);
    const clash = await engine('up', program);
    assert.equal(clash.exitCode, 1, clash.text);
    assert.equal(clash.text.split('\n').filter((l) => /^ +error: /.test(l)).length, 1, clash.text);
    assert.match(clash.text, /kfp:index:Experiment \(clash\):\n +error: clash: create failed/);

    // A run that outlives its timeout is kept as partial state; its one reason is printed once.
    fs.writeFileSync(path.join(program, 'Pulumi.yaml'), `${header('failing')}resources:
  pipeline:
    type: kfp:index:Pipeline
    properties:
      source: pipeline.yaml
  smoke:
    type: kfp:index:Run
    properties:
      pipelineId: \${pipeline.pipelineId}
      waitForCompletion: true
      timeoutSeconds: 2
`);
    const fault = { path: '/apis/v2beta1/runs/*', method: 'GET', status: 0, delayMs: 5000, count: 3 };
    assert.ok((await fetch(`${kfp}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) })).ok);
    try {
      const slow = await engine('up', program);
      assert.equal(slow.exitCode, 1, slow.text);
      const reason = /did not finish within 2 s/g;
      assert.equal(slow.text.match(reason)?.length, 1, slow.text);
      assert.match(slow.text, /the resource was created but is not healthy: it is kept in the state/);
    } finally {
      await fetch(`${kfp}/_emulator/faults`, { method: 'DELETE' });
    }
  });

  test('ephemeral status messages show on the row of the resource being worked on', async () => {
    const grpc = require(path.join(engineDir, 'node_modules', '@grpc', 'grpc-js'));
    const engineGrpc = require(path.join(engineDir, 'node_modules', '@pulumi', 'pulumi', 'proto', 'engine_grpc_pb.js'));
    const enginePb = require(path.join(engineDir, 'node_modules', '@pulumi', 'pulumi', 'proto', 'engine_pb.js'));
    const { startEngineServer } = require(path.join(engineDir, 'plugin', 'engine-server.js'));
    const { Renderer } = require(path.join(engineDir, 'display', 'renderer.js'));
    const lines = [];
    const renderer = new Renderer({ write: (l) => lines.push(l), dryRun: false });
    const server = await startEngineServer((entry) => renderer.log(entry));
    const client = new engineGrpc.EngineClient(server.address, grpc.credentials.createInsecure());
    const log = (message, ephemeral, severity = 1) => new Promise((resolve, reject) => {
      const request = new enginePb.LogRequest();
      request.setSeverity(severity);
      request.setMessage(message);
      request.setUrn('urn:pulumi:dev::p::kfp:index:Run::smoke');
      request.setEphemeral(ephemeral);
      client.log(request, (e) => (e ? reject(e) : resolve()));
    });
    try {
      renderer.setRows([{ type: 'kfp:index:Run', name: 'smoke' }]);
      renderer.begin({ op: 'create', type: 'kfp:index:Run', name: 'smoke', urn: 'urn:pulumi:dev::p::kfp:index:Run::smoke' });
      await log('Waiting for run 42 (RUNNING)', true);
      await log('Waiting for run 42 (RUNNING)', true);
      await log('run 42 is slow', true, 2);
      await log('', true);
      renderer.step({ op: 'create', type: 'kfp:index:Run', name: 'smoke', urn: 'urn:pulumi:dev::p::kfp:index:Run::smoke', properties: {} });
      renderer.flushDiagnostics();
      assert.deepEqual(lines, [
        ' +  kfp:index:Run  smoke  creating Waiting for run 42 (RUNNING)',
        ' +  kfp:index:Run  smoke  creating warning: run 42 is slow',
        ' +  kfp:index:Run  smoke  created',
      ]);
    } finally {
      client.close();
      await server.close();
    }
  });
});
