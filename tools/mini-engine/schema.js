'use strict';
// A package schema (from GetSchema) as Pulumi YAML uses it: token resolution (shorthand and
// case-insensitive), property checks, and the schema's secret and replaceOnChanges flags.
const { EngineError } = require('./errors.js');

function candidates(text) {
  const parts = text.split(':');
  if (parts.length === 2) {
    return [`${parts[0]}:index:${parts[1]}`, text];
  }
  if (parts.length === 3) {
    const [pkg, mod, name] = parts;
    return [text, `${pkg}:${mod}/${name.charAt(0).toLowerCase()}${name.slice(1)}:${name}`];
  }
  return [text];
}

function lookup(map, text) {
  const keys = Object.keys(map ?? {});
  for (const candidate of candidates(text)) {
    const hit = keys.find((k) => k.toLowerCase() === candidate.toLowerCase());
    if (hit) {
      return hit;
    }
  }
  return null;
}

class PackageSchema {
  constructor(schemaText, pluginVersion) {
    try {
      this.spec = JSON.parse(schemaText);
    } catch (e) {
      throw new EngineError(`the provider's GetSchema returned invalid JSON (${e.message}); this is a bug in the provider`);
    }
    this.name = this.spec.name;
    this.version = this.spec.version ?? pluginVersion;
  }

  get resourceTokens() {
    return Object.keys(this.spec.resources ?? {}).sort();
  }

  /** The canonical resource token for `text`, or a clear error naming the resource. */
  resolveResource(text, resourceName) {
    const token = lookup(this.spec.resources, text);
    if (!token) {
      throw new EngineError(`resource '${resourceName}' has type '${text}', which package ${this.name} (v${this.version}) does not define; ` +
        `it defines ${this.resourceTokens.join(', ') || 'no resources'}. Check the spelling, or build a provider that has it.`);
    }
    return token;
  }

  resolveFunction(text, where) {
    const token = lookup(this.spec.functions, text);
    if (!token) {
      const known = Object.keys(this.spec.functions ?? {}).sort();
      throw new EngineError(`${where}: function '${text}' is not defined by package ${this.name} (v${this.version}); it defines ${known.join(', ') || 'no functions'}`);
    }
    return token;
  }

  resource(token) {
    return this.spec.resources[token];
  }

  /** Every input key must be an input property of the type (Pulumi YAML's type check). */
  checkInputs(token, keys, resourceName) {
    const inputs = this.resource(token).inputProperties ?? {};
    for (const key of keys) {
      if (!(key in inputs)) {
        throw new EngineError(`resources.${resourceName}.properties.${key}: ${token} has no input '${key}'; its inputs are ${Object.keys(inputs).sort().join(', ')}`);
      }
    }
  }

  /** An explicit provider's properties must be config keys of the package (its provider inputs). */
  checkProviderInputs(keys, resourceName) {
    const inputs = { ...(this.spec.provider?.inputProperties ?? {}), ...(this.spec.config?.variables ?? {}) };
    for (const key of keys) {
      if (!(key in inputs) && key !== 'version') {
        throw new EngineError(`resources.${resourceName}.properties.${key}: the ${this.name} provider has no configuration key '${key}'; its keys are ${Object.keys(inputs).sort().join(', ')}`);
      }
    }
  }

  /** `${res.prop}` must name an output (or input) property; id and urn are always there. */
  checkOutput(token, property, where) {
    if (token.startsWith('pulumi:providers:')) {
      return;
    }
    const spec = this.resource(token);
    if (property === 'id' || property === 'urn' || property in (spec.properties ?? {}) || property in (spec.inputProperties ?? {})) {
      return;
    }
    throw new EngineError(`${where}: ${token} has no property '${property}'; it has id, urn, ${Object.keys(spec.properties ?? {}).sort().join(', ')}`);
  }

  /** Properties the schema marks secret (Pulumi YAML turns them into additionalSecretOutputs). */
  secretOutputs(token) {
    const spec = this.resource(token);
    return Object.entries(spec.properties ?? {}).filter(([, p]) => p.secret).map(([k]) => k).sort();
  }

  /** Properties the schema marks replaceOnChanges (Pulumi YAML turns them into the option). */
  replaceOnChanges(token) {
    const spec = this.resource(token);
    const all = { ...(spec.properties ?? {}), ...(spec.inputProperties ?? {}) };
    return Object.entries(all).filter(([, p]) => p.replaceOnChanges).map(([k]) => k).sort();
  }
}

module.exports = { PackageSchema };
