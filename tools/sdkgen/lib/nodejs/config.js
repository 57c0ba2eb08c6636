'use strict';
// config/vars.ts: one getter per config variable, read when accessed (so `pulumi.runtime.setConfig`
// and stack config both count). Strings use Config.get, everything else Config.getObject.
const { BANNER, doc, deprecated, joinLines } = require('./text');
const { defaultExpression, byName } = require('./common');
const { TypeMapper } = require('./tstypes');

function renderConfigVars(pkg, typesByToken) {
  const mapper = new TypeMapper(typesByToken);
  const body = ['declare var exports: any;', `const __config = new pulumi.Config("${pkg.name}");`];
  let usesUtilities = false;
  for (const p of [...pkg.config].sort(byName)) {
    const t = mapper.output(p.schema);
    const fallback = defaultExpression(p);
    if (fallback && fallback.includes('utilities.')) usesUtilities = true;
    const read = p.schema.type === 'string' ? `__config.get("${p.name}")` : `__config.getObject<${t}>("${p.name}")`;
    body.push('');
    body.push(doc('', p.description, [deprecated(p.deprecationMessage)]));
    body.push(`export declare const ${p.name}: ${t}${p.default !== undefined ? '' : ' | undefined'};`);
    body.push(`Object.defineProperty(exports, "${p.name}", {`);
    body.push('    get() {');
    body.push(`        return ${read}${fallback ? ` ?? ${fallback}` : ''};`);
    body.push('    },');
    body.push('    enumerable: true,');
    body.push('});');
  }
  const imports = ['import * as pulumi from "@pulumi/pulumi";'];
  if (mapper.used.inputs) imports.push('import * as inputs from "../types/input";');
  if (mapper.used.outputs) imports.push('import * as outputs from "../types/output";');
  if (mapper.used.enums) imports.push('import * as enums from "../types/enums";');
  if (usesUtilities) imports.push('import * as utilities from "../utilities";');
  return BANNER + '\n' + imports.join('\n') + '\n\n' + joinLines(body) + '\n';
}

function renderConfigIndex() {
  return BANNER + '\n// Export members:\nexport * from "./vars";\n';
}

module.exports = { renderConfigVars, renderConfigIndex };
