'use strict';
// docs/reference: one page per resource and function, the provider configuration and the object types,
// each from schema.json (descriptions, inputs, outputs, a Pulumi YAML usage snippet), plus an index.
const { kebab, typeName, propertyTable, yamlSample, cell } = require('./markdown');

const BANNER = '<!-- Generated from schema.json by tools/sdkgen (`make docs`). Do not edit by hand. -->\n';

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A YAML value after `key:`: inline values get a space, block values start on the next line. */
function spaced(value) {
  return value.startsWith('\n') ? value : ` ${value}`;
}

function firstSentence(text) {
  const m = /^(.*?[.!?])(\s|$)/s.exec(text || '');
  return cell(m ? m[1] : text || '');
}

function resourcePage(pkg, res, typesByToken) {
  const R = res.member;
  const local = R.charAt(0).toLowerCase() + R.slice(1);
  const required = res.inputs.filter((p) => p.required);
  const optional = res.inputs.filter((p) => !p.required);
  const yaml = [`resources:`, `  ${local}:`, `    type: ${res.token}`];
  if (required.length > 0) {
    yaml.push('    properties:');
    for (const p of required) yaml.push(`      ${p.name}:${spaced(yamlSample(p.schema, p.name, typesByToken, '        '))}`);
  } else {
    yaml.push('    properties: {}');
  }
  for (const p of optional) yaml.push(`      # ${p.name}: ${typeName(p.schema, { link: false })}${p.default !== undefined ? ` (default ${JSON.stringify(p.default)})` : ''}`);
  const shownOutputs = res.outputOnly.length > 0 ? res.outputOnly : res.outputs.slice(0, 1);
  if (shownOutputs.length > 0) {
    yaml.push('outputs:');
    for (const p of shownOutputs) yaml.push(`  ${p.name}: \${${local}.${p.name}}`);
  }
  const refs = referencedTypes(res.inputs.concat(res.outputs), typesByToken);
  return `${BANNER}
# ${R}

\`${res.token}\` · [reference index](README.md)

${res.description}
${res.deprecationMessage ? `\n**Deprecated:** ${res.deprecationMessage}\n` : ''}
## Usage (Pulumi YAML)

\`\`\`yaml
${yaml.join('\n')}
\`\`\`

In TypeScript: \`new ${pkg.name}.${R}("${local}", { ... })\` from the SDK in \`sdk/nodejs\`.

## Inputs

${propertyTable([...res.inputs].sort(byName))}
## Outputs

Every input is also an output. In addition:

${propertyTable([...res.outputOnly].sort(byName), { showRequired: false })}
${refs.length > 0 ? `## Types\n\n${refs.map((t) => `- [${t.member}](types.md#${t.member.toLowerCase()})`).join('\n')}\n\n` : ''}## Lookup and import

The resource's ID is the one its provider records. Read an existing object into a program with
\`get: {id: <ID>}\` (YAML) or \`${pkg.name}.${R}.get("name", "<ID>")\` (TypeScript); adopt it with
\`pulumi import ${res.token} <name> <ID>\`.
`;
}

function functionPage(pkg, fn, typesByToken) {
  const required = fn.inputs.filter((p) => p.required);
  const args = required.map((p) => `        ${p.name}:${spaced(yamlSample(p.schema, p.name, typesByToken, '          '))}`);
  const firstOut = fn.outputs[0];
  const yaml = [
    'variables:',
    `  ${fn.member}Result:`,
    '    fn::invoke:',
    `      function: ${fn.token}`,
    '      arguments:',
    ...(args.length > 0 ? args : ['        {}']),
    ...(firstOut ? [`outputs:`, `  ${firstOut.name}: \${${fn.member}Result.${firstOut.name}}`] : []),
  ];
  return `${BANNER}
# ${fn.member}

\`${fn.token}\` · [reference index](README.md)

${fn.description}

## Usage (Pulumi YAML)

\`\`\`yaml
${yaml.join('\n')}
\`\`\`

In TypeScript: \`${pkg.name}.${fn.member}({ ... })\` (a Promise) or \`${pkg.name}.${fn.member}Output({ ... })\` (an Output,
which accepts Outputs as arguments and keeps secrets).

## Arguments

${propertyTable([...fn.inputs].sort(byName))}
## Result

${fn.returnRef ? `${typeName(fn.returnRef)}\n` : propertyTable([...fn.outputs].sort(byName))}`;
}

