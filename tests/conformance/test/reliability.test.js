'use strict';
// Reliability through the built binary and the mini engine, against the emulator: a preview that cannot read the
// cluster warns once (or fails with kfp:failOnBlindPreview), access errors blame the configuration and never a
// property, a host that is not KFP never empties the state, a silent host fails within kfp:operationTimeoutSeconds,
// and CheckConfig refuses bad headers, CA certificates and kubeconfig settings. No output carries a secret.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { startEmulator, programHeader: header } = require('../harness.js');
const engineDir = path.resolve(__dirname, '..', '..', '..', 'tools', 'mini-engine');
const { run } = require(path.join(engineDir, 'index.js'));
const { statePath } = require(path.join(engineDir, 'state', 'store.js'));

const SECRET_PASSWORD = 'pw-3f9e1c-never-in-plain-text';
const SECRET_HEADER = 'hdr-77b2d0-never-in-plain-text';
const SECRET_TOKEN = 'tok-c01a5e-never-in-plain-text';
const SECRETS = [SECRET_PASSWORD, SECRET_HEADER, SECRET_TOKEN];

/** Every output of this file, so the last test can say how many were checked for secrets. */
const outputs = [];

const program = `config:
  password:
    type: string
    secret: true
resources:
  first:
    type: kfp:index:Experiment
    properties:
      description: first
  second:
    type: kfp:index:Experiment
    properties:
      description: second
  pull:
    type: kfp:index:PullSecret
    properties:
      namespace: kubeflow
      registries:
        - server: registry.example.com
          username: robot
          password: \${password}
`;

/** A TCP port nobody listens on. */
async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server that accepts connections and never answers. */
async function silentServer() {
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => {
      sockets.forEach((s) => s.destroy());
      server.close(resolve);
    }),
  };
}

