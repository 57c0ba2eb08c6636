#!/usr/bin/env node
'use strict';
// tools/sdkgen: generates the Node.js SDK and the reference docs from schema.json.
//   node tools/sdkgen nodejs <schema.json> <out-dir> [--check]
//   node tools/sdkgen docs   <schema.json> <out-dir> [--check]
// --check writes nothing and exits 1 (listing the files) when <out-dir> differs from what would be generated.
const { loadSchema } = require('./lib/schema');
const { generateNodejs } = require('./lib/nodejs/generate');
const { generateDocs } = require('./lib/docs/generate');
const { writeFiles, checkFiles } = require('./lib/files');

const USAGE = 'usage: node tools/sdkgen <nodejs|docs> <schema.json> <out-dir> [--check]';
const GENERATORS = { nodejs: generateNodejs, docs: generateDocs };
const FIX = { nodejs: 'make sdk', docs: 'make docs' };

function main(argv) {
  const check = argv.includes('--check');
  const args = argv.filter((a) => a !== '--check');
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const [what, schemaFile, outDir] = args;
  const generate = GENERATORS[what];
  if (!generate || !schemaFile || !outDir || args.length !== 3) {
    console.error(USAGE);
    return 2;
  }
  const files = generate(loadSchema(schemaFile));
  if (check) {
    const problems = checkFiles(outDir, files);
    if (problems.length > 0) {
      console.error(`${outDir} is stale (it does not match ${schemaFile}): run '${FIX[what]}' and commit it`);
      for (const p of problems) console.error(`  ${p}`);
      return 1;
    }
    return 0;
  }
  writeFiles(outDir, files);
  console.log(`wrote ${files.size} files to ${outDir}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`sdkgen: ${e.message}`);
  process.exitCode = 1;
}
