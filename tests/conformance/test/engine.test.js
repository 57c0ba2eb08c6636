'use strict';
// The mini engine (engine/) runs Pulumi YAML programs against the built provider and emulator the way
// the Pulumi engine calls a provider: preview, up, no-change preview, replacement diff, refresh,
// destroy, secrets, schema and graph errors.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startEmulator, programHeader } = require('../harness.js');
const { run } = require('../../../tools/mini-engine/index.js');
const { statePath } = require('../../../tools/mini-engine/state/store.js');
const { initFailedDetail } = require('../../../tools/mini-engine/plugin/status-details.js');

const TOKEN = 'tok-3c1f9e-never-in-plain-text';
const NOTE = 'note-8d2b7a-never-in-plain-text';

function writeProgram(dir, body) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), programHeader('enginetest') + body);
  return dir;
}

const lifecycleProgram = (description) => `config:
  description:
    type: string
    default: ${JSON.stringify(description)}
  note:
    type: string
    secret: true
resources:
  experiment:
    type: kfp:index:Experiment
    properties:
      description: \${description}
  sibling:
    type: kfp:Experiment
    properties:
      description: Sibling of \${experiment.experimentId}
    options:
      deleteBeforeReplace: false
outputs:
  experimentId: \${experiment.experimentId}
  siblingId: \${sibling.id}
  note: \${note}
`;

