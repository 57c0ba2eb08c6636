'use strict';
// Pieces shared by the resource, provider and function templates.
const { literal } = require('./text');

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The expression that copies one input from `args` into resourceInputs: defaults, env defaults, secrets. */
function inputValue(p, args) {
  let value = `${args}?.${p.name}`;
  const fallback = defaultExpression(p);
  if (fallback !== undefined) value = `(${value}) ?? ${fallback}`;
  if (p.secret) {
    value = fallback !== undefined ? `pulumi.secret(${value})` : `${args}?.${p.name} ? pulumi.secret(${args}.${p.name}) : undefined`;
  }
  return value;
}

function defaultExpression(p) {
  const env = p.defaultEnv && p.defaultEnv.length > 0 ? p.defaultEnv : undefined;
  const envCall = env ? `utilities.${envGetter(p.schema)}(${env.map((e) => JSON.stringify(e)).join(', ')})` : undefined;
  if (p.default !== undefined && envCall) return `(${envCall} ?? ${literal(p.default)})`;
  if (p.default !== undefined) return literal(p.default);
  return envCall;
}

function envGetter(schema) {
  switch (schema.type) {
    case 'boolean':
      return 'getEnvBoolean';
    case 'integer':
    case 'number':
      return 'getEnvNumber';
    default:
      return 'getEnv';
  }
}

/** The import block of a file in folder `dir` ('.' for the root), importing only what the mapper used. */
function typeImports(mapper, dir, { utilities = true } = {}) {
  const up = dir === '.' ? './' : '../';
  const lines = ['import * as pulumi from "@pulumi/pulumi";'];
  if (mapper.used.inputs) lines.push(`import * as inputs from "${up}types/input";`);
  if (mapper.used.outputs) lines.push(`import * as outputs from "${up}types/output";`);
  if (mapper.used.enums) lines.push(`import * as enums from "${up}types/enums";`);
  if (utilities) lines.push(`import * as utilities from "${up}utilities";`);
  return lines.join('\n') + '\n';
}

module.exports = { byName, inputValue, defaultExpression, envGetter, typeImports };
