'use strict';
// Framework executors through the built provider against the built emulator, as the engine calls them:
// - Cancel (the engine's Cancel RPC) during a slow `cluster` compile deletes its Job and source ConfigMap, promptly;
// - a framework in a namespace the cluster credentials may not read fails naming the namespace, the verb and the
//   config keys, and kubectl with the same token gets the emulator's 403 too;
// - the `container` executor with a stand-in `docker` on PATH that checks what it is given (image, read-only mount,
//   --user, --network none, argv without a shell) gives the same specHash as `local`, through Check and Create.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startEmulator, startProvider, emptyPb } = require('../harness.js');
const { session, engineSetup } = require('../lib/session.js');
const { FIXTURES } = require('../lib/program-dir.js');

const PIPELINE = 'kfp:index:Pipeline';
const FRAMEWORK = 'kfp:index:Framework';
const IMAGE = 'registry.example/compilers/shell:1';
const FRAMEWORK_DATA = path.resolve(__dirname, '..', '..', 'Kfp.Compiler.Tests', 'TestData', 'frameworks');
const LITERAL = 'a b; echo $HOME';

/** A temporary program directory with the package `train/` (pipeline.py, steps/prep.py, compile.sh, ir.yaml). */
function makeProgram() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-frameworks-'));
  const train = path.join(dir, 'train');
  fs.mkdirSync(path.join(train, 'steps'), { recursive: true });
  fs.writeFileSync(path.join(train, 'pipeline.py'), 'from steps import prep\n');
  fs.writeFileSync(path.join(train, 'steps', 'prep.py'), 'X = 1\n');
  fs.copyFileSync(path.join(FRAMEWORK_DATA, 'compile.sh'), path.join(train, 'compile.sh'));
  fs.copyFileSync(path.join(FIXTURES, 'hello_world.yaml'), path.join(train, 'ir.yaml'));
  fs.copyFileSync(path.join(FIXTURES, 'hello_world.yaml'), path.join(dir, 'hello.yaml'));
  return dir;
}

function kubectl(kubeconfig, args) {
  return new Promise((resolve) => {
    execFile('kubectl', args, { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: path.dirname(kubeconfig) } },
      (error, stdout, stderr) => resolve({ code: error ? error.code ?? 1 : 0, stdout, stderr }));
  });
}

/** GET on the emulated Kubernetes API with the emulator's built-in (unrestricted) token. */
async function kubeGet(emulator, apiPath) { // (plain http: the emulators this is used with run without --kube-tls)
  const response = await fetch(`${emulator.endpoints.kubernetes}${apiPath}`, { headers: { authorization: 'Bearer kfp-emulator-token' } });
  return { status: response.status, body: await response.json() };
}

/** Starts the plugin in `cwd` and configures it as the engine does. */
async function startConfigured(cwd, config, env) {
  const plugin = await startProvider(['127.0.0.1:1'], { cwd, env });
  const s = session(plugin);
  await engineSetup(s, config);
  return { plugin, s };
}

const check = (s, type, name, news) => s.check({ type, name, news, randomSeed: crypto.randomBytes(32) });

