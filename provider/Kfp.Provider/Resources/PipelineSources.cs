using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>
/// Compiles a pipeline source from resource inputs (Pipeline and the compilePipeline function share it):
/// chooses the framework (built-in, or a Framework read from its ConfigMap) and asks the provider's compiler,
/// whose content cache makes Check, Create and Update compile once.
/// </summary>
public sealed class PipelineSources(Func<ProviderServices> services)
{
    /// <summary>What compiling the inputs gave: a pipeline, or the reason it could not be known yet.</summary>
    public sealed record Outcome(CompiledPipeline? Pipeline, string? NotYet);

    public async Task<Outcome> CompileAsync(PropertyMap inputs, CancellationToken cancellationToken)
    {
        if (inputs.Get("source").ContainsUnknowns || inputs.Get("framework").ContainsUnknowns
            || inputs.Get("frameworkParameters").ContainsUnknowns || inputs.Get("env").ContainsUnknowns
            || inputs.Get("imagePullSecrets").ContainsUnknowns || inputs.Get("registries").ContainsUnknowns
            || inputs.Get("pinImageDigests").ContainsUnknowns)
        {
            return new Outcome(null, "an input is not known until the deployment runs");
        }
        var reader = new InputReader(inputs);
        var request = new CompileRequest(reader.RequiredString("source"))
        {
            BaseDirectory = services().ProgramDirectory,
            FrameworkParameters = inputs.Get("frameworkParameters").Plain is ObjectValue parameters
                ? parameters.Map.ToImmutableSortedDictionary(p => p.Key, p => JsonValues.ToJson(p.Value), StringComparer.Ordinal)
                : ImmutableSortedDictionary<string, JsonNode?>.Empty,
            Env = reader.StringMap("env"),
            ImagePullSecrets = reader.StringList("imagePullSecrets"),
        };
        var framework = reader.String("framework");
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
        if (reader.Boolean("pinImageDigests") == true)
        {
            var registries = PullSecretRegistries.Read(reader, "registries");
            compiled = await new ImageDigestPinner(services().Registry).PinAsync(compiled, registries, cancellationToken);
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
