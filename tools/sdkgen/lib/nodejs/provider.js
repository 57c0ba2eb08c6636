'use strict';
// provider.ts: the explicit provider resource. Its inputs are the config variables; the engine wants
// every non-string value JSON-encoded, as Pulumi's codegen does.
const { BANNER, doc, deprecated, joinLines } = require('./text');
const { inputValue, typeImports, byName } = require('./common');
const { interfaceBody } = require('./resource');

function renderProvider(pkg, mapper) {
  const prov = pkg.provider;
  const inputs = [...prov.inputs].sort(byName);
  const outputs = [...prov.outputs].filter((p) => p.schema.type === 'string').sort(byName);
  const required = inputs.filter((p) => p.required);
  const body = [];
  body.push(doc('', prov.description || `The provider type for the ${pkg.name} package.`, [deprecated(prov.deprecationMessage)]));
  body.push('export class Provider extends pulumi.ProviderResource {');
  body.push('    /** @internal */');
  body.push(`    public static readonly __pulumiType = '${pkg.name}';`);
  body.push('');
  body.push(doc('    ', 'Returns true if the given object is an instance of Provider.  This is designed to work even\nwhen multiple copies of the Pulumi SDK have been loaded into the same process.'));
  body.push('    public static isInstance(obj: any): obj is Provider {');
  body.push('        if (obj === undefined || obj === null) {');
  body.push('            return false;');
  body.push('        }');
  body.push('        return obj[\'__pulumiType\'] === "pulumi:providers:" + Provider.__pulumiType;');
  body.push('    }');
  body.push('');
  for (const p of outputs) {
    body.push(doc('    ', p.description, [deprecated(p.deprecationMessage)]));
    body.push(`    declare public readonly ${p.name}: pulumi.Output<string${p.required ? '' : ' | undefined'}>;`);
  }
  if (outputs.length > 0) body.push('');
  body.push(doc('    ', 'Create a Provider resource with the given unique name, arguments, and options.\n\n' +
    '@param name The _unique_ name of the resource.\n' +
    "@param args The arguments to use to populate this resource's properties.\n" +
    "@param opts A bag of options that control this resource's behavior."));
  body.push(`    constructor(name: string, args${required.length === 0 ? '?' : ''}: ProviderArgs, opts?: pulumi.ResourceOptions) {`);
  body.push('        let resourceInputs: pulumi.Inputs = {};');
  body.push('        opts = opts || {};');
  body.push('        {');
  for (const p of required) {
    body.push(`            if (args?.${p.name} === undefined && !opts.urn) {`);
    body.push(`                throw new Error("Missing required property '${p.name}'");`);
    body.push('            }');
  }
  for (const p of inputs) {
    let value = inputValue(p, 'args');
    if (p.schema.type !== 'string') value = `pulumi.output(${value}).apply(JSON.stringify)`;
    body.push(`            resourceInputs["${p.name}"] = ${value};`);
  }
  body.push('        }');
  body.push('        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);');
  const secrets = prov.outputs.filter((p) => p.secret).map((p) => p.name).sort();
  if (secrets.length > 0) {
    body.push(`        const secretOpts = { additionalSecretOutputs: [${secrets.map((s) => `"${s}"`).join(', ')}] };`);
    body.push('        opts = pulumi.mergeOptions(opts, secretOpts);');
  }
  body.push('        super(Provider.__pulumiType, name, resourceInputs, opts);');
  body.push('    }');
  body.push('}');
  body.push('');
  body.push(doc('', 'The set of arguments for constructing a Provider resource.'));
  body.push(...interfaceBody('ProviderArgs', inputs, mapper));
  return BANNER + '\n' + typeImports(mapper, '.') + '\n' + joinLines(body) + '\n';
}

module.exports = { renderProvider };
