'use strict';
// One function file: the plain form (`pulumi.runtime.invoke`, a Promise) and the Output form
// (`pulumi.runtime.invokeOutput`, keeps secrets and unknowns), with their Args and Result types.
const { BANNER, doc, deprecated, joinLines } = require('./text');
const { typeImports, byName } = require('./common');
const { pascalCase } = require('../schema');

function renderFunction(fn, mapper) {
  const f = fn.member;
  const F = pascalCase(f);
  const inputs = [...fn.inputs].sort(byName);
  const outputs = [...fn.outputs].sort(byName);
  const argsOptional = inputs.every((p) => !p.required);
  const resultType = fn.returnRef ? mapper.output(fn.returnRef) : `${F}Result`;
  const invokeName = fn.returnRef ? 'invokeSingle' : 'invoke';
  const objectArgs = inputs.map((p) => `        "${p.name}": args.${p.name},`);
  const fnDoc = doc('', fn.description, [deprecated(fn.deprecationMessage)]);
  const body = [];

  body.push(fnDoc);
  body.push(`export function ${f}(args${argsOptional ? '?' : ''}: ${F}Args, opts?: pulumi.InvokeOptions): Promise<${resultType}> {`);
  if (argsOptional) body.push('    args = args || {};');
  body.push('    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});');
  body.push(`    return pulumi.runtime.${invokeName}("${fn.token}", {`);
  body.push(...objectArgs);
  body.push('    }, opts);');
  body.push('}');
  body.push('');
  body.push(doc('', `A collection of arguments for invoking ${f}.`));
  body.push(`export interface ${F}Args {`);
  for (const p of inputs) {
    body.push(doc('    ', p.description, [deprecated(p.deprecationMessage)]));
    body.push(`    ${p.name}${p.required ? '' : '?'}: ${mapper.plain(p.schema)};`);
  }
  body.push('}');
  body.push('');
  if (!fn.returnRef) {
    body.push(doc('', `A collection of values returned by ${f}.`));
    body.push(`export interface ${F}Result {`);
    for (const p of outputs) {
      body.push(doc('    ', p.description, [deprecated(p.deprecationMessage)]));
      const t = mapper.output(p.schema);
      body.push(`    readonly ${p.name}${p.required ? '' : '?'}: ${t};`);
    }
    body.push('}');
    body.push('');
  }
  body.push(fnDoc);
  body.push(`export function ${f}Output(args${argsOptional ? '?' : ''}: ${F}OutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<${resultType}> {`);
  if (argsOptional) body.push('    args = args || {};');
  body.push('    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});');
  body.push(`    return pulumi.runtime.${invokeName}Output("${fn.token}", {`);
  body.push(...objectArgs);
  body.push('    }, opts);');
  body.push('}');
  body.push('');
  body.push(doc('', `A collection of arguments for invoking ${f}.`));
  body.push(`export interface ${F}OutputArgs {`);
  for (const p of inputs) {
    body.push(doc('    ', p.description, [deprecated(p.deprecationMessage)]));
    body.push(`    ${p.name}${p.required ? '' : '?'}: ${mapper.input(p.schema)};`);
  }
  body.push('}');
  return BANNER + '\n' + typeImports(mapper, '.') + '\n' + joinLines(body) + '\n';
}

module.exports = { renderFunction };
