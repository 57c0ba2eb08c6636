'use strict';
// docs/reference (generated from schema.json): a page per resource and function linked from its index,
// links that resolve inside the repository, and the --check mode behind `make sdk-check`/`make docs-check`.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { repoRoot, schema, member } = require('./helpers');

const refDir = path.join(repoRoot, 'docs', 'reference');
const sdkgen = path.join(repoRoot, 'tools', 'sdkgen');
const read = (f) => fs.readFileSync(path.join(refDir, f), 'utf8');
const kebab = (m) => m.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

function anchors(markdown) {
  return new Set([...markdown.matchAll(/^#+ (.+)$/gm)].map((m) => m[1].trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
}

test('the index links a page for every resource and function, the provider config and the types', () => {
  const index = read('README.md');
  const pages = [
    ...Object.keys(schema.resources).map((t) => `${kebab(member(t))}.md`),
    ...Object.keys(schema.functions).map((t) => `${kebab(member(t))}.md`),
    'provider.md', 'types.md',
  ];
  for (const page of pages) {
    assert.ok(index.includes(`](${page})`), `README.md does not link ${page}`);
    assert.ok(fs.existsSync(path.join(refDir, page)), `${page} is missing`);
  }
  for (const [token, res] of Object.entries(schema.resources)) {
    const page = read(`${kebab(member(token))}.md`);
    assert.ok(page.includes(`type: ${token}`), `${token}: no YAML usage snippet`);
    for (const k of Object.keys(res.properties)) assert.ok(page.includes(`| \`${k}\` |`), `${token}: ${k} is not documented`);
  }
  const provider = read('provider.md');
  for (const k of Object.keys(schema.config.variables)) assert.ok(provider.includes(`| \`${k}\` |`), `config ${k} is not documented`);
});

test('every link in docs/reference resolves inside the repository, anchors included', () => {
  for (const file of fs.readdirSync(refDir)) {
    const text = read(file);
    for (const [, target] of text.matchAll(/\]\(([^)]+)\)/g)) {
      assert.ok(!/^[a-z]+:/.test(target), `${file} links outside the repository: ${target}`);
      const [rel, anchor] = target.split('#');
      const dest = rel ? path.resolve(refDir, rel) : path.join(refDir, file);
      assert.ok(dest.startsWith(repoRoot + path.sep), `${file} links outside the repository: ${target}`);
      assert.ok(fs.existsSync(dest), `${file} links to a missing ${target}`);
      if (anchor) assert.ok(anchors(fs.readFileSync(dest, 'utf8')).has(anchor), `${file} links to a missing anchor ${target}`);
    }
  }
});

for (const [what, dir] of [['nodejs', path.join('sdk', 'nodejs')], ['docs', path.join('docs', 'reference')]]) {
  test(`sdkgen ${what} --check passes on the committed ${dir} and fails on an edited or extra file`, () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-check-'));
    try {
      fs.cpSync(path.join(repoRoot, dir), copy, { recursive: true, filter: (src) => !/(node_modules|\/bin|\.tgz)$/.test(src) });
      const check = () => spawnSync(process.execPath, [sdkgen, what, path.join(repoRoot, 'schema.json'), copy, '--check'], { encoding: 'utf8' });
      assert.equal(check().status, 0, check().stderr);
      const victim = fs.readdirSync(copy).find((f) => f.endsWith('.ts') || f.endsWith('.md'));
      fs.appendFileSync(path.join(copy, victim), '\n// edited by hand\n');
      fs.writeFileSync(path.join(copy, 'stray.md'), 'x');
      const stale = check();
      assert.equal(stale.status, 1);
      assert.match(stale.stderr, new RegExp(`differs: .*${victim.replace('.', '\\.')}`));
      assert.match(stale.stderr, /not generated: .*stray\.md/);
      assert.match(stale.stderr, /run 'make (sdk|docs)' and commit it/);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
}
