'use strict';
// The plugin tarball `make dist` writes, as `pulumi plugin install resource kfp <version> --file <tarball>`
// unpacks it: the native executable at the root. Unpacked into a fresh folder, it passes the start-up suite
// on its own (no .NET runtime beside it, none on PATH).
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const builtBin = path.join(repoRoot, 'bin', 'pulumi-resource-kfp');

function tarball() {
  const version = execFileSync(builtBin, ['--version'], { encoding: 'utf8' }).trim();
  const file = path.join(repoRoot, 'dist', `pulumi-resource-kfp-v${version}-linux-amd64.tar.gz`);
  assert.ok(fs.existsSync(file), `${file} is missing: run 'make dist'`);
  return { version, file };
}

test('the amd64 tarball holds the native plugin at its root, named for the plugin version', () => {
  const { file } = tarball();
  const entries = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.ok(entries.includes('pulumi-resource-kfp'), `entries: ${entries.join(', ')}`);
  assert.ok(entries.includes('README.md'), `entries: ${entries.join(', ')}`);
  assert.deepEqual(entries.filter((e) => e.includes('/') || e.endsWith('.dll')), []);
});

test('unpacked into a fresh folder, the plugin is a native executable that passes the start-up suite alone', () => {
  const { version, file } = tarball();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-dist-'));
  try {
    execFileSync('tar', ['-xzf', file, '-C', folder]);
    const plugin = path.join(folder, 'pulumi-resource-kfp');
    const header = fs.readFileSync(plugin).subarray(0, 4);
    assert.deepEqual([...header], [0x7f, 0x45, 0x4c, 0x46], 'the plugin is an ELF executable, not a launcher script');
    assert.ok((fs.statSync(plugin).mode & 0o111) !== 0, 'the plugin is executable');
    // No dotnet on PATH and no DOTNET_ROOT: a self-contained binary needs neither.
    const env = { PATH: folder, HOME: os.tmpdir(), KFP_PROVIDER_BIN: plugin };
    const versionRun = spawnSync(plugin, ['--version'], { encoding: 'utf8', env, cwd: folder });
    assert.equal(versionRun.status, 0, versionRun.stderr);
    assert.equal(versionRun.stdout.trim(), version);
    const suite = spawnSync(process.execPath, ['--test', path.join(__dirname, 'startup.test.js')],
      { encoding: 'utf8', env, cwd: path.join(__dirname, '..') });
    assert.equal(suite.status, 0, `start-up suite against ${plugin} failed:\n${suite.stdout}\n${suite.stderr}`);
    assert.match(suite.stdout, /# pass 3/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
