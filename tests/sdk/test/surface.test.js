'use strict';
// The generated declarations (.d.ts, read with the TypeScript compiler API) against schema.json: every
// property on the class as pulumi.Output (optional ones `| undefined`), every input in the Args interface
// with the schema's optionality, every function argument and result, every object type, the provider's
// inputs and the config variables. A property the generator drops fails here.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { schema, sdkDir, member } = require('./helpers');

const camel = (s) => s.charAt(0).toLowerCase() + s.slice(1);

function declarations(rel) {
  const file = path.join(sdkDir, rel);
  assert.ok(fs.existsSync(file), `the compiled SDK has no ${rel}`);
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** name → {optional, type} for the members of an exported class or interface. */
function membersOf(source, name) {
  let found;
  source.forEachChild((node) => {
    if ((ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) && node.name && node.name.text === name) found = node;
  });
  assert.ok(found, `${path.basename(source.fileName)} declares no ${name}`);
  const members = new Map();
  for (const m of found.members) {
    if (!m.name || !m.type || !(ts.isPropertyDeclaration(m) || ts.isPropertySignature(m))) continue;
    const isStatic = m.modifiers && m.modifiers.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
    if (isStatic) continue;
    members.set(m.name.getText(source), { optional: !!m.questionToken, type: m.type.getText(source) });
  }
  return members;
}

function assertSameNames(actual, expected, what) {
  assert.deepEqual([...actual.keys()].sort(), Object.keys(expected).sort(), `${what}: members differ from the schema`);
}

function assertOptionality(actual, required, what) {
  for (const [k, m] of actual) {
    assert.equal(m.optional, !required.includes(k), `${what}.${k} is ${m.optional ? 'optional' : 'required'} but the schema says otherwise`);
  }
}

for (const [token, res] of Object.entries(schema.resources)) {
  const R = member(token);
  test(`${R}: the class has every schema property as an Output, and ${R}Args every input`, () => {
    const src = declarations(`${camel(R)}.d.ts`);
    const cls = membersOf(src, R);
    assertSameNames(cls, res.properties, R);
    for (const [k, m] of cls) {
      assert.match(m.type, /^pulumi\.Output<.*>$/s, `${R}.${k} is ${m.type}`);
      assert.equal(/\| undefined>$/s.test(m.type), !(res.required || []).includes(k), `${R}.${k}: ${m.type} vs required ${res.required}`);
    }
    const args = membersOf(src, `${R}Args`);
    assertSameNames(args, res.inputProperties, `${R}Args`);
    assertOptionality(args, res.requiredInputs || [], `${R}Args`);
  });
}

for (const [token, fn] of Object.entries(schema.functions)) {
  const f = member(token);
  const F = f.charAt(0).toUpperCase() + f.slice(1);
  test(`${f}: ${F}Args, ${F}OutputArgs and ${F}Result match the schema`, () => {
    const src = declarations(`${f}.d.ts`);
    for (const name of [`${F}Args`, `${F}OutputArgs`]) {
      const args = membersOf(src, name);
      assertSameNames(args, fn.inputs.properties, name);
      assertOptionality(args, fn.inputs.required || [], name);
    }
    const result = membersOf(src, `${F}Result`);
    assertSameNames(result, fn.outputs.properties, `${F}Result`);
    assertOptionality(result, fn.outputs.required || [], `${F}Result`);
  });
}

for (const [token, type] of Object.entries(schema.types)) {
  if (type.enum) continue;
  const T = member(token);
  test(`${T}: types.input.${T}Args and types.output.${T} match the schema`, () => {
    const input = membersOf(declarations('types/input.d.ts'), `${T}Args`);
    assertSameNames(input, type.properties, `${T}Args`);
    assertOptionality(input, type.required || [], `${T}Args`);
    const output = membersOf(declarations('types/output.d.ts'), T);
    assertSameNames(output, type.properties, T);
    assertOptionality(output, type.required || [], T);
  });
}

test('ProviderArgs has every provider input; config/vars declares every config variable', () => {
  const args = membersOf(declarations('provider.d.ts'), 'ProviderArgs');
  assertSameNames(args, schema.provider.inputProperties, 'ProviderArgs');
  assertOptionality(args, schema.provider.requiredInputs || [], 'ProviderArgs');
  const vars = declarations('config/vars.d.ts');
  const declared = [];
  vars.forEachChild((node) => {
    if (ts.isVariableStatement(node)) for (const d of node.declarationList.declarations) declared.push(d.name.getText(vars));
  });
  assert.deepEqual(declared.sort(), Object.keys(schema.config.variables).sort());
});

test('index exports every resource, function (both forms), Provider, config and types', () => {
  const kfp = require(sdkDir);
  const names = new Set(Object.keys(kfp));
  const expected = [
    ...Object.keys(schema.resources).map(member),
    ...Object.keys(schema.functions).flatMap((t) => [member(t), `${member(t)}Output`]),
    'Provider', 'config', 'types',
  ];
  for (const n of expected) assert.ok(names.has(n), `the package does not export ${n}`);
  assert.equal(typeof kfp.types.input, 'object');
  assert.equal(typeof kfp.types.output, 'object');
});

test('package.json names the plugin and its version from the schema', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(sdkDir, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.pulumi, { resource: true, name: schema.name, version: schema.version });
  assert.equal(pkg.version, schema.version);
  assert.equal(pkg.name, schema.language.nodejs.packageName);
  assert.equal(require(path.join(sdkDir, 'utilities.js')).getVersion(), schema.version);
});
