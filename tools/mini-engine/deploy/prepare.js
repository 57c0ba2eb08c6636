'use strict';
// Binds a loaded program to its packages before any resource call: names resolve, the graph is
// acyclic, every type and function exists in its package schema (GetSchema), every property is known.
const { EngineError } = require('../errors.js');
const { checkNames } = require('../program/load.js');
const { orderProgram } = require('../program/graph.js');
const { accesses, invokes } = require('../program/expressions.js');
const { packageOf, isProviderType } = require('./providers.js');

function allExpressions(program) {
  const out = [];
  program.variables.forEach((v) => out.push([`variables.${v.name}`, v.node]));
  program.resources.forEach((r) => r.properties.forEach(([k, node]) => out.push([`resources.${r.name}.properties.${k}`, node])));
  program.outputs.forEach((o) => out.push([`outputs.${o.name}`, o.node]));
  return out;
}

/**
 * Returns { ordered, resources: Map(name → { decl, token, pkg, schema }), functions: Map(call → token),
 * packages, defaultPackages (those some resource or function uses through its default provider) }.
 */
async function prepareProgram(session, program, config) {
  checkNames(program, [...config.names.keys()]);
  const ordered = orderProgram(program);
  const resources = new Map();
  const packages = new Set();
  const defaultPackages = new Set();
  // Start the default providers while their schemas load (only when a schema must be loaded: with
  // the schema at hand, an unknown type fails before any provider starts).
  new Set(program.resources.map((r) => packageOf(r.typeText)).filter(Boolean))
    .forEach((pkg) => { if (!session.hasSchema(pkg)) { session.provider(pkg); } });
  for (const decl of program.resources) {
    const pkg = packageOf(decl.typeText);
    if (!pkg || decl.typeText.split(':').length < 2) {
      throw new EngineError(`resources.${decl.name}: type '${decl.typeText}' is not a type token; write <package>:<module>:<Type>, e.g. kfp:index:Experiment`);
    }
    const schema = await session.schema(pkg);
    if (isProviderType(decl.typeText)) {
      schema.checkProviderInputs(decl.properties.map(([k]) => k), decl.name);
      resources.set(decl.name, { decl, token: decl.typeText, pkg, schema });
      packages.add(pkg);
      continue;
    }
    const token = schema.resolveResource(decl.typeText, decl.name);
    schema.checkInputs(token, decl.properties.map(([k]) => k), decl.name);
    resources.set(decl.name, { decl, token, pkg, schema });
    packages.add(pkg);
    if (!decl.options.provider) {
      defaultPackages.add(pkg);
    }
  }
  for (const { decl, pkg } of resources.values()) {
    const named = decl.options.provider && resources.get(decl.options.provider);
    if (decl.options.provider && !(named && isProviderType(named.decl.typeText))) {
      throw new EngineError(`resources.${decl.name}.options.provider: '${decl.options.provider}' is not a provider resource of this program; declare one with type pulumi:providers:${pkg}`);
    }
    if (named && named.pkg !== pkg) {
      throw new EngineError(`resources.${decl.name}.options.provider: '${decl.options.provider}' is a provider for package ${named.pkg}, but ${decl.typeText} belongs to package ${pkg}`);
    }
  }
  const functions = new Map();
  for (const [where, node] of allExpressions(program)) {
    for (const access of accesses(node)) {
      const target = resources.get(access.root);
      if (target && access.path.length > 0 && typeof access.path[0] === 'string') {
        target.schema.checkOutput(target.token, access.path[0], where);
      }
    }
    for (const call of invokes(node)) {
      const pkg = packageOf(call.function);
      const schema = await session.schema(pkg);
      functions.set(call, { pkg, token: schema.resolveFunction(call.function, call.where) });
      packages.add(pkg);
      defaultPackages.add(pkg);
    }
  }
  return { ordered, resources, functions, packages: [...packages].sort(), defaultPackages: [...defaultPackages].sort() };
}

module.exports = { prepareProgram };