test.describe('mini engine', () => {
  let emulator;
  let root;
  let kfp;
  const schemaCache = new Map(); // the first run loads the schema from a plugin process, the rest reuse it

  test.before(async () => {
    emulator = await startEmulator();
    kfp = emulator.endpoints.kfp;
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-engine-'));
  });
  test.after(async () => {
    await emulator.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function engine(command, programDir, { config = [], ...options } = {}) {
    const lines = [];
    const result = await run(command, {
      programDir,
      stateDir: path.join(root, 'state'),
      config: [{ key: 'kfp:host', value: kfp, secret: false }, { key: 'kfp:token', value: TOKEN, secret: true },
        { key: 'note', value: NOTE, secret: true }, ...config],
      write: (line) => lines.push(line),
      schemaCache,
      ...options,
    });
    return { ...result, text: lines.join('\n') };
  }

  const stateText = () => fs.readFileSync(statePath(path.join(root, 'state'), 'enginetest', 'dev'), 'utf8');
  const stateResources = () => JSON.parse(stateText()).checkpoint.latest.resources;
  const getExperiment = (id) => fetch(`${kfp}/apis/v2beta1/experiments/${id}`);
  const assertNoSecretsIn = (text) => {
    assert.ok(!text.includes(TOKEN), 'the secret kfp:token appears in plain text');
    assert.ok(!text.includes(NOTE), 'the secret config value appears in plain text');
  };

  test('an Experiment stack: preview, up, no-change preview, replace diff, refresh, destroy', async (t) => {
    const program = writeProgram(path.join(root, 'lifecycle'), lifecycleProgram('first'));

    await t.test('preview shows creates with unknown outputs and makes nothing', async () => {
      const { exitCode, text } = await engine('preview', program);
      assert.equal(exitCode, 0, text);
      assert.match(text, /^ \+ {2}kfp:index:Experiment +experiment +create$/m);
      assert.match(text, /^ +\+ experimentId: \[unknown\]$/m);
      assert.match(text, /^ +\+ description : \[unknown\]$/m, 'an interpolation of an unknown output is unknown');
      assert.match(text, /^ {2}\+ note: +\[secret\]$/m);
      assert.match(text, /^Resources: \+ 3 to create$/m);
      assert.equal(fs.existsSync(statePath(path.join(root, 'state'), 'enginetest', 'dev')), false, 'preview wrote state');
      assertNoSecretsIn(text);
    });

    let experimentId;
    let siblingId;
    await t.test('up creates the experiments in dependency order and records them', async () => {
      const { exitCode, text, outputs } = await engine('up', program);
      assert.equal(exitCode, 0, text);
      assert.match(text, /^Resources: \+ 3 created$/m);
      assert.ok(text.search(/experiment +created$/m) < text.search(/sibling +created$/m), `sibling was created before experiment:\n${text}`);
      experimentId = outputs.experimentId;
      siblingId = outputs.siblingId;
      const live = await (await getExperiment(siblingId)).json();
      assert.equal(live.description, `Sibling of ${experimentId}`);
      const byUrn = Object.fromEntries(stateResources().map((r) => [r.urn.split('::').pop(), r]));
      assert.equal(byUrn.experiment.id, experimentId);
      assert.deepEqual(byUrn.sibling.dependencies, ['urn:pulumi:dev::enginetest::kfp:index:Experiment::experiment']);
      assert.match(byUrn.default.inputs.token.ciphertext, /^v1:/, 'the provider token is sealed in state');
      assertNoSecretsIn(stateText());
      assertNoSecretsIn(text);
    });

    const faults = (method, body) => fetch(`${kfp}/_emulator/faults`, {
      method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body),
    });

    await t.test('a second preview shows no changes (and the provider\'s one warning that it could not read KFP)', async () => {
      // Live reads fail, so the provider diffs against the recorded state and says so once, as a warning.
      assert.ok((await faults('POST', { path: '/apis/v2beta1/experiments/*', method: 'GET', status: 500, count: 1000 })).ok);
      const { exitCode, text, changes } = await engine('preview', program, { expectNoChanges: true, verbose: true });
      assert.equal(exitCode, 0, text);
      assert.equal(changes, false);
      assert.match(text, /^Resources: 3 unchanged$/m);
      assert.match(text, /^ {4}warning: preview could not read the KFP API at [^\n]*drift is not shown for: experiment /m);
      assert.match(text, /^ {4}info: sibling: not compared with the live cluster either/m);
    });

    await t.test('changing a property previews a replacement with the detailed diff', async () => {
      const { exitCode, text } = await engine('preview', program, {
        config: [{ key: 'description', value: 'second', secret: false }], expectNoChanges: true,
      });
      assert.ok((await faults('DELETE')).ok);
      assert.equal(exitCode, 1, 'changes were proposed although --expect-no-changes was given');
      assert.match(text, /^error: no changes were expected but changes were proposed/m);
      assert.doesNotMatch(text, /debug:/, 'debug messages are shown only when verbose');
      assert.match(text, /^ -\+ kfp:index:Experiment +experiment +replace \[diff: ~description\]$/m, 'the provider asks for delete-before-replace');
      assert.match(text, /^ +~ description: "first" => "second" \(forces replacement\)$/m);
      assert.match(text, /^ \+- kfp:index:Experiment +sibling +replace \[diff: ~description\]$/m, 'the dependent sees an unknown ID');
      assert.match(text, /^Resources: \+- 2 to replace, 1 unchanged$/m);
      assert.equal((await getExperiment(experimentId)).status, 200, 'preview deleted something');
    });

    await t.test('up replaces: delete-before-replace as Diff asks, create-before-delete as the option asks', async () => {
      const { exitCode, text, outputs } = await engine('up', program, { config: [{ key: 'description', value: 'second', secret: false }] });
      assert.equal(exitCode, 0, text);
      const lines = text.split('\n');
      const at = (re) => lines.findIndex((l) => re.test(l));
      assert.ok(at(/^ -\+ kfp:index:Experiment +experiment +replaced/) >= 0, text);
      assert.ok(at(/^ \+- kfp:index:Experiment +sibling +replaced/) > at(/experiment +replaced/), text);
      assert.ok(at(/^ - {2}kfp:index:Experiment +sibling +deleted original$/) > at(/sibling +replaced/), 'the old sibling goes last');
      assert.match(text, /^Resources: \+- 2 replaced, 1 unchanged$/m);
      assert.equal((await getExperiment(experimentId)).status, 404);
      assert.equal((await getExperiment(siblingId)).status, 404);
      assert.notEqual(outputs.siblingId, siblingId);
      experimentId = outputs.experimentId;
      siblingId = outputs.siblingId;
      assert.equal((await (await getExperiment(siblingId)).json()).description, `Sibling of ${experimentId}`);
      assert.ok(stateResources().every((r) => !r.delete), 'a pending delete stayed in state');
    });

    await t.test('preview shows the provider\'s drift warning for an experiment deleted outside Pulumi', async () => {
      const deleted = await fetch(`${kfp}/apis/v2beta1/experiments/${siblingId}`, { method: 'DELETE' });
      assert.ok(deleted.ok, `DELETE answered ${deleted.status}`);
      const { exitCode, text } = await engine('preview', program);
      assert.equal(exitCode, 0, text);
      assert.match(text, /^Diagnostics:\n {2}kfp:index:Experiment \(sibling\):\n {4}warning: .*sibling.* deleted outside Pulumi/m);
      assert.match(text, /^ [-+]{2} kfp:index:Experiment +sibling +replace \[diff: [^\]]*experimentId/m);
    });

    await t.test('refresh removes an experiment deleted outside Pulumi from state and shows what changed', async () => {
      const archived = await fetch(`${kfp}/apis/v2beta1/experiments/${experimentId}:archive`, { method: 'POST' });
      assert.ok(archived.ok, `archive answered ${archived.status}`);
      const { exitCode, text } = await engine('refresh', program);
      assert.equal(exitCode, 0, text);
      assert.match(text, /^ - {2}kfp:index:Experiment +sibling +deleted$/m);
      assert.match(text, /^ ~ {2}kfp:index:Experiment +experiment +updated \[diff: ~storageState\]\n +~ storageState: "AVAILABLE" => "ARCHIVED"$/m);
      assert.match(text, /^Resources: ~ 1 updated, - 1 deleted, 1 unchanged$/m);
      assert.deepEqual(stateResources().map((r) => r.urn.split('::').pop()).sort(), ['default', 'enginetest-dev', 'experiment']);
    });

    await t.test('destroy deletes the rest and empties the state', async () => {
      const { exitCode, text } = await engine('destroy', program);
      assert.equal(exitCode, 0, text);
      assert.match(text, /^Resources: - 2 deleted$/m);
      assert.equal((await getExperiment(experimentId)).status, 404);
      assert.deepEqual(stateResources(), []);
    });
  });

  test('an unknown resource type fails before any resource call, naming the type and what exists', async () => {
    const program = writeProgram(path.join(root, 'unknown-type'), `resources:
  thing:
    type: kfp:index:NoSuchThing
`);
    const { exitCode, text } = await engine('preview', program);
    assert.equal(exitCode, 1);
    assert.match(text, /error: resource 'thing' has type 'kfp:index:NoSuchThing', which package kfp \(v[^)]+\) does not define; it defines .*kfp:index:Experiment/);
  });

  test('a dependency cycle is a clear error', async () => {
    const program = writeProgram(path.join(root, 'cycle'), `resources:
  a:
    type: kfp:index:Experiment
    properties:
      description: \${b.name}
  b:
    type: kfp:index:Experiment
    properties:
      description: \${a.name}
`);
    const { exitCode, text } = await engine('preview', program);
    assert.equal(exitCode, 1);
    assert.match(text, /error: the program has a dependency cycle: a -> b -> a/);
  });

  test('expressions: interpolation, secrets and unknowns propagate; fn::invoke is skipped on unknown arguments', async () => {
    const { parseExpression } = require('../../../tools/mini-engine/program/expressions.js');
    const { evaluate } = require('../../../tools/mini-engine/program/evaluate.js');
    const values = require('../../../tools/mini-engine/values.js');
    const calls = [];
    const scope = {
      dir: root,
      dryRun: true,
      lookup: (name) => ({
        known: { kind: 'resource', resource: { urn: 'urn:x', id: 'id-1', outputs: { name: 'n', list: ['a', 'b'] } } },
        pending: { kind: 'resource', resource: { urn: 'urn:y', id: values.UNKNOWN, outputs: {}, pending: true } },
        token: { kind: 'value', value: values.secret('s3') },
      }[name]),
      invoke: async (call, args) => { calls.push(args); return { spec: `compiled ${values.unwrapSecret(args.source)[0]}`, hash: 'h' }; },
    };
    const run = (expr) => evaluate(parseExpression(expr, 'test'), scope, 'test');
    assert.equal(await run('${known.name}-${known.list[1]} $${literal}'), 'n-b ${literal}');
    assert.deepEqual(await run('${token}'), values.secret('s3'));
    assert.deepEqual(await run('Bearer ${token}'), values.secret('Bearer s3'));
    assert.equal(await run('${pending.id}'), values.UNKNOWN);
    assert.equal(await run('x-${pending.anything}'), values.UNKNOWN);
    assert.deepEqual(await run('${known}'), values.resourceRef('urn:x', 'id-1'));
    const invoke = (source) => ({ 'fn::invoke': { function: 'kfp:index:compilePipeline', arguments: { source }, return: 'spec' } });
    assert.equal(await run(invoke('${known.name}')), 'compiled n');
    assert.deepEqual(await run(invoke('${token}')), values.secret('compiled s3'), 'a secret argument makes the result secret');
    assert.equal(await run(invoke('${pending.id}')), values.UNKNOWN);
    assert.equal(calls.length, 2, 'the invoke with an unknown argument was not skipped');
    await assert.rejects(run('${known.list.x.y}'), /cannot read 'y' of a missing value/);
  });

  test('ErrorResourceInitFailed is read from grpc-status-details-bin', () => {
    const providerPb = require('@pulumi/pulumi/proto/provider_pb.js');
    const structPb = require('google-protobuf/google/protobuf/struct_pb.js');
    const { BinaryWriter } = require('google-protobuf');
    const detail = new providerPb.ErrorResourceInitFailed();
    detail.setId('exp-1');
    detail.setProperties(structPb.Struct.fromJavaScript({ name: 'x' }));
    detail.setReasonsList(['not healthy']);
    const any = new BinaryWriter();
    any.writeString(1, 'type.googleapis.com/pulumirpc.ErrorResourceInitFailed');
    any.writeBytes(2, detail.serializeBinary());
    const status = new BinaryWriter();
    status.writeInt32(1, 2);
    status.writeString(2, 'create failed');
    status.writeBytes(3, any.getResultBuffer());
    const metadata = { get: (key) => (key === 'grpc-status-details-bin' ? [Buffer.from(status.getResultBuffer())] : []) };
    assert.deepEqual(initFailedDetail({ metadata }), { id: 'exp-1', properties: { name: 'x' }, inputs: null, reasons: ['not healthy'] });
    assert.equal(initFailedDetail({ metadata: { get: () => [] } }), null);
  });
});
