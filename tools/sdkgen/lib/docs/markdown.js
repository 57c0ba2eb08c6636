'use strict';
// Markdown pieces for the reference pages: type names, property tables, YAML sample values.
const { refToken, splitToken } = require('../schema');

function kebab(member) {
  return member.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The page a token is documented on (object and enum types share types.md). */
function typeAnchor(member) {
  return `types.md#${member.toLowerCase()}`;
}

/** A readable type name, linking object and enum types. */
function typeName(t, { link = true } = {}) {
  if (t.$ref === 'pulumi.json#/Any' || t.$ref === 'pulumi.json#/Json') return 'any (JSON value)';
  if (t.$ref === 'pulumi.json#/Asset') return 'Asset or Archive';
  if (t.$ref === 'pulumi.json#/Archive') return 'Archive';
  if (t.$ref) {
    const { member } = splitToken(refToken(t.$ref));
    return link ? `[${member}](${typeAnchor(member)})` : member;
  }
  switch (t.type) {
    case 'array':
      return `list of ${typeName(t.items, { link })}`;
    case 'object':
      return t.additionalProperties ? `map of ${typeName(t.additionalProperties, { link })}` : 'object';
    default:
      return t.type;
  }
}

function cell(text) {
  return (text || '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

/** A table of properties: name, type, and a description with the schema's flags. */
function propertyTable(props, { showRequired = true, flags = true } = {}) {
  if (props.length === 0) return '_None._\n';
  const head = showRequired ? '| name | type | required | description |\n|---|---|---|---|' : '| name | type | description |\n|---|---|---|';
  const rows = props.map((p) => {
    const notes = [];
    if (flags && p.default !== undefined) notes.push(`Default: \`${JSON.stringify(p.default)}\`.`);
    if (flags && p.defaultEnv && p.defaultEnv.length > 0) notes.push(`Default from ${p.defaultEnv.map((e) => `\`${e}\``).join(' or ')}.`);
    if (flags && p.secret) notes.push('**Secret.**');
    if (flags && p.replaceOnChanges) notes.push('Changing it replaces the resource.');
    if (p.deprecationMessage) notes.push(`**Deprecated:** ${p.deprecationMessage}`);
    const description = cell([p.description, ...notes].filter(Boolean).join(' '));
    const cells = [`\`${p.name}\``, cell(typeName(p.schema)), ...(showRequired ? [p.required ? 'yes' : 'no'] : []), description];
    return `| ${cells.join(' | ')} |`;
  });
  return `${head}\n${rows.join('\n')}\n`;
}

/** A YAML sample value for a property, as text at the given indent (multi-line for objects). */
function yamlSample(t, name, typesByToken, indent) {
  if (t.$ref === 'pulumi.json#/Any' || t.$ref === 'pulumi.json#/Json') return '{}';
  if (t.$ref) {
    const type = typesByToken.get(refToken(t.$ref));
    if (type.kind === 'enum') return JSON.stringify(type.values[0].value);
    const required = type.properties.filter((p) => p.required);
    const shown = required.length > 0 ? required : type.properties.slice(0, 1);
    return '\n' + shown.map((p) => `${indent}${p.name}: ${yamlSample(p.schema, p.name, typesByToken, indent + '  ')}`).join('\n');
  }
  switch (t.type) {
    case 'string':
      return JSON.stringify(`<${name}>`);
    case 'integer':
    case 'number':
      return '1';
    case 'boolean':
      return 'true';
    case 'array': {
      const item = yamlSample(t.items, name, typesByToken, indent + '  ');
      if (item.startsWith('\n')) return `\n${indent}- ${item.slice(1).split('\n').map((l, i) => (i === 0 ? l.trimStart() : l)).join('\n')}`;
      return `[${item}]`;
    }
    case 'object':
      return `{KEY: ${yamlSample(t.additionalProperties || { type: 'string' }, 'value', typesByToken, indent)}}`;
    default:
      return 'null';
  }
}

module.exports = { kebab, typeName, typeAnchor, propertyTable, yamlSample, cell };
