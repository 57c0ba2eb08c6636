'use strict';
// `make example` (scripts/run-example) as a new user runs it: the quickstart stack at the repository root,
// every kind of resource, deployed against a fresh emulator with the mini engine. Its output must name every
// resource, show the smoke-test Run's progress on its row, end with an empty second preview and a summary.
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const KINDS = ['ImageRegistry', 'PullSecret', 'Experiment', 'Pipeline', 'RecurringRun', 'Run'];

function runExample(out) {
  return new Promise((resolve) => {
    execFile(path.join(repoRoot, 'scripts', 'run-example'), [], {
      cwd: repoRoot, timeout: 300000, env: { ...process.env, KFP_EXAMPLE_OUT: out, KFP_EXAMPLE_TASK_DURATION: '1s' },
    }, (error, stdout, stderr) => resolve({ code: error ? error.code ?? error.signal : 0, stdout, stderr }));
  });
}

/** The output between a line starting with `from` and the next line starting with `to`. */
function section(text, from, to) {
  const start = text.indexOf(from);
  assert.ok(start >= 0, `no '${from}' in:\n${text}`);
  const end = to ? text.indexOf(to, start + from.length) : -1;
  return text.slice(start, end >= 0 ? end : undefined);
}

test('make example: every resource deployed, the smoke-test run waited for with progress, an empty second preview, a summary', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-example-'));
  try {
    const started = Date.now();
    const { code, stdout, stderr } = await runExample(out);
    const seconds = (Date.now() - started) / 1000;
    assert.equal(code, 0, `run-example failed:\n${stdout}\n${stderr}`);

    assert.match(stdout, /^registry: pushed 127\.0\.0\.1:\d+\/quickstart\/greeter:1\.0 \(sha256:[0-9a-f]{64}\)$/m);
    const previews = stdout.split(/^Previewing update \(/m);
    assert.equal(previews.length, 3, `two previews expected:\n${stdout}`);
    const up = section(stdout, 'Updating (', 'Previewing update (');
    for (const kind of KINDS) {
      assert.match(previews[1], new RegExp(`^ \\+  kfp:index:${kind} +\\w+ +create$`, 'm'), `preview names ${kind}`);
      assert.match(up, new RegExp(`^ \\+  kfp:index:${kind} +\\w+ +created`, 'm'), `up creates ${kind}`);
    }
    assert.match(up, /^Resources: \+ 7 created$/m);
    assert.match(previews[1], /^ {8}\+ specHash +: "sha256:[0-9a-f]{64}"$/m, 'the first preview knows the spec hash');
    // The Run's progress, as ephemeral status messages on its row while `up` waits for it.
    assert.match(up, /^ \+  kfp:index:Run +smokeTest +creating run [0-9a-f]{8}…: \d\/2 tasks succeeded; (say|repeat) (running|pending)$/m);

    const second = previews[2];
    assert.doesNotMatch(second, /^ [+~-]/m, `the second preview proposes changes:\n${second}`);
    assert.match(second, /^Resources: 7 unchanged$/m);

    const summary = section(stdout, 'What exists now:');
    const uuid = '[0-9a-f-]{36}';
    assert.match(summary, /^ {2}ImageRegistry +registry +127\.0\.0\.1:\d+, login verified$/m);
    assert.match(summary, /^ {2}PullSecret +pullSecret +Secret quickstart-registry, on service account pipeline-runner$/m);
    assert.match(summary, new RegExp(`^  Experiment +experiment +experiment-\\w+ \\(${uuid}\\)$`, 'm'));
    assert.match(summary, new RegExp(`^  Pipeline +pipeline +${uuid}, version \\S+, image tags pinned to digests$`, 'm'));
    assert.match(summary, new RegExp(`^  RecurringRun +nightly +${uuid}, ENABLED, every night at 03:00 UTC$`, 'm'));
    assert.match(summary, new RegExp(`^  Run +smokeTest +${uuid}, SUCCEEDED$`, 'm'));
    assert.doesNotMatch(stdout + stderr, /quickstart-[0-9a-f]{16}/, 'the registry password appears in the output');
    console.log(`# make example took ${seconds.toFixed(1)} s`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
