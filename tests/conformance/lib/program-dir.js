'use strict';
// A temporary Pulumi program directory holding copies of the committed KFP IR samples
// (tests/Kfp.Provider.Tests/Fixtures/pipelines, themselves copies of shared/specs/kfp-ir-samples).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const FIXTURES = path.resolve(__dirname, '..', '..', 'Kfp.Provider.Tests', 'Fixtures', 'pipelines');

const yamlFilesIn = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

/** Copies the valid samples to <tmp>/ and the invalid ones to <tmp>/invalid/: { dir, valid, invalid, remove }. */
function makeProgramDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-conformance-'));
  const valid = yamlFilesIn(FIXTURES);
  const invalid = yamlFilesIn(path.join(FIXTURES, 'invalid')).map((f) => path.join('invalid', f));
  fs.mkdirSync(path.join(dir, 'invalid'));
  for (const file of [...valid, ...invalid]) {
    fs.copyFileSync(path.join(FIXTURES, file), path.join(dir, file));
    fs.chmodSync(path.join(dir, file), 0o644); // the fixtures are read-only; tests edit some copies
  }
  return { dir, valid, invalid, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

module.exports = { makeProgramDir, FIXTURES };
