#!/usr/bin/env node
'use strict';
// example-summary.js OUTPUTS_JSON KFP_URL
// The last lines of `make example`: one line per resource of the quickstart stack, its kind, name and what
// identifies it in the cluster, from the stack outputs (`stack output --json`).
const [json, kfp] = process.argv.slice(2);
const o = JSON.parse(json);
const rows = [
  ['ImageRegistry', 'registry', `${o.registryServer}, login verified`],
  ['PullSecret', 'pullSecret', `Secret ${o.pullSecretName}, on service account pipeline-runner`],
  ['Experiment', 'experiment', `${o.experimentName} (${o.experimentId})`],
  ['Pipeline', 'pipeline', `${o.pipelineId}, version ${o.pipelineVersion}, image tags pinned to digests`],
  ['RecurringRun', 'nightly', `${o.nightlyId}, ${o.nightlyStatus}, every night at 03:00 UTC`],
  ['Run', 'smokeTest', `${o.smokeTestRunId}, ${o.smokeTestState}`],
];
console.log('What exists now:');
for (const [kind, name, what] of rows) {
  console.log(`  ${kind.padEnd(14)}${name.padEnd(12)}${what}`);
}
console.log('');
console.log(`The emulator's page showed them at ${kfp}/ (it has stopped now). Run 'make example' again to start afresh,`);
console.log("or write your own program and run it with 'bin/kfp-dev up DIR' (see the README).");
