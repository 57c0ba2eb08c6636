'use strict';
// The repository's markdown stands alone: every relative link points at a file or folder inside the
// repository that exists, and no text points readers at files outside it.
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const SKIP_DIRS = new Set(['.git', 'node_modules', 'bin', 'obj', 'out', '.kfp-dev', 'TestResults']);

/** The markdown files git tracks (or, outside a git checkout, those found on disk). */
function markdownFiles() {
  try {
    return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '*.md'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\0').filter(Boolean).filter((f) => fs.existsSync(path.join(repoRoot, f)));
  } catch {
    const out = [];
    const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
      if (e.isDirectory() && !SKIP_DIRS.has(e.name)) {
        walk(path.join(dir, e.name));
      } else if (e.isFile() && e.name.endsWith('.md')) {
        out.push(path.relative(repoRoot, path.join(dir, e.name)));
      }
    });
    walk(repoRoot);
    return out;
  }
}

/** Link targets of a markdown text: inline links and images, and reference definitions; code left out. */
function linkTargets(text) {
  const prose = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  const targets = [];
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    targets.push(m[1]);
  }
  for (const m of prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s+<?(\S+?)>?(?:\s|$)/gm)) {
    targets.push(m[1]);
  }
  return targets;
}

/** The problem with one link of `file`, or null: outside the repository, or missing. */
function problem(file, target) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) {
    return null; // a URL (https:, mailto:) or an anchor in the same file
  }
  const bare = decodeURIComponent(target.split('#')[0].split('?')[0]);
  if (path.isAbsolute(bare)) {
    return `${target} is an absolute path; link inside the repository with a relative path`;
  }
  const resolved = path.resolve(repoRoot, path.dirname(file), bare);
  if (resolved !== repoRoot && !resolved.startsWith(`${repoRoot}${path.sep}`)) {
    return `${target} points outside the repository`;
  }
  return fs.existsSync(resolved) ? null : `${target} does not exist`;
}

test('every relative link in the markdown files points at an existing file inside the repository', () => {
  const files = markdownFiles();
  assert.ok(files.includes('README.md') && files.length > 3, `found only ${files.join(', ')}`);
  const problems = [];
  for (const file of files) {
    for (const target of linkTargets(fs.readFileSync(path.join(repoRoot, file), 'utf8'))) {
      const p = problem(file, target);
      if (p) {
        problems.push(`${file}: ${p}`);
      }
    }
  }
  assert.deepEqual(problems, [], `broken links:\n${problems.join('\n')}`);
});

test('no markdown file refers readers to files kept outside the repository', () => {
  const outside = /DESIGN\.md|STYLE\.md|\.\.\/shared\/|\/work\/shared/;
  const hits = markdownFiles().flatMap((file) => fs.readFileSync(path.join(repoRoot, file), 'utf8').split('\n')
    .map((line, i) => (outside.test(line) ? `${file}:${i + 1}: ${line.trim()}` : null)).filter(Boolean));
  assert.deepEqual(hits, [], `these lines point at files outside the repository; put what the reader needs in docs/:\n${hits.join('\n')}`);
});

test('the link check itself: outside paths, absolute paths and missing files are caught, code is not read', () => {
  assert.deepEqual(linkTargets('see [a](docs/x.md#y), ![i](img.png "t"), `[no](code.md)`\n```\n[no](block.md)\n```\n[ref]: ../shared/notes.md\n'),
    ['docs/x.md#y', 'img.png', '../shared/notes.md']);
  assert.match(problem('docs/a.md', '../../shared/x.md'), /outside the repository/);
  assert.match(problem('README.md', '/work/shared/DESIGN.md'), /absolute path/);
  assert.match(problem('README.md', 'docs/no-such-file.md'), /does not exist/);
  assert.equal(problem('README.md', 'docs/status.md#what-works'), null);
  assert.equal(problem('README.md', 'https://www.pulumi.com'), null);
});
