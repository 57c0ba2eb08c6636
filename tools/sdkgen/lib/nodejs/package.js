'use strict';
// package.json, tsconfig.json, README.md and .gitignore of the generated SDK.

const PULUMI_RANGE = '^3.142.0';

function packageName(pkg) {
  return pkg.nodejs.packageName || `@pulumi/${pkg.name}`;
}

function renderPackageJson(pkg) {
  const pulumiBlock = { resource: true, name: pkg.name, version: pkg.version };
  if (pkg.pluginDownloadURL) pulumiBlock.server = pkg.pluginDownloadURL;
  const json = {
    name: packageName(pkg),
    version: pkg.version,
    description: pkg.description,
    keywords: pkg.keywords,
    ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
    ...(pkg.repository ? { repository: pkg.repository } : {}),
    ...(pkg.license ? { license: pkg.license } : {}),
    scripts: { build: 'tsc' },
    dependencies: { '@pulumi/pulumi': PULUMI_RANGE, ...(pkg.nodejs.dependencies || {}) },
    devDependencies: { '@types/node': '^20', typescript: '^6.0.0', ...(pkg.nodejs.devDependencies || {}) },
    pulumi: pulumiBlock,
  };
  return JSON.stringify(json, null, 4) + '\n';
}

function renderTsconfig(files) {
  const json = {
    compilerOptions: {
      outDir: 'bin',
      target: 'ES2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      moduleDetection: 'force',
      declaration: true,
      declarationMap: true,
      sourceMap: true,
      stripInternal: true,
      experimentalDecorators: true,
      noFallthroughCasesInSwitch: true,
      forceConsistentCasingInFileNames: true,
      strict: true,
      noImplicitReturns: true,
      skipLibCheck: true,
      types: ['node'],
    },
    files: [...files].filter((f) => f.endsWith('.ts')).sort(),
  };
  return JSON.stringify(json, null, 4) + '\n';
}

function renderReadme(pkg) {
  const name = packageName(pkg);
  return `# ${name}

${pkg.description}

Generated from the provider's \`schema.json\` by \`make sdk\` (tools/sdkgen); do not edit by hand.

## Install

Build the package with \`make sdk\` in the provider's repository, then install the compiled folder or the tarball:

\`\`\`sh
npm install /path/to/pulumi-kfp/sdk/nodejs/bin
# or
npm install /path/to/pulumi-kfp/sdk/nodejs/${tarballName(pkg)}
\`\`\`

The package needs the \`${pkg.name}\` plugin (\`pulumi-resource-${pkg.name}\`, version ${pkg.version}); see the repository's README.

## Use

\`\`\`typescript
import * as ${pkg.name} from "${name}";
${usage(pkg)}\`\`\`

Resources: ${pkg.resources.map((r) => `\`${r.member}\``).join(', ')}. Functions: ${pkg.functions.map((f) => `\`${f.member}\``).join(', ') || 'none'}.
Configuration: \`${pkg.name}.config\`; object types: \`${pkg.name}.types.input\` and \`${pkg.name}.types.output\`.
`;
}

/** A two-line example with the first resource that needs no arguments. */
function usage(pkg) {
  const r = pkg.resources.find((x) => x.inputs.every((p) => !p.required));
  if (!r) return '';
  const out = r.outputOnly[0];
  return `\nconst example = new ${pkg.name}.${r.member}("example");\n` + (out ? `export const ${out.name} = example.${out.name};\n` : '');
}

/** The file 'npm pack' writes for this package. */
function tarballName(pkg) {
  return `${packageName(pkg).replace(/^@/, '').replace(/\//g, '-')}-${pkg.version}.tgz`;
}

function renderGitignore() {
  return 'node_modules/\nbin/\n*.tgz\n';
}

module.exports = { renderPackageJson, renderTsconfig, renderReadme, renderGitignore, packageName, tarballName };
