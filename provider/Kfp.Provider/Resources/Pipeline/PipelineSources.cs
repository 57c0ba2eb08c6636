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
    /// <summary>What compiling the inputs gave: a pipeline, or the reason it could not be known yet.</summary>
    public sealed record Outcome(CompiledPipeline? Pipeline, string? NotYet);

    /// <summary>The inputs a compilation depends on.</summary>
    public sealed record Inputs(string Source)
    {
        public string? Framework { get; init; }

        public PropertyValue? FrameworkParameters { get; init; }

        public ImmutableSortedDictionary<string, string>? Env { get; init; }

        public ImmutableArray<string>? ImagePullSecrets { get; init; }

        public ImmutableArray<RegistryCredential>? Registries { get; init; }

        public bool PinImageDigests { get; init; }

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
        if (framework is null || BuiltInFrameworks.IsBuiltIn(framework))
        {
            request = request with { Framework = framework };
        }
        else
        {
            var external = await FindFrameworkAsync(framework, cancellationToken);
            if (external is null)
            {
                return new Outcome(null, $"framework '{framework}' is not in the cluster yet");
            }
            request = request with { ExternalFramework = external };
        }
        var compiled = await services().Compiler.CompileAsync(request, cancellationToken);
        if (inputs.PinImageDigests)
        {
            compiled = await new ImageDigestPinner(services().Registry).PinAsync(compiled, PullSecretRegistries.Credentials(inputs.Registries), cancellationToken);
        }
        return new Outcome(compiled, null);
    }

    /// <summary>The default version name: derived from the spec hash, so the same spec gets the same name.</summary>
    public static string VersionName(string specHash) => "v-" + specHash[(specHash.IndexOf(':', StringComparison.Ordinal) + 1)..][..12];

    private async Task<FrameworkDefinition?> FindFrameworkAsync(string name, CancellationToken cancellationToken)
    {
        var ns = services().KubeNamespace;
        var configMap = await services().Kube.ConfigMaps.FindAsync(ns, FrameworkConfigMap.ConfigMapName(name), cancellationToken);
        if (configMap is null)
        {
            return null;
        }
        return FrameworkConfigMap.FromConfigMap(configMap) is { } settings
            ? FrameworkConfigMap.ToDefinition(settings)
            : throw new ResourceException($"ConfigMap {ns}/{FrameworkConfigMap.ConfigMapName(name)} is not a framework (no JSON `command`); recreate it with a kfp:index:Framework resource");
    }
}
