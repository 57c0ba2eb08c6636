using System.Collections.Immutable;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Resources;
using Kfp.Provider.Schema;

namespace Kfp.Provider.Host;

/// <summary>
/// Every resource and function of the package, in one place (the only one that names them): what the schema and
/// the dispatch use. Adding a resource is a folder under Resources/ and a line in each list here.
/// </summary>
internal static class KfpPackage
{
    public static PackageCatalog Catalog { get; } = new(
        ProviderConfigArgs.Shape.Specs,
        [ExperimentResource.Spec, FrameworkResource.Spec, PipelineResource.Spec, RecurringRunResource.Spec, RunResource.Spec, ImageRegistryResource.Spec, PullSecretResource.Spec],
        [PullSecretRegistries.Type],
        [CompilePipelineFunction.Spec]);

    /// <summary>The resource implementations, keyed by token, bound to the provider's services.</summary>
    internal static ImmutableDictionary<string, Resource> Resources(Func<ProviderServices> services) =>
        new Resource[]
        {
            new ExperimentResource(services),
            new FrameworkResource(services),
            new PipelineResource(services),
            new RecurringRunResource(services),
            new RunResource(services),
            new ImageRegistryResource(() => services().Registry),
            new PullSecretResource(services),
        }.ToImmutableDictionary(r => r.Definition.Token, StringComparer.Ordinal);
}
