'use strict';
// Maps schema types to TypeScript, in the three forms Pulumi's nodejs codegen uses:
// `input` (resource and Output-form function arguments: every level may be an Output),
// `plain` (plain-form function arguments) and `output` (resource outputs and results).
const { refToken, splitToken } = require('../schema');

class TypeMapper {
  /** @param {Map<string, object>} typesByToken the schema's object and enum types */
  constructor(typesByToken) {
    this.typesByToken = typesByToken;
    this.used = { inputs: false, outputs: false, enums: false };
  }

  /** The declared type of an input property: `pulumi.Input<...>`, or `any` for untyped values. */
  input(t) {
    const inner = this.inputInner(t);
    return inner === 'any' ? 'any' : `pulumi.Input<${inner}>`;
  }

  inputInner(t) {
    if (t.$ref !== undefined) return this.ref(t.$ref, 'input');
    switch (t.type) {
      case 'array':
        return `${this.wrapInput(t.items)}[]`;
      case 'object':
        if (t.additionalProperties) return `{[key: string]: ${this.wrapInput(t.additionalProperties)}}`;
        return 'any';
      default:
        return this.primitive(t);
    }
  }

  wrapInput(t) {
    const inner = this.inputInner(t);
    return inner === 'any' ? 'any' : `pulumi.Input<${inner}>`;
  }

  /** A plain value as a plain-form function argument. */
  plain(t) {
    return this.shape(t, 'plain');
  }

  /** A resolved value: the `T` of `pulumi.Output<T>`, or a result field. */
  output(t) {
    return this.shape(t, 'output');
  }

  shape(t, mode) {
    if (t.$ref !== undefined) return this.ref(t.$ref, mode);
    switch (t.type) {
      case 'array': {
        const item = this.shape(t.items, mode);
        return `${/[ |]/.test(item) ? `(${item})` : item}[]`;
      }
      case 'object':
        if (t.additionalProperties) return `{[key: string]: ${this.shape(t.additionalProperties, mode)}}`;
        return 'any';
      default:
        return this.primitive(t);
    }
  }

  primitive(t) {
    switch (t.type) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      default:
        throw new Error(`unsupported schema type ${JSON.stringify(t)}: expected string, integer, number, boolean, array, object or $ref`);
    }
  }

  ref(ref, mode) {
    switch (ref) {
      case 'pulumi.json#/Any':
      case 'pulumi.json#/Json':
        return 'any';
      case 'pulumi.json#/Asset':
        return 'pulumi.asset.Asset | pulumi.asset.Archive';
      case 'pulumi.json#/Archive':
        return 'pulumi.asset.Archive';
      default:
        break;
    }
    const token = refToken(ref);
    const type = this.typesByToken.get(token);
    if (!type) {
      throw new Error(`reference '${ref}' names no type in the schema's "types"`);
    }
    const { member } = splitToken(token);
    if (type.kind === 'enum') {
      this.used.enums = true;
      return `enums.${member}`;
    }
    if (mode === 'output') {
      this.used.outputs = true;
      return `outputs.${member}`;
    }
    this.used.inputs = true;
    return `inputs.${member}Args`;
  }
}

module.exports = { TypeMapper };
