using Kfp.Compiler;
using Kfp.Provider.Engine;

namespace Kfp.Provider.Resources;

/// <summary>
/// Finds the framework a Pipeline names (<c>tfx</c> in the provider's namespace, <c>team-ml/tfx</c> in another): the
/// program's own declaration when it has one (see <see cref="DeclaredFrameworks"/>), else the ConfigMap in the cluster.
/// A framework found nowhere is a warning naming the namespace, once per Pipeline, and an unknown <c>specHash</c>.
/// </summary>
internal sealed class FrameworkResolver(ProviderServices services)
{
    /// <summary>The definition to compile with (named as <c>trustedFrameworks</c> names it), or why there is none yet.</summary>
    public sealed record Resolved(FrameworkDefinition? Definition, bool DeclaredByProgram, string? NotYet);

    public async Task<Resolved> ResolveAsync(string reference, string? urn, CancellationToken cancellationToken)
    {
        var (ns, name) = FrameworkReference.Split(reference, () => services.KubeNamespace);
        var canonical = FrameworkReference.Of(ns, name, services.KubeNamespace);
        if (services.Frameworks.Find(ns, name) is { } declared)
        {
            return declared.Definition is { } definition
                ? new Resolved(definition with { Name = canonical }, true, null)
                : new Resolved(null, true, $"framework '{reference}' is declared by this program and not known until the deployment runs");
        }
        var configMapName = FrameworkConfigMap.ConfigMapName(name);
        var configMap = await services.Kube.ConfigMaps.FindAsync(ns, configMapName, cancellationToken);
        if (configMap is null)
        {
            if (services.Frameworks.FirstWarning(urn, canonical))
            {
                await services.Log.LogAsync(LogLevel.Warning,
                    $"framework '{reference}' was not found in namespace {ns} (no ConfigMap {configMapName}), so this pipeline's specHash is not known " +
                    "and it cannot be compiled: declare it with a kfp:index:Framework resource in this program, create it in that namespace first, " +
                    $"or fix the name ('{name}' in the provider's namespace, 'namespace/{name}' in another)",
                    urn, false, cancellationToken);
            }
            return new Resolved(null, false, $"framework '{reference}' was not found in namespace {ns}");
        }
        return FrameworkConfigMap.FromConfigMap(configMap) is { } settings
            ? new Resolved(FrameworkConfigMap.ToDefinition(settings, canonical), false, null)
            : throw new ResourceException($"ConfigMap {ns}/{configMapName} is not a framework (no JSON `command`); recreate it with a kfp:index:Framework resource");
    }
}
