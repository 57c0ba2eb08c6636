'use strict';
// Every example program in examples/ is deployed against the emulator with the mini engine, as
// `pulumi up` would deploy it: up, then a preview that must be empty, then destroy. The quickstart at the
// repository root is deployed by `make example` (quickstart.test.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startEmulator } = require('../harness.js');
const { run } = require('../../../tools/mini-engine/index.js');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const PASSWORD = 'pw-51c0e9-never-in-plain-text';
// The tfx-on-cluster example compiles in a Job running this image; the emulator runs such pods as local processes.
const TFX_IMAGE = 'gcr.io/tfx-oss-public/tfx:1.15.0';

test.describe('examples', () => {
  let emulator;
  let root;
  const schemaCache = new Map();

  test.before(async () => {
    emulator = await startEmulator(['--image-command', `${TFX_IMAGE}=/usr/bin/env`]);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-examples-'));
  });
  test.after(async () => {
    await emulator.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function engine(command, name, programDir, config) {
    const lines = [];
    const result = await run(command, {
      programDir,
      stateDir: path.join(root, name),
      config: [{ key: 'kfp:host', value: emulator.endpoints.kfp, secret: false },
        { key: 'kfp:kubeconfig', value: emulator.endpoints.kubeconfig, secret: false }, ...config],
      write: (line) => lines.push(line),
      schemaCache,
      expectNoChanges: command === 'preview',
    });
    const text = lines.join('\n');
    assert.equal(result.exitCode, 0, `${name}: ${command} failed:\n${text}`);
    return { ...result, text };
  }

  async function deploy(name, programDir, config = []) {
    const up = await engine('up', name, programDir, config);
    await engine('preview', name, programDir, config);
    return up;
  }

  test('experiment: a named experiment', async () => {
    const up = await deploy('experiment', path.join(repoRoot, 'examples', 'experiment'));
    const live = await (await fetch(`${emulator.endpoints.kfp}/apis/v2beta1/experiments/${up.outputs.experimentId}`)).json();
    assert.equal(live.display_name, 'team-a-training');
    await engine('destroy', 'experiment', path.join(repoRoot, 'examples', 'experiment'), []);
  });

  test('scheduled-pipeline: a nightly recurring run of the latest pipeline version', async () => {
    const dir = path.join(repoRoot, 'examples', 'scheduled-pipeline');
    const up = await deploy('scheduled', dir);
    assert.equal(up.outputs.status, 'ENABLED');
    const live = await (await fetch(`${emulator.endpoints.kfp}/apis/v2beta1/recurringruns/${up.outputs.recurringRunId}`)).json();
    assert.equal(live.trigger.cron_schedule.cron, '0 0 3 * * *');
    await engine('destroy', 'scheduled', dir, []);
  });

  test('prokube-pipeline: the guide pipeline from a definition with a node selector, on a nightly schedule', async () => {
    const dir = path.join(repoRoot, 'examples', 'prokube-pipeline');
    const up = await deploy('prokube', dir);
    const live = await (await fetch(`${emulator.endpoints.kfp}/apis/v2beta1/recurringruns/${up.outputs.recurringRunId}`)).json();
    assert.equal(live.trigger.cron_schedule.cron, '0 30 2 * * *');
    const versions = await (await fetch(`${emulator.endpoints.kfp}/apis/v2beta1/pipelines/${up.outputs.pipelineId}/versions`)).json();
    const spec = versions.pipeline_versions[0].pipeline_spec;
    assert.deepEqual(spec.platform_spec.platforms.kubernetes.deploymentSpec.executors['exec-train'].nodeSelector,
      { labels: { 'nvidia.com/gpu.present': 'true' } });
    assert.deepEqual(spec.pipeline_spec.root.dag.tasks.train.dependentTasks, ['download', 'validate']);
    await engine('destroy', 'prokube', dir, []);
  });

  test('branching-pipeline: if/elif/else with oneOf, an importer, a scratch claim and a memory limit from a parameter, and a run', async () => {
    const dir = path.join(repoRoot, 'examples', 'branching-pipeline');
    const up = await deploy('branching', dir);
    const kfp = emulator.endpoints.kfp;
    const version = await (await fetch(`${kfp}/apis/v2beta1/pipelines/${up.outputs.pipelineId}/versions/${up.outputs.versionId}`)).json();
    const ir = version.pipeline_spec.pipeline_spec;
    const platform = version.pipeline_spec.platform_spec.platforms.kubernetes.deploymentSpec.executors;
    const branches = ir.components['comp-condition-branches-1'].dag.tasks;
    assert.deepEqual(Object.keys(branches).sort(), ['condition-2', 'condition-3', 'condition-4']);
    assert.equal(branches['condition-2'].triggerPolicy.condition, "inputs.parameter_values['pipelinechannel--model_size'] == 'small'");
    assert.equal(branches['condition-4'].triggerPolicy.condition,
      "!(inputs.parameter_values['pipelinechannel--model_size'] == 'small') && !(inputs.parameter_values['pipelinechannel--model_size'] == 'medium')");
    const oneOf = ir.components['comp-condition-branches-1'].dag.outputs.parameters;
    assert.deepEqual(Object.values(oneOf)[0].valueFromOneof.parameterSelectors.map((s) => s.producerSubtask).sort(),
      ['condition-2', 'condition-3', 'condition-4']);
    assert.equal(ir.root.dag.tasks.report.inputs.parameters.model_uri.taskOutputParameter.producerTask, 'condition-branches-1');
    const executors = ir.deploymentSpec.executors;
    assert.equal(executors['exec-importer'].importer.typeSchema.schemaTitle, 'system.Dataset');
    assert.equal(executors['exec-importer'].importer.artifactUri.runtimeParameter, 'uri');
    assert.ok(executors['exec-createpvc'] && executors['exec-deletepvc'], 'the claim tasks have executors');
    const large = ir.components['comp-condition-4'].dag.tasks['train-large'];
    assert.equal(executors[ir.components[large.componentRef.name].executorLabel].container.resources.resourceMemoryLimit,
      "{{$.inputs.parameters['pipelinechannel--large_memory_limit']}}");
    assert.deepEqual(platform['exec-prepare'].pvcMount[0].taskOutputParameter, { producerTask: 'createpvc', outputParameterKey: 'name' });
    assert.deepEqual(ir.root.dag.tasks.deletepvc.dependentTasks, ['createpvc', 'report']);

    assert.equal(up.outputs.runState, 'SUCCEEDED', 'up waited for the run to finish');
    const live = await (await fetch(`${kfp}/apis/v2beta1/runs/${up.outputs.runId}`)).json();
    assert.equal(live.state, 'SUCCEEDED');
    const states = Object.fromEntries(live.run_details.task_details.map((t) => [t.display_name, t.state]));
    for (const name of ['createpvc', 'importer', 'prepare', 'condition-branches-1', 'condition-3', 'train-medium', 'report', 'deletepvc']) {
      assert.equal(states[name], 'SUCCEEDED', `${name} in ${JSON.stringify(states)}`);
    }
    // The run's model_size is medium: only the elif branch runs, as on KFP.
    assert.equal(states['condition-2'], 'SKIPPED');
    assert.equal(states['condition-4'], 'SKIPPED');
    assert.ok(!('train-small' in states) && !('train-large' in states), JSON.stringify(states));
    await engine('destroy', 'branching', dir, []);
  });

  test('private-registry: verified credentials, a pull secret on KFP service accounts, pinned image digests', async () => {
    const registry = emulator.endpoints.registry;
    const host = new URL(registry).host;
    const post = (p, body) => fetch(`${registry}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.ok((await post('/_emulator/users', { username: 'robot', password: PASSWORD })).ok);
    const { digest } = await (await post('/_emulator/images', { repository: 'team/trainer', tag: 'v1' })).json();
    const dir = path.join(repoRoot, 'examples', 'private-registry');
    const source = path.join(root, 'private-pipeline.yaml');
    fs.writeFileSync(source, fs.readFileSync(path.join(dir, 'pipeline.yaml'), 'utf8').replace('REGISTRY', host));
    const config = [{ key: 'registryServer', value: host, secret: false }, { key: 'registryPassword', value: PASSWORD, secret: true },
      { key: 'pipelineSource', value: source, secret: false }];

    const up = await deploy('private', dir, config);

    const kube = emulator.endpoints.kubernetes;
    const account = await (await fetch(`${kube}/api/v1/namespaces/kubeflow/serviceaccounts/pipeline-runner`)).json();
    assert.ok(account.imagePullSecrets.some((s) => s.name === up.outputs.secretName), 'pipeline-runner has the pull secret');
    const versions = await (await fetch(`${emulator.endpoints.kfp}/apis/v2beta1/pipelines?page_size=100`)).json();
    const pipeline = versions.pipelines.find((p) => p.display_name.startsWith('pipeline-'));
    const spec = JSON.stringify(await (await fetch(`${emulator.endpoints.kfp}/apis/v2beta1/pipelines/${pipeline.pipeline_id}/versions`)).json());
    assert.ok(spec.includes(`${host}/team/trainer:v1@${digest}`), 'the registered spec pins the image digest');
    assert.ok(!up.text.includes(PASSWORD), 'the registry password appears in the output');
    await engine('destroy', 'private', dir, config);
    const after = await (await fetch(`${kube}/api/v1/namespaces/kubeflow/serviceaccounts/pipeline-runner`)).json();
    assert.ok(!(after.imagePullSecrets ?? []).some((s) => s.name === up.outputs.secretName), 'destroy removed only our entry');
  });

  test('tfx-on-cluster: a TFX-style directory source compiled by a Kubernetes Job, with beamArgs parameters', async () => {
    const dir = path.join(repoRoot, 'examples', 'tfx-on-cluster');
    const config = [{ key: 'kfp:cacheDir', value: path.join(root, 'cache-tfx'), secret: false }];
    const up = await deploy('tfx', dir, config);
    assert.match(up.outputs.specHash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(up.outputs.frameworkDigest, up.outputs.digest);
    const versions = await (await fetch(`${emulator.endpoints.kfp}/apis/v2beta1/pipelines/${up.outputs.pipelineId}/versions`)).json();
    const spec = versions.pipeline_versions[0].pipeline_spec;
    const executors = (spec.pipeline_spec ?? spec).deploymentSpec.executors;
    assert.deepEqual(executors['exec-trainer'].container.args,
      ['--component', 'trainer', '--direct_running_mode=multi_processing', '--direct_num_workers=4']);
    const jobs = await (await fetch(`${emulator.endpoints.kubernetes}/apis/batch/v1/namespaces/kubeflow/jobs?labelSelector=kfp.pulumi.com/compile%3Dtrue`)).json();
    assert.equal(jobs.items.length, 0, 'compile Jobs are deleted after success');
    await engine('destroy', 'tfx', dir, config);
  });

  test('team-shell-framework: a shell framework in namespace team-ml, used from another stack once its digest is approved', async () => {
    const kube = emulator.endpoints.kubernetes;
    const created = await fetch(`${kube}/api/v1/namespaces`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-ml' } }) });
    assert.ok(created.ok || created.status === 409, `namespace team-ml: ${created.status}`);
    const cache = { key: 'kfp:cacheDir', value: path.join(root, 'cache-shell'), secret: false };
    const platformDir = path.join(repoRoot, 'examples', 'team-shell-framework', 'platform');
    const teamDir = path.join(repoRoot, 'examples', 'team-shell-framework', 'team');
    const platform = await deploy('shell-platform', platformDir, [cache]);
    assert.match(platform.outputs.digest, /^sha256:[0-9a-f]{64}$/);

    const unapproved = await run('preview', { programDir: teamDir, stateDir: path.join(root, 'shell-team-unapproved'),
      config: [{ key: 'kfp:host', value: emulator.endpoints.kfp, secret: false },
        { key: 'kfp:kubeconfig', value: emulator.endpoints.kubeconfig, secret: false }, cache],
      write: () => {}, schemaCache });
    assert.notEqual(unapproved.exitCode, 0, 'a framework read from the cluster must not run before it is approved');

    const team = await deploy('shell-team', teamDir, [cache, { key: 'kfp:trustedFrameworks', value: platform.outputs.digest, secret: false }]);
    assert.equal(team.outputs.frameworkDigest, platform.outputs.digest);
    const versions = await (await fetch(`${emulator.endpoints.kfp}/apis/v2beta1/pipelines/${team.outputs.pipelineId}/versions`)).json();
    const spec = versions.pipeline_versions[0].pipeline_spec;
    const container = (spec.pipeline_spec ?? spec).deploymentSpec.executors['exec-train'].container;
    assert.equal(container.image, 'registry.example.com/team-ml/trainer:2.3.1');
    assert.deepEqual(container.args, ['--epochs', '10']);
    await engine('destroy', 'shell-team', teamDir, [cache, { key: 'kfp:trustedFrameworks', value: platform.outputs.digest, secret: false }]);
    await engine('destroy', 'shell-platform', platformDir, [cache]);
  });
});