function providerPage(pkg) {
  const vars = [...pkg.config].sort(byName);
  const strings = pkg.config.filter((p) => p.schema.type === 'string');
  const shown = [...strings.filter((p) => !p.secret).slice(0, 2), ...strings.filter((p) => p.secret).slice(0, 1)];
  const setLines = shown.map((p) => `pulumi config set ${p.secret ? '--secret ' : ''}${pkg.name}:${p.name} <${p.name}>`);
  const providerInputs = [...pkg.provider.inputs].sort(byName);
  const example = pkg.provider.inputs.filter((p) => p.schema.type === 'string' && !p.secret).slice(0, 2);
  const target = pkg.resources.find((r) => r.inputs.every((p) => !p.required));
  const targetName = target ? target.member.charAt(0).toLowerCase() + target.member.slice(1) : 'resource';
  return `${BANNER}
# Provider configuration

\`pulumi:providers:${pkg.name}\` · [reference index](README.md)

${pkg.provider.description}

## Stack configuration

\`\`\`sh
${setLines.join('\n')}
\`\`\`

${propertyTable(vars, { showRequired: false })}
## An explicit provider (Pulumi YAML)

\`\`\`yaml
resources:
  ${pkg.name}Provider:
    type: pulumi:providers:${pkg.name}
    properties:
${example.map((p) => `      ${p.name}: ${JSON.stringify(`<${p.name}>`)}`).join('\n')}
  ${targetName}:
    type: ${target ? target.token : `${pkg.name}:index:Resource`}
    options:
      provider: \${${pkg.name}Provider}
\`\`\`

## Provider inputs

${propertyTable(providerInputs)}`;
}

function typesPage(pkg) {
  const sections = pkg.types.map((t) => {
    if (t.kind === 'enum') {
      const rows = t.values.map((v) => `| \`${JSON.stringify(v.value)}\` | ${cell(v.description)} |`).join('\n');
      return `## ${t.member}\n\n\`${t.token}\` (enum)\n\n${t.description}\n\n| value | description |\n|---|---|\n${rows}\n`;
    }
    return `## ${t.member}\n\n\`${t.token}\`\n\n${t.description}\n\n${propertyTable([...t.properties].sort(byName))}`;
  });
  return `${BANNER}
# Types

[reference index](README.md)

Object types used by resource inputs and outputs. In TypeScript they are \`${pkg.name}.types.input.<Name>Args\` (inputs)
and \`${pkg.name}.types.output.<Name>\` (outputs).

${sections.join('\n') || '_None._\n'}`;
}

function indexPage(pkg, pages) {
  const rows = (items) => items.map((x) => `| [${x.member}](${x.page}) | \`${x.token}\` | ${firstSentence(x.description)} |`).join('\n');
  return `${BANNER}
# ${pkg.displayName} (\`${pkg.name}\`) reference

${pkg.description}

Package \`${pkg.name}\` version ${pkg.version}. Generated from \`schema.json\`; \`make docs\` rewrites these pages
and \`make docs-check\` (part of \`make test\`) fails when they are stale.

- [Provider configuration](provider.md)
- [Types](types.md)

## Resources

| resource | token | what |
|---|---|---|
${rows(pages.resources)}

## Functions

| function | token | what |
|---|---|---|
${rows(pages.functions)}
`;
}

function referencedTypes(props, typesByToken) {
  const found = new Map();
  const visit = (t) => {
    if (!t) return;
    if (t.$ref && t.$ref.startsWith('#/types/')) {
      const type = typesByToken.get(t.$ref.slice('#/types/'.length));
      if (type && !found.has(type.token)) found.set(type.token, type);
    }
    visit(t.items);
    visit(t.additionalProperties);
  };
  for (const p of props) visit(p.schema);
  return [...found.values()].sort((a, b) => (a.member < b.member ? -1 : 1));
}

function generateDocs(pkg) {
  const typesByToken = new Map(pkg.types.map((t) => [t.token, t]));
  const files = new Map();
  const pages = { resources: [], functions: [] };
  for (const r of pkg.resources) {
    const page = `${kebab(r.member)}.md`;
    files.set(page, resourcePage(pkg, r, typesByToken));
    pages.resources.push({ ...r, page });
  }
  for (const f of pkg.functions) {
    const page = `${kebab(f.member)}.md`;
    files.set(page, functionPage(pkg, f, typesByToken));
    pages.functions.push({ ...f, page });
  }
  for (const reserved of ['provider.md', 'types.md', 'README.md']) {
    if (files.has(reserved)) throw new Error(`a schema member would be documented in ${reserved}, which the reference index already uses`);
  }
  files.set('provider.md', providerPage(pkg));
  files.set('types.md', typesPage(pkg));
  files.set('README.md', indexPage(pkg, pages));
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

module.exports = { generateDocs };
