'use strict';
// bin/kfp-dev runs a program written from scratch (no plugins entry, no config) from a temporary
// folder: it starts the emulator, keeps state in DIR/.kfp-dev/<stack>/, and stops what it started.
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const kfpDev = path.resolve(__dirname, '..', '..', '..', 'bin', 'kfp-dev');

function launch(args, cwd) {
  return new Promise((resolve) => {
    execFile(kfpDev, args, { cwd, timeout: 180000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr, text: `${stdout}\n${stderr}` });
    });
  });
}

const PROGRAM = `name: my-team
runtime: yaml
resources:
  experiment:
    type: kfp:index:Experiment
    properties:
      description: My team's runs
outputs:
  experimentId: \${experiment.experimentId}
`;

const emulatorUrl = (text) => /started kfp-emulator \(KFP API at (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
const reachable = (url) => fetch(`${url}/apis/v2beta1/healthz`).then(() => true, () => false);

test('kfp-dev: preview, up, refresh, destroy of a program in a temporary folder, per stack', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-dev-'));
  try {
    fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), PROGRAM);

    const preview = await launch(['preview'], dir);
    assert.equal(preview.code, 0, preview.text);
    assert.match(preview.stdout, /^ \+ {2}kfp:index:Experiment +experiment +create$/m);
    const url = emulatorUrl(preview.stdout);
    assert.ok(url, preview.stdout);
    assert.equal(await reachable(url), false, 'the emulator kfp-dev started is still running');

    const up = await launch(['up', '--stack', 'team-a', dir], os.tmpdir());
    assert.equal(up.code, 0, up.text);
    assert.match(up.stdout, /^Resources: \+ 2 created$/m);
    assert.ok(fs.existsSync(path.join(dir, '.kfp-dev', 'team-a', 'state', '.pulumi', 'stacks', 'my-team', 'team-a.json')), 'no state in DIR/.kfp-dev/<stack>');
    assert.ok(fs.existsSync(path.join(dir, '.kfp-dev', 'team-a', 'emulator')), 'no emulator state in DIR/.kfp-dev/<stack>');

    const again = await launch(['preview', '--stack', 'team-a', '--expect-no-changes'], dir);
    assert.equal(again.code, 0, `the emulator's state did not survive a restart:\n${again.text}`);

    const refresh = await launch(['refresh', '--stack', 'team-a'], dir);
    assert.equal(refresh.code, 0, refresh.text);
    assert.match(refresh.stdout, /^Resources: 2 unchanged$/m);

    const output = await launch(['stack', 'output', 'experimentId', '--stack', 'team-a'], dir);
    assert.match(output.stdout, /^[0-9a-f-]{36}$/m, output.text);

    const destroy = await launch(['destroy', '--stack', 'team-a'], dir);
    assert.equal(destroy.code, 0, destroy.text);
    assert.match(destroy.stdout, /^Resources: - 2 deleted$/m);
    assert.equal(await reachable(emulatorUrl(destroy.stdout)), false);

    const other = await launch(['preview', '--stack', 'other'], dir);
    assert.match(other.stdout, /^Resources: \+ 2 to create$/m, 'stacks do not keep separate state');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('kfp-dev: a configured kfp:host is used as is, and no emulator is started', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-dev-'));
  try {
    fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), PROGRAM);
    fs.writeFileSync(path.join(dir, 'Pulumi.dev.yaml'), 'config:\n  kfp:host: http://127.0.0.1:1\n');
    const up = await launch(['up'], dir);
    assert.equal(up.code, 1, up.text);
    assert.doesNotMatch(up.stdout, /started kfp-emulator/);
    assert.match(up.stdout, /Connection refused \(127\.0\.0\.1:1\)/);
    assert.equal(fs.existsSync(path.join(dir, '.kfp-dev', 'dev', 'emulator')), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
