'use strict';
// examples/typescript (compiled by build.js with its own tsconfig.json against the compiled SDK) run as
// a Pulumi program under the mock engine: what it registers, how outputs flow between resources, what it
// exports. The example's package.json must point at the tarball `make sdk` writes.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { repoRoot, schema, buildDir, sdkPackage, unwrap, installMocks } = require('./helpers');

/** The inputs the SDK sends: what the program set, plus the schema's defaults for what it left out. */
function withDefaults(token, inputs) {
  const props = schema.resources[token].inputProperties;
  const defaults = Object.fromEntries(Object.entries(props).filter(([, p]) => p.default !== undefined).map(([k, p]) => [k, p.default]));
  return { ...defaults, ...inputs };
}

const log = installMocks();

test('the TypeScript example creates an experiment, a pipeline and a nightly recurring run wired together', async () => {
  const program = require(path.join(buildDir, 'example', 'bin', 'index.js'));
  const exported = {};
  for (const [k, v] of Object.entries(program)) exported[k] = await v.promise();

  const byType = (t) => log.resources.filter((r) => r.type === t).map((r) => ({ name: r.name, inputs: unwrap(r.inputs) }));
  assert.deepEqual(byType('kfp:index:Experiment'), [{ name: 'training', inputs: withDefaults('kfp:index:Experiment', { description: 'Nightly training runs' }) }]);
  assert.deepEqual(byType('kfp:index:Pipeline'), [{ name: 'training', inputs: withDefaults('kfp:index:Pipeline', { source: 'pipeline.yaml', description: 'Nightly training', keepVersions: 5 }) }]);
  assert.deepEqual(byType('kfp:index:RecurringRun'), [{
    name: 'nightly',
    inputs: withDefaults('kfp:index:RecurringRun', {
      description: 'Train every night at 03:00',
      pipelineId: 'pipelineId-out',
      experimentId: 'experimentId-out',
      cron: '0 3 * * *',
      parameters: { epochs: 5 },
    }),
  }]);
  assert.deepEqual(log.calls.map((c) => ({ token: c.token, inputs: c.inputs })), [{ token: 'kfp:index:compilePipeline', inputs: { source: 'pipeline.yaml' } }]);
  assert.deepEqual(exported, {
    experimentId: 'experimentId-out',
    pipelineId: 'pipelineId-out',
    pipelineName: 'pipelineName-out',
    specHash: 'specHash-out',
    recurringRunId: 'recurringRunId-out',
    status: 'status-out',
  });
});

test('the example installs the SDK from the tarball make sdk writes', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', 'typescript', 'package.json'), 'utf8'));
  const tarball = `${sdkPackage.name.replace(/^@/, '').replace(/\//g, '-')}-${sdkPackage.version}.tgz`;
  assert.equal(pkg.dependencies[sdkPackage.name], `file:../../sdk/nodejs/${tarball}`);
  assert.ok(fs.existsSync(path.join(repoRoot, 'examples', 'typescript', 'pipeline.yaml')));
});
