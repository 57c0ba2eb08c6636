'use strict';
// index.ts: lazy-loaded exports (a member's module is required on first use), the config and types
// sub-modules, and the registrations that let the SDK rebuild resources and the provider from references.
const { BANNER } = require('./text');
const { pascalCase } = require('../schema');
const { enumTypes } = require('./types');

function renderIndex(pkg, files) {
  const lines = [BANNER, 'import * as pulumi from "@pulumi/pulumi";', 'import * as utilities from "./utilities";', '', '// Export members:'];
  const members = [
    ...pkg.functions.map((f) => ({ kind: 'function', name: f.member, file: files.get(f.token) })),
    ...pkg.resources.map((r) => ({ kind: 'resource', name: r.member, file: files.get(r.token) })),
    { kind: 'resource', name: 'Provider', file: 'provider', provider: true },
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const m of members) {
    const mod = `./${m.file}`;
    if (m.kind === 'function') {
      const F = pascalCase(m.name);
      const fn = pkg.functions.find((f) => f.member === m.name);
      const types = [`${F}Args`, ...(fn.returnRef ? [] : [`${F}Result`]), `${F}OutputArgs`];
      lines.push(`export type { ${types.join(', ')} } from "${mod}";`);
      lines.push(`export const ${m.name}: typeof import("${mod}").${m.name} = null as any;`);
      lines.push(`export const ${m.name}Output: typeof import("${mod}").${m.name}Output = null as any;`);
      lines.push(`utilities.lazyLoad(exports, ["${m.name}","${m.name}Output"], () => require("${mod}"));`);
    } else {
      const res = m.provider ? undefined : pkg.resources.find((r) => r.member === m.name);
      const types = [`${m.name}Args`, ...(res && res.stateInputs ? [`${m.name}State`] : [])];
      lines.push(`export type { ${types.join(', ')} } from "${mod}";`);
      lines.push(`export type ${m.name} = import("${mod}").${m.name};`);
      lines.push(`export const ${m.name}: typeof import("${mod}").${m.name} = null as any;`);
      lines.push(`utilities.lazyLoad(exports, ["${m.name}"], () => require("${mod}"));`);
    }
    lines.push('');
  }
  if (enumTypes(pkg).length > 0) {
    lines.push('// Export enums:', 'export * from "./types/enums";', '');
  }
  const subs = [...(pkg.config.length > 0 ? ['config'] : []), 'types'];
  lines.push('// Export sub-modules:');
  for (const s of subs) lines.push(`import * as ${s} from "./${s}";`);
  lines.push('', 'export {', ...subs.map((s) => `    ${s},`), '};', '');
  if (pkg.resources.length > 0) {
    lines.push('const _module = {');
    lines.push('    version: utilities.getVersion(),');
    lines.push('    construct: (name: string, type: string, urn: string): pulumi.Resource => {');
    lines.push('        switch (type) {');
    for (const r of pkg.resources) {
      lines.push(`            case "${r.token}":`);
      lines.push(`                return new ${r.member}(name, <any>undefined, { urn })`);
    }
    lines.push('            default:');
    lines.push('                throw new Error(`unknown resource type ${type}`);');
    lines.push('        }');
    lines.push('    },');
    lines.push('};');
    lines.push(`pulumi.runtime.registerResourceModule("${pkg.name}", "index", _module)`);
  }
  lines.push(`pulumi.runtime.registerResourcePackage("${pkg.name}", {`);
  lines.push('    version: utilities.getVersion(),');
  lines.push('    constructProvider: (name: string, type: string, urn: string): pulumi.ProviderResource => {');
  lines.push(`        if (type !== "pulumi:providers:${pkg.name}") {`);
  lines.push('            throw new Error(`unknown provider type ${type}`);');
  lines.push('        }');
  lines.push('        return new Provider(name, <any>undefined, { urn });');
  lines.push('    },');
  lines.push('});');
  return lines.join('\n') + '\n';
}

module.exports = { renderIndex };
