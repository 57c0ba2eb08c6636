using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler;
using Kfp.Provider.Engine;
using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>
/// Compiles a pipeline source from resource inputs (Pipeline and the compilePipeline function share it):
/// chooses the framework (built-in, or a Framework read from its ConfigMap) and asks the provider's compiler,
/// whose content cache makes Check, Create and Update compile once.
/// </summary>
internal sealed class PipelineSources(Func<ProviderServices> services)
{
    /// <summary>
    /// What compiling the inputs gave: a pipeline, or the reason it could not be known yet; and the digest of the external
    /// framework that compiled it (recorded by the Pipeline, so a framework changed in the cluster is refused until approved).
    /// </summary>
    public sealed record Outcome(CompiledPipeline? Pipeline, string? NotYet)
    {
        public string? FrameworkDigest { get; init; }

        /// <summary>What that framework runs, field by field (<see cref="Resources.FrameworkFields"/>).</summary>
        public ImmutableSortedDictionary<string, string>? FrameworkFields { get; init; }
    }

    /// <summary>The inputs a compilation depends on.</summary>
    public sealed record Inputs(string Source)
    {
        public string? Framework { get; init; }

        public PropertyValue? FrameworkParameters { get; init; }

        public ImmutableSortedDictionary<string, string>? Env { get; init; }

        public ImmutableArray<string>? ImagePullSecrets { get; init; }

        public ImmutableArray<RegistryCredential>? Registries { get; init; }

        public bool PinImageDigests { get; init; }

        /// <summary>The framework digest this Pipeline recorded when it last compiled (approved by the program).</summary>
        public string? ApprovedFrameworkDigest { get; init; }

        /// <summary>The resource compiling, for warnings shown against it; null for the function.</summary>
        public string? Urn { get; init; }

        /// <summary>Some of these inputs are not known until the deployment runs (preview).</summary>
        public bool NotKnown { get; init; }

        /// <summary>The property names of these inputs, for <see cref="NotKnown"/>.</summary>
        public static ImmutableArray<string> Properties { get; } =
            ["source", "framework", "frameworkParameters", "env", "imagePullSecrets", "registries", "pinImageDigests"];

        public static bool AnyUnknown(Binder? binder) => binder is not null && Properties.Any(binder.IsUnknown);
    }

    public async Task<Outcome> CompileAsync(Inputs inputs, CancellationToken cancellationToken)
    {
        if (inputs.NotKnown)
        {
            return new Outcome(null, "an input is not known until the deployment runs");
        }
        var request = new CompileRequest(inputs.Source)
        {
            BaseDirectory = services().ProgramDirectory,
            FrameworkParameters = inputs.FrameworkParameters is ObjectValue parameters
                ? parameters.Map.ToImmutableSortedDictionary(p => p.Key, p => JsonValues.ToJson(p.Value), StringComparer.Ordinal)
                : ImmutableSortedDictionary<string, JsonNode?>.Empty,
            Env = inputs.Env ?? ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
            ImagePullSecrets = inputs.ImagePullSecrets ?? [],
        };
        var framework = inputs.Framework;
        string? digest = null;
        ImmutableSortedDictionary<string, string>? fields = null;
        if (framework is null || BuiltInFrameworks.IsBuiltIn(framework))
        {
            request = request with { Framework = framework };
        }
        else
        {
            var resolved = await new FrameworkResolver(services()).ResolveAsync(framework, inputs.Urn, cancellationToken);
            if (resolved.Definition is not { } external)
            {
                return new Outcome(null, resolved.NotYet);
            }
            digest = FrameworkDigest.Compute(external);
            fields = Resources.FrameworkFields.Of(external);
            request = request with
            {
                ExternalFramework = external,
                ApprovedFrameworkDigest = resolved.DeclaredByProgram ? digest : inputs.ApprovedFrameworkDigest,
            };
        }
        var compiled = await services().Compiler.CompileAsync(request, cancellationToken);
        if (inputs.PinImageDigests)
        {
            compiled = await new ImageDigestPinner(services().Registry).PinAsync(compiled, PullSecretRegistries.Credentials(inputs.Registries), cancellationToken);
        }
        return new Outcome(compiled, null) { FrameworkDigest = digest, FrameworkFields = fields };
    }

    /// <summary>The default version name: derived from the spec hash, so the same spec gets the same name.</summary>
    public static string VersionName(string specHash) => "v-" + specHash[(specHash.IndexOf(':', StringComparison.Ordinal) + 1)..][..12];
}