test.describe('reliability', () => {
  let emulator;
  let root;
  let dir;
  let schemaCache;

  const baseConfig = () => [
    { key: 'kfp:host', value: emulator.endpoints.kfp, secret: false },
    { key: 'kfp:kubeconfig', value: emulator.endpoints.kubeconfig, secret: false },
    { key: 'kfp:headers', value: JSON.stringify({ 'X-Team-Secret': SECRET_HEADER }), secret: true },
    { key: 'password', value: SECRET_PASSWORD, secret: true },
  ];

  /** Runs the mini engine; `config` entries replace the base ones with the same key. */
  async function engine(command, { config = [], ...options } = {}) {
    const lines = [];
    const keys = new Set(config.map((c) => c.key));
    const started = Date.now();
    const result = await run(command, {
      programDir: dir,
      stateDir: path.join(dir, '.state'),
      config: [...baseConfig().filter((c) => !keys.has(c.key)), ...config],
      write: (line) => lines.push(line),
      schemaCache,
      ...options,
    });
    const text = lines.join('\n');
    outputs.push(text);
    return { ...result, text, seconds: (Date.now() - started) / 1000 };
  }

  const state = () => JSON.parse(fs.readFileSync(statePath(path.join(dir, '.state'), 'reliability', 'dev'), 'utf8'));
  // Every resource by URN and ID, and the KFP objects' outputs (secrets are re-encrypted on each write, so only plain outputs).
  const resourcesOf = (s) => s.checkpoint.latest.resources.map((r) => ({ urn: r.urn, id: r.id, outputs: r.type === 'kfp:index:Experiment' ? r.outputs : null }));
  const count = (text, re) => (text.match(re) ?? []).length;

  test.before(async () => {
    emulator = await startEmulator();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-reliability-'));
    dir = path.join(root, 'reliability');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), header('reliability') + program);
    schemaCache = new Map();
    const up = await engine('up');
    assert.equal(up.exitCode, 0, up.text);
  });
  test.after(async () => {
    await emulator.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a preview that cannot reach KFP warns once, naming the host and the resources; failOnBlindPreview fails it', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const config = [{ key: 'kfp:host', value: dead, secret: false }, { key: 'kfp:operationTimeoutSeconds', value: '10', secret: false }];
    const blind = await engine('preview', { config, expectNoChanges: true });
    assert.equal(blind.exitCode, 0, blind.text);
    assert.equal(count(blind.text, /warning: preview could not read/g), 1, blind.text);
    assert.match(blind.text, new RegExp(`warning: preview could not read the KFP API at ${dead}/?: [^\\n]*kfp:host`));
    assert.match(blind.text, /Not compared with the live cluster, so drift is not shown for: (first|second)/);
    assert.match(blind.text, /(first|second): not compared with the live cluster either/);

    const strict = await engine('preview', { config: [...config, { key: 'kfp:failOnBlindPreview', value: 'true', secret: false }] });
    assert.equal(strict.exitCode, 1, strict.text);
    assert.match(strict.text, /error: [^\n]*(first|second): cannot compare with the live object, the KFP API at [^\n]*kfp:failOnBlindPreview is set/);
  });

  test('a refused Kubernetes token: preview warns naming the Kubernetes API; a Check blames kfp:kubeconfig, not a property', async () => {
    const kubeconfig = path.join(root, 'wrong-token.kubeconfig');
    fs.writeFileSync(kubeconfig, fs.readFileSync(emulator.endpoints.kubeconfig, 'utf8').replace(/token: .*/, `token: ${SECRET_TOKEN}`));
    const config = [{ key: 'kfp:kubeconfig', value: kubeconfig, secret: false }];
    const blind = await engine('preview', { config, expectNoChanges: true });
    assert.equal(blind.exitCode, 0, blind.text);
    assert.equal(count(blind.text, /warning: preview could not read/g), 1, blind.text);
    assert.match(blind.text, /warning: preview could not read the Kubernetes API: the Kubernetes API at http:\/\/127\.0\.0\.1:\d+\/? refused the credentials[^\n]*drift is not shown for: pull/);

    const strict = await engine('preview', { config: [...config, { key: 'kfp:failOnBlindPreview', value: 'true', secret: false }] });
    assert.equal(strict.exitCode, 1, strict.text);
    assert.match(strict.text, /pull: cannot compare with the live object, the Kubernetes API could not be read/);

    fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), `${header('reliability')}${program}  compiled:
    type: kfp:index:Pipeline
    properties:
      source: pipeline.yaml
      framework: team-compiler
`);
    fs.copyFileSync(path.resolve(__dirname, '..', '..', '..', 'examples', 'scheduled-pipeline', 'pipeline.yaml'), path.join(dir, 'pipeline.yaml'));
    try {
      const check = await engine('preview', { config });
      assert.equal(check.exitCode, 1, check.text);
      assert.match(check.text, /compiled: check failed: [^\n]*refused the credentials[^\n]*This is a problem of access to the Kubernetes API, not of the resource's properties: fix kfp:kubeconfig or kfp:context/);
      assert.doesNotMatch(check.text, /fix the property/);
    } finally {
      fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), header('reliability') + program);
    }
  });

  test('a host that is not KFP: refresh fails and keeps every resource in state; destroy fails and deletes nothing', async () => {
    const before = resourcesOf(state());
    const wrong = [{ key: 'kfp:host', value: emulator.endpoints.kubernetes, secret: false }];
    const refresh = await engine('refresh', { config: wrong, runProgram: true });
    assert.notEqual(refresh.exitCode, 0, refresh.text);
    assert.match(refresh.text, /kfp:host/);
    assert.deepEqual(resourcesOf(state()), before);

    const destroy = await engine('destroy', { config: wrong, runProgram: true });
    assert.notEqual(destroy.exitCode, 0, destroy.text);
    const experiments = before.filter((r) => r.urn.includes('kfp:index:Experiment'));
    assert.equal(experiments.length, 2);
    for (const e of experiments) {
      assert.equal((await fetch(`${emulator.endpoints.kfp}/apis/v2beta1/experiments/${e.id}`)).status, 200, `${e.urn} was deleted`);
    }
    // The PullSecret lives in Kubernetes, which the stack reaches rightly: destroy deletes it. The experiments stay.
    const after = resourcesOf(state());
    assert.deepEqual(after.filter((r) => r.urn.includes('kfp:index:Experiment')), experiments, 'destroy dropped experiments from state');
    assert.match(destroy.text, /kfp:host is '[^']+', which does not serve the KFP API/);
  });

  test('a host that accepts connections and never answers fails within kfp:operationTimeoutSeconds, saying how long it waited', async () => {
    const silent = await silentServer();
    try {
      fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), `${header('reliability')}${program}  third:
    type: kfp:index:Experiment
`);
      const up = await engine('up', {
        config: [{ key: 'kfp:host', value: silent.url, secret: false },
          { key: 'kfp:requestTimeoutSeconds', value: '2', secret: false }, { key: 'kfp:operationTimeoutSeconds', value: '4', secret: false }],
      });
      assert.equal(up.exitCode, 1, up.text);
      assert.ok(up.seconds < 40, `up took ${up.seconds} s`);
      assert.match(up.text, /third: create failed: [^\n]*no answer within 2 s[^\n]*in \d+(\.\d+)? s\)[^\n]*fix kfp:host/);
    } finally {
      await silent.close();
      fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), header('reliability') + program);
    }
  });

  // The engine prints a CheckConfig failure as "property <key> value {…} has a problem: <reason>".
  const refused = [
    ['kfp:headers', JSON.stringify({ 'X-Team': `a\r\nX-Injected: ${SECRET_HEADER}` }), true, /property headers value [^\n]*has a problem: [^\n]*X-Team[^\n]*(CR|LF|control)/i],
    ['kfp:headers', JSON.stringify({ 'Bad Name': SECRET_HEADER }), true, /property headers value [^\n]*has a problem: [^\n]*Bad Name/],
    ['kfp:caCertificate', 'not a certificate', false, /property caCertificate value [^\n]*has a problem: is not a PEM certificate[^\n]*set kfp:caCertificate/],
    ['kfp:kubeconfig', '/nonexistent/kubeconfig', false, /property kubeconfig value [^\n]*has a problem: the kubeconfig file '\/nonexistent\/kubeconfig' does not exist; set kfp:kubeconfig/],
    ['kfp:tokenFile', '/nonexistent/token', false, /property tokenFile value [^\n]*has a problem: the token file '\/nonexistent\/token' does not exist; set kfp:tokenFile/],
    ['kfp:context', 'no-such-context', false, /property context value [^\n]*has a problem: context "no-such-context" is not defined[^\n]*Fix kfp:context/],
    ['kfp:requestTimeoutSeconds', '0', false, /property requestTimeoutSeconds value [^\n]*has a problem: must be between 1 and 3600, got 0/],
    ['kfp:operationTimeoutSeconds', 'soon', false, /property operationTimeoutSeconds value [^\n]*has a problem: expected a whole number/],
    ['kfp:failOnBlindPreview', 'maybe', false, /property failOnBlindPreview value [^\n]*has a problem: expected true or false/],
  ];
  for (const [key, value, secret, expected] of refused) {
    test(`CheckConfig refuses ${key} = ${JSON.stringify(secret ? '[secret]' : value)} before anything is written`, async () => {
      const before = resourcesOf(state());
      const up = await engine('up', { config: [{ key, value, secret }] });
      assert.equal(up.exitCode, 1, up.text);
      assert.match(up.text, expected);
      assert.deepEqual(resourcesOf(state()), before);
    });
  }

  test('no output of these tests carries a secret', () => {
    assert.ok(outputs.length >= 15, `only ${outputs.length} outputs`);
    for (const text of outputs) {
      for (const secret of SECRETS) {
        assert.ok(!text.includes(secret), `a secret appears in plain text:\n${text}`);
      }
    }
  });
});
