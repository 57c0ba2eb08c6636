'use strict';
// Builds what the tests load, the way a user gets it:
//   1. copies sdk/nodejs into build/sdk and compiles it with its own tsconfig.json plus --strict
//      (tsc from this folder's node_modules), then copies package.json and README.md next to the output,
//      as the package is published from bin/;
//   2. puts that compiled package at build/node_modules/<package name>, where `require` finds it;
//   3. copies examples/typescript into build/example and compiles it with its own tsconfig.json;
//   4. generates an SDK from fixtures/schema.json (schema features kfp's schema does not use yet) into
//      build/demo and compiles it the same way, so the generator is proven on more than today's schema.
// Everything resolves @pulumi/pulumi from this folder's node_modules. `--sdk-only` stops after step 2
// (`make sdk` uses it to build the package it packs).
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const here = __dirname;
const repo = path.resolve(here, '..', '..');
const build = path.join(here, 'build');
const tsc = path.join(here, 'node_modules', 'typescript', 'bin', 'tsc');

function copyTree(from, to, skip) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip(e.name)) continue;
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) copyTree(src, dst, skip);
    else fs.copyFileSync(src, dst);
  }
}

function compile(project) {
  try {
    execFileSync(process.execPath, [tsc, '-p', project, '--strict'], { stdio: 'pipe' });
  } catch (e) {
    process.stderr.write(`tsc --strict failed for ${path.relative(repo, project)}:\n${e.stdout}${e.stderr}`);
    process.exit(1);
  }
}

const skipBuildOutput = (name) => name === 'node_modules' || name === 'bin' || name.endsWith('.tgz');

fs.rmSync(build, { recursive: true, force: true });

const sdkSrc = path.join(build, 'sdk');
copyTree(path.join(repo, 'sdk', 'nodejs'), sdkSrc, skipBuildOutput);
compile(sdkSrc);
for (const f of ['package.json', 'README.md']) fs.copyFileSync(path.join(sdkSrc, f), path.join(sdkSrc, 'bin', f));
const pkgName = JSON.parse(fs.readFileSync(path.join(sdkSrc, 'package.json'), 'utf8')).name;
copyTree(path.join(sdkSrc, 'bin'), path.join(build, 'node_modules', ...pkgName.split('/')), () => false);

if (process.argv.includes('--sdk-only')) {
  console.log(`built ${pkgName} into ${path.relative(repo, path.join(sdkSrc, 'bin'))}`);
  process.exit(0);
}

const example = path.join(build, 'example');
copyTree(path.join(repo, 'examples', 'typescript'), example, skipBuildOutput);
compile(example);

const demo = path.join(build, 'demo');
try {
  execFileSync(process.execPath, [path.join(repo, 'tools', 'sdkgen'), 'nodejs', path.join(here, 'fixtures', 'schema.json'), demo], { stdio: 'pipe' });
} catch (e) {
  process.stderr.write(`tools/sdkgen failed on fixtures/schema.json:\n${e.stdout}${e.stderr}`);
  process.exit(1);
}
compile(demo);
for (const f of ['package.json', 'README.md']) fs.copyFileSync(path.join(demo, f), path.join(demo, 'bin', f));

console.log(`built ${pkgName}, the fixture SDK and examples/typescript into ${path.relative(repo, build)}`);
