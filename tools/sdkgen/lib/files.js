'use strict';
// Writes a generated file map into a folder (removing generated files the map no longer holds), or
// checks that the folder matches it. Build output and installed packages in the folder are left alone.
const fs = require('node:fs');
const path = require('node:path');

const KEEP = [/^node_modules(\/|$)/, /^bin(\/|$)/, /\.tgz$/, /^package-lock\.json$/];

function listFiles(dir) {
  const out = [];
  const walk = (rel) => {
    const abs = path.join(dir, rel);
    if (!fs.existsSync(abs)) return;
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (KEEP.some((k) => k.test(r))) continue;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

function writeFiles(dir, files) {
  for (const stale of listFiles(dir).filter((f) => !files.has(f))) {
    fs.rmSync(path.join(dir, stale));
  }
  for (const [rel, content] of files) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if (!fs.existsSync(abs) || fs.readFileSync(abs, 'utf8') !== content) fs.writeFileSync(abs, content);
  }
  removeEmptyDirs(dir);
}

function removeEmptyDirs(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory() || KEEP.some((k) => k.test(e.name))) continue;
    const sub = path.join(dir, e.name);
    removeEmptyDirs(sub);
    if (fs.readdirSync(sub).length === 0) fs.rmdirSync(sub);
  }
}

/** The differences between the folder and the map, as readable lines; empty when they match. */
function checkFiles(dir, files) {
  const problems = [];
  const onDisk = new Set(listFiles(dir));
  for (const [rel, content] of files) {
    if (!onDisk.has(rel)) problems.push(`missing: ${path.join(dir, rel)}`);
    else if (fs.readFileSync(path.join(dir, rel), 'utf8') !== content) problems.push(`differs: ${path.join(dir, rel)}`);
  }
  for (const rel of onDisk) {
    if (!files.has(rel)) problems.push(`not generated: ${path.join(dir, rel)}`);
  }
  return problems;
}

module.exports = { writeFiles, checkFiles, listFiles };
