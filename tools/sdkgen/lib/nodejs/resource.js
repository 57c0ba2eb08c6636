'use strict';
// One resource class file, in the shape Pulumi's nodejs codegen gives a first-party provider:
// `get`, `__pulumiType`, `isInstance`, `declare`d Output properties, a constructor that fills
// `resourceInputs` (every output key present), and the Args (and State) interfaces.
const { BANNER, doc, deprecated, joinLines } = require('./text');
const { inputValue, typeImports, byName } = require('./common');

const GET_DOC = [
  "Get an existing {R} resource's state with the given name, ID, and optional extra",
  'properties used to qualify the lookup.',
  '',
  '@param name The _unique_ name of the resulting resource.',
  '@param id The _unique_ provider ID of the resource to lookup.',
].join('\n');

function renderResource(res, mapper) {
  const R = res.member;
  const outputs = [...res.outputs].sort(byName);
  const inputs = [...res.inputs].sort(byName);
  const outputOnly = new Set(res.outputOnly.map((p) => p.name));
  const state = res.stateInputs ? [...res.stateInputs].sort(byName) : undefined;
  const requiredInputs = inputs.filter((p) => p.required);
  const argsOptional = requiredInputs.length === 0;

  const body = [];
  body.push(doc('', res.description, [deprecated(res.deprecationMessage)]));
  body.push(`export class ${R} extends pulumi.CustomResource {`);
  const getDoc = GET_DOC.replace('{R}', R) +
    (state ? '\n@param state Any extra arguments used during the lookup.' : '') +
    '\n@param opts Optional settings to control the behavior of the CustomResource.';
  body.push(doc('    ', getDoc));
  if (state) {
    body.push(`    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: ${R}State, opts?: pulumi.CustomResourceOptions): ${R} {`);
    body.push(`        return new ${R}(name, <any>state, { ...opts, id: id });`);
  } else {
    body.push(`    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ${R} {`);
    body.push(`        return new ${R}(name, undefined as any, { ...opts, id: id });`);
  }
  body.push('    }');
  body.push('');
  body.push('    /** @internal */');
  body.push(`    public static readonly __pulumiType = '${res.token}';`);
  body.push('');
  body.push(doc('    ', `Returns true if the given object is an instance of ${R}.  This is designed to work even\nwhen multiple copies of the Pulumi SDK have been loaded into the same process.`));
  body.push(`    public static isInstance(obj: any): obj is ${R} {`);
  body.push('        if (obj === undefined || obj === null) {');
  body.push('            return false;');
  body.push('        }');
  body.push(`        return obj['__pulumiType'] === ${R}.__pulumiType;`);
  body.push('    }');
  body.push('');
  for (const p of outputs) {
    body.push(doc('    ', p.description, [deprecated(p.deprecationMessage)]));
    const t = mapper.output(p.schema);
    const out = outputOnly.has(p.name) ? '/*out*/ ' : '';
    body.push(`    declare public ${out}readonly ${p.name}: pulumi.Output<${p.required ? t : `${t} | undefined`}>;`);
  }
  body.push('');
  body.push(doc('    ', `Create a ${R} resource with the given unique name, arguments, and options.\n\n` +
    '@param name The _unique_ name of the resource.\n' +
    "@param args The arguments to use to populate this resource's properties.\n" +
    "@param opts A bag of options that control this resource's behavior."));
  const argsParam = `args${argsOptional ? '?' : ''}: ${R}Args`;
  if (state) {
    body.push(`    constructor(name: string, ${argsParam}, opts?: pulumi.CustomResourceOptions)`);
    body.push(`    constructor(name: string, argsOrState?: ${R}Args | ${R}State, opts?: pulumi.CustomResourceOptions) {`);
  } else {
    body.push(`    constructor(name: string, ${argsParam}, opts?: pulumi.CustomResourceOptions) {`);
  }
  body.push('        let resourceInputs: pulumi.Inputs = {};');
  body.push('        opts = opts || {};');
  body.push('        if (!opts.id) {');
  if (state) body.push(`            const args = argsOrState as ${R}Args | undefined;`);
  for (const p of requiredInputs) {
    body.push(`            if (args?.${p.name} === undefined && !opts.urn) {`);
    body.push(`                throw new Error("Missing required property '${p.name}'");`);
    body.push('            }');
  }
  for (const p of inputs) {
    body.push(`            resourceInputs["${p.name}"] = ${inputValue(p, 'args')};`);
  }
  for (const p of outputs.filter((o) => outputOnly.has(o.name))) {
    body.push(`            resourceInputs["${p.name}"] = undefined /*out*/;`);
  }
  body.push('        } else {');
  if (state) {
    body.push(`            const state = argsOrState as ${R}State | undefined;`);
    for (const p of state) body.push(`            resourceInputs["${p.name}"] = state?.${p.name};`);
  } else {
    for (const p of outputs) body.push(`            resourceInputs["${p.name}"] = undefined /*out*/;`);
  }
  body.push('        }');
  body.push('        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);');
  if (res.aliases.length > 0) {
    body.push(`        const aliasOpts = { aliases: [${res.aliases.map((a) => `{ type: "${a}" }`).join(', ')}] };`);
    body.push('        opts = pulumi.mergeOptions(opts, aliasOpts);');
  }
  if (res.secretOutputs.length > 0) {
    body.push(`        const secretOpts = { additionalSecretOutputs: [${[...res.secretOutputs].sort().map((s) => `"${s}"`).join(', ')}] };`);
    body.push('        opts = pulumi.mergeOptions(opts, secretOpts);');
  }
  if (res.replaceOnChanges.length > 0) {
    body.push(`        const replaceOnChanges = { replaceOnChanges: [${[...res.replaceOnChanges].sort().map((s) => `"${s}"`).join(', ')}] };`);
    body.push('        opts = pulumi.mergeOptions(opts, replaceOnChanges);');
  }
  body.push(`        super(${R}.__pulumiType, name, resourceInputs, opts);`);
  body.push('    }');
  body.push('}');
  body.push('');

  if (state) {
    body.push(doc('', `Input properties used for looking up and filtering ${R} resources.`));
    body.push(...interfaceBody(`${R}State`, state.map((p) => ({ ...p, required: false })), mapper));
    body.push('');
  }
  body.push(doc('', `The set of arguments for constructing a ${R} resource.`));
  body.push(...interfaceBody(`${R}Args`, inputs, mapper));

  return BANNER + '\n' + typeImports(mapper, '.') + '\n' + joinLines(body) + '\n';
}

/** An exported interface whose fields are Inputs. */
function interfaceBody(name, props, mapper) {
  const lines = [`export interface ${name} {`];
  for (const p of props) {
    lines.push(doc('    ', p.description, [deprecated(p.deprecationMessage)]));
    lines.push(`    ${p.name}${p.required ? '' : '?'}: ${mapper.input(p.schema)};`);
  }
  lines.push('}');
  return lines;
}

module.exports = { renderResource, interfaceBody };
