'use strict';
// The whole Node.js SDK as a map from relative path to content. Pure: no file system access.
const { camelCase } = require('../schema');
const { TypeMapper } = require('./tstypes');
const { renderResource } = require('./resource');
const { renderProvider } = require('./provider');
const { renderFunction } = require('./function');
const { renderConfigVars, renderConfigIndex } = require('./config');
const { renderInputTypes, renderOutputTypes, renderEnums, renderTypesIndex, enumTypes } = require('./types');
const { renderIndex } = require('./index');
const { renderUtilities } = require('./utilities');
const { renderPackageJson, renderTsconfig, renderReadme, renderGitignore } = require('./package');

/** File names index.ts, utilities.ts and the like are taken; a member that would clash gets a `_` suffix. */
const RESERVED = new Set(['index', 'utilities', 'vars', 'input', 'output', 'provider', 'config', 'types']);

function fileNames(pkg) {
  const names = new Map();
  const taken = new Set();
  for (const m of [...pkg.resources, ...pkg.functions]) {
    let base = camelCase(m.member);
    if (RESERVED.has(base)) base = `${base}_`;
    if (taken.has(base.toLowerCase())) {
      throw new Error(`two members of the schema would both be written to ${base}.ts (file names are case-insensitive on some systems)`);
    }
    taken.add(base.toLowerCase());
    names.set(m.token, base);
  }
  return names;
}

function generateNodejs(pkg) {
  const typesByToken = new Map(pkg.types.map((t) => [t.token, t]));
  const mapper = () => new TypeMapper(typesByToken);
  const names = fileNames(pkg);
  const files = new Map();
  for (const r of pkg.resources) files.set(`${names.get(r.token)}.ts`, renderResource(r, mapper()));
  for (const f of pkg.functions) files.set(`${names.get(f.token)}.ts`, renderFunction(f, mapper()));
  files.set('provider.ts', renderProvider(pkg, mapper()));
  if (pkg.config.length > 0) {
    files.set('config/index.ts', renderConfigIndex());
    files.set('config/vars.ts', renderConfigVars(pkg, typesByToken));
  }
  files.set('types/index.ts', renderTypesIndex(pkg));
  files.set('types/input.ts', renderInputTypes(pkg, typesByToken));
  files.set('types/output.ts', renderOutputTypes(pkg, typesByToken));
  if (enumTypes(pkg).length > 0) files.set('types/enums/index.ts', renderEnums(pkg));
  files.set('utilities.ts', renderUtilities(pkg));
  files.set('index.ts', renderIndex(pkg, names));
  files.set('tsconfig.json', renderTsconfig([...files.keys()]));
  files.set('package.json', renderPackageJson(pkg));
  files.set('README.md', renderReadme(pkg));
  files.set('.gitignore', renderGitignore());
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

module.exports = { generateNodejs, fileNames };