test.describe('framework executors through the built provider', () => {
  const dirs = [];
  test.after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  const temp = (prefix) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  test('Cancel during a cluster compile deletes its Job and ConfigMap and ends the call promptly', async () => {
    const emulator = await startEmulator(['--image-command', `${IMAGE}=/usr/bin/env`]);
    const program = makeProgram();
    dirs.push(program);
    const { plugin, s } = await startConfigured(program,
      { host: emulator.endpoints.kfp, kubeconfig: emulator.endpoints.kubeconfig, cacheDir: temp('kfp-cache-') });
    try {
      const framework = await check(s, FRAMEWORK, 'slow',
        { name: 'slow', command: ['sleep', '120'], image: IMAGE, executor: 'cluster', timeoutSeconds: 300 });
      assert.deepEqual(framework.failures, [], framework.trace);

      const started = Date.now();
      const compiling = check(s, PIPELINE, 'slow', { name: 'slow', source: 'hello.yaml', framework: 'slow' })
        .then((r) => ({ ok: r }), (e) => ({ error: e }));
      const selector = 'labelSelector=kfp.pulumi.com/compile%3Dtrue,kfp.pulumi.com/framework%3Dslow';
      let job;
      while (!job) {
        assert.ok(Date.now() - started < 20000, 'no compile Job appeared within 20 s');
        const jobs = await kubeGet(emulator, `/apis/batch/v1/namespaces/kubeflow/jobs?${selector}`);
        [job] = jobs.body.items;
        if (!job) {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      const name = job.metadata.name;
      const pods = await kubeGet(emulator, `/api/v1/namespaces/kubeflow/pods?labelSelector=job-name%3D${name}`);
      assert.equal(pods.body.items.length, 1, `the Job's pod: ${JSON.stringify(pods.body)}`);

      const cancelled = Date.now();
      await plugin.call('cancel', new emptyPb.Empty());
      const outcome = await compiling;
      const took = Date.now() - cancelled;

      assert.ok(outcome.error, `Check must end cancelled, not with an answer: ${JSON.stringify(outcome.ok?.trace)}`);
      assert.equal(outcome.error.code, 1, `gRPC status CANCELLED expected: ${outcome.error.message}`);
      assert.ok(took < 10000, `the cancelled call took ${took} ms`);
      const jobAfter = await kubeGet(emulator, `/apis/batch/v1/namespaces/kubeflow/jobs/${name}`);
      const configMapAfter = await kubeGet(emulator, `/api/v1/namespaces/kubeflow/configmaps/${name}`);
      assert.equal(jobAfter.status, 404, `the Job is still there after Cancel: ${JSON.stringify(jobAfter.body)}`);
      assert.equal(configMapAfter.status, 404, `the source ConfigMap is still there after Cancel: ${JSON.stringify(configMapAfter.body)}`);
      const jobs = await kubectl(emulator.endpoints.kubeconfig, ['get', 'jobs', '-n', 'kubeflow', '-l', 'kfp.pulumi.com/framework=slow', '-o', 'name']);
      assert.equal(jobs.code, 0, jobs.stderr);
      assert.equal(jobs.stdout.trim(), '', 'kubectl still lists the compile Job');
    } finally {
      await plugin.stop();
      await emulator.stop();
    }
  });

  test('a framework in a namespace the credentials may not read: the error names the namespace, the verb and the keys; kubectl gets 403 too', async (t) => {
    // kubectl sends a token only over https (client-go), hence --kube-tls; the provider trusts the kubeconfig's CA.
    const emulator = await startEmulator(['--token', 'team-a-token=kubeflow', '--kube-tls']);
    const program = makeProgram();
    dirs.push(program);
    const { plugin, s } = await startConfigured(program,
      { host: emulator.endpoints.kfp, kubeconfig: emulator.endpoints.kubeconfig, token: 'team-a-token', cacheDir: temp('kfp-cache-') });
    try {
      const refused = await check(s, PIPELINE, 'team', { name: 'team', source: 'hello.yaml', framework: 'team-ml/tfx' })
        .then((r) => JSON.stringify(r.failures), (e) => e.message);
      t.diagnostic(refused);

      assert.match(refused, /namespace team-ml/, refused);
      assert.match(refused, /may not get configmaps/, refused);
      assert.match(refused, /kfp:kubeconfig/, refused);
      assert.match(refused, /kfp:context/, refused);

      const denied = await kubectl(emulator.endpoints.kubeconfig, ['get', 'configmaps', '-n', 'team-ml']);
      assert.notEqual(denied.code, 0, denied.stdout);
      assert.match(denied.stderr,
        /Error from server \(Forbidden\): configmaps is forbidden: User "token:team-a…" cannot list resource "configmaps" in API group "" in the namespace "team-ml"/,
        denied.stderr);
      const allowed = await kubectl(emulator.endpoints.kubeconfig, ['get', 'serviceaccounts', '-n', 'kubeflow', '-o', 'name']);
      assert.equal(allowed.code, 0, allowed.stderr);
      assert.match(allowed.stdout, /serviceaccount\/pipeline-runner/);
    } finally {
      await plugin.stop();
      await emulator.stop();
    }
  });

  test('the container executor (a stand-in docker on PATH): checked arguments, the same specHash as local, through Check and Create', async () => {
    const emulator = await startEmulator();
    const program = makeProgram();
    dirs.push(program);
    const bin = temp('kfp-docker-');
    fs.copyFileSync(path.join(FRAMEWORK_DATA, 'docker'), path.join(bin, 'docker'));
    fs.chmodSync(path.join(bin, 'docker'), 0o755);
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
    const { plugin, s } = await startConfigured(program,
      { host: emulator.endpoints.kfp, kubeconfig: emulator.endpoints.kubeconfig, cacheDir: temp('kfp-cache-') }, env);
    try {
      const command = ['bash', '{sourceDir}/compile.sh', '{source}', '{output}', LITERAL];
      const inContainer = await check(s, FRAMEWORK, 'in-container',
        { name: 'in-container', command, image: 'registry.example/kfp-compiler:2.9', executor: 'container', env: { GREETING: 'hello' } });
      const onHost = await check(s, FRAMEWORK, 'on-host', { name: 'on-host', command, executor: 'local', env: { GREETING: 'hello' } });
      assert.deepEqual(inContainer.failures, [], inContainer.trace);
      assert.deepEqual(onHost.failures, [], onHost.trace);

      const container = await check(s, PIPELINE, 'in-container', { name: 'in-container', source: 'train', framework: 'in-container' });
      const local = await check(s, PIPELINE, 'on-host', { name: 'on-host', source: 'train', framework: 'on-host' });
      const ir = await check(s, PIPELINE, 'ir', { name: 'ir', source: 'hello.yaml', framework: 'ir' });
      assert.deepEqual(container.failures, [], container.trace);
      assert.deepEqual(local.failures, [], local.trace);
      assert.match(container.inputs.specHash, /^sha256:[0-9a-f]{64}$/, container.trace);
      assert.equal(container.inputs.specHash, local.inputs.specHash, 'container and local must give the same specHash');
      assert.equal(container.inputs.specHash, ir.inputs.specHash, 'the compiled IR must hash as the IR it copied');

      const created = await s.create({ type: PIPELINE, name: 'in-container', properties: container.inputs });
      assert.equal(created.properties.specHash, container.inputs.specHash, created.trace);
      const version = await fetch(`${emulator.endpoints.kfp}/apis/v2beta1/pipelines/${created.id}/versions`);
      assert.equal((await version.json()).pipeline_versions.length, 1, 'the compiled pipeline is registered in KFP');

      const calls = fs.readFileSync(path.join(bin, 'docker.log'), 'utf8').split('--- call\n').filter((c) => c.length > 0)
        .map((c) => c.replace(/\n$/, '').split('\n'));
      assert.equal(calls.length, 1, `one container run (Create reuses Check's compile): ${JSON.stringify(calls)}`);
      const [call] = calls;
      const after = (flag) => call[call.indexOf(flag) + 1];
      assert.equal(call[0], 'run');
      assert.equal(after('--network'), 'none');
      assert.equal(after('--user'), `${process.getuid()}:${process.getgid()}`);
      assert.ok(call.includes(`${path.join(fs.realpathSync(program), 'train')}:/kfp/source:ro`) || call.includes(`${path.join(program, 'train')}:/kfp/source:ro`),
        `the source is mounted read-only: ${call.join(' ')}`);
      assert.equal(after('-e'), 'GREETING');
      assert.ok(!call.some((a) => a.includes('hello')), 'environment values never go on the command line');
      assert.deepEqual(call.slice(call.indexOf('--entrypoint')),
        ['--entrypoint', 'bash', 'registry.example/kfp-compiler:2.9', '/kfp/source/compile.sh', '/kfp/source/pipeline.py', '/kfp/output/pipeline.yaml', LITERAL],
        'the argv goes as separate arguments, the first as the entrypoint, with no shell');
    } finally {
      await plugin.stop();
      await emulator.stop();
    }
  });
});
