'use strict';
// types/input.ts, types/output.ts, types/enums/index.ts and types/index.ts. Types of the `index`
// module sit at the top level of each file, as Pulumi's codegen puts them.
const { BANNER, doc, deprecated, joinLines } = require('./text');
const { typeImports, byName } = require('./common');
const { TypeMapper } = require('./tstypes');

function objectTypes(pkg) {
  return pkg.types.filter((t) => t.kind === 'object');
}

function enumTypes(pkg) {
  return pkg.types.filter((t) => t.kind === 'enum');
}

function renderInputTypes(pkg, typesByToken) {
  const mapper = new TypeMapper(typesByToken);
  const body = [];
  for (const t of objectTypes(pkg)) {
    body.push(doc('', t.description));
    body.push(`export interface ${t.member}Args {`);
    for (const p of [...t.properties].sort(byName)) {
      body.push(doc('    ', p.description, [deprecated(p.deprecationMessage)]));
      body.push(`    ${p.name}${p.required ? '' : '?'}: ${mapper.input(p.schema)};`);
    }
    body.push('}');
  }
  return BANNER + '\n' + typeImports(mapper, 'types', { utilities: false }) + '\n' + joinLines(body) + '\n';
}

function renderOutputTypes(pkg, typesByToken) {
  const mapper = new TypeMapper(typesByToken);
  const body = [];
  for (const t of objectTypes(pkg)) {
    body.push(doc('', t.description));
    body.push(`export interface ${t.member} {`);
    for (const p of [...t.properties].sort(byName)) {
      body.push(doc('    ', p.description, [deprecated(p.deprecationMessage)]));
      body.push(`    ${p.name}${p.required ? '' : '?'}: ${mapper.output(p.schema)};`);
    }
    body.push('}');
  }
  return BANNER + '\n' + typeImports(mapper, 'types', { utilities: false }) + '\n' + joinLines(body) + '\n';
}

/** `export const Color = {Red: "red"} as const;` plus the union type of its values. */
function renderEnums(pkg) {
  const body = [];
  for (const e of enumTypes(pkg)) {
    body.push('');
    body.push(`export const ${e.member} = {`);
    for (const v of e.values) {
      body.push(doc('    ', v.description));
      body.push(`    ${enumMemberName(v)}: ${JSON.stringify(v.value)},`);
    }
    body.push('} as const;');
    body.push('');
    body.push(doc('', e.description));
    body.push(`export type ${e.member} = (typeof ${e.member})[keyof typeof ${e.member}];`);
  }
  return BANNER + joinLines(body) + '\n';
}

function enumMemberName(v) {
  const raw = v.name !== undefined ? v.name : String(v.value);
  const name = raw.replace(/[^A-Za-z0-9_$]+(.)?/g, (_, c) => (c ? c.toUpperCase() : '')).replace(/^[a-z]/, (c) => c.toUpperCase());
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function renderTypesIndex(pkg) {
  const hasEnums = enumTypes(pkg).length > 0;
  const lines = [BANNER, '// Export sub-modules:'];
  if (hasEnums) lines.push('import * as enums from "./enums";');
  lines.push('import * as input from "./input";');
  lines.push('import * as output from "./output";');
  lines.push('');
  lines.push('export {');
  if (hasEnums) lines.push('    enums,');
  lines.push('    input,');
  lines.push('    output,');
  lines.push('};');
  return lines.join('\n') + '\n';
}

module.exports = { renderInputTypes, renderOutputTypes, renderEnums, renderTypesIndex, enumTypes, objectTypes };
