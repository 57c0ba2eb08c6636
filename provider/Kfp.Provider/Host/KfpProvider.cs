using System.Collections.Immutable;
using Kfp.Compiler;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Resources;
using Kfp.Provider.Schema;

namespace Kfp.Provider.Host;

/// <summary>
/// The kfp provider: the engine's calls mapped onto the resources of <see cref="KfpPackage"/>. Provider-level
/// calls (schema, configuration, functions) live here; the resource calls in KfpProvider.Resources.cs.
/// </summary>
internal sealed partial class KfpProvider : IProvider
{
    private readonly IEngineLog _log;
    private readonly IEnvironment _environment;
    private readonly ClientFactories _factories;
    private readonly string _programDirectory;
    private readonly ImmutableDictionary<string, Resource> _resources;
    private readonly Lazy<string> _schema = new(() => SchemaGenerator.Generate(KfpPackage.Catalog));
    private ProviderServices? _services;
    private int _blindWarned;

    public KfpProvider(IEngineLog log, IEnvironment environment, ClientFactories factories, string programDirectory)
    {
        _log = log;
        _environment = environment;
        _factories = factories;
        _programDirectory = programDirectory;
        _resources = KfpPackage.Resources(() => Services);
    }

    /// <summary>Services after Configure; before it, those of an empty configuration (environment fallbacks only).</summary>
    private ProviderServices Services => _services ??= NewServices(ConfigParser.Parse(PropertyMap.Empty, _environment).Config);

    private ProviderServices NewServices(ProviderConfig config) => new(config, _factories, _programDirectory, _log);

    public string Version => PackageInfo.Version;

    public string Schema => _schema.Value;

    public CheckResult CheckConfig(PropertyMap olds, PropertyMap news)
    {
        var (_, failures) = ConfigParser.Parse(news, _environment);
        var marked = PropertyMap.From(news.Select(p => KeyValuePair.Create(p.Key,
            ConfigParser.Secrets.Contains(p.Key) ? PropertyValue.MakeSecret(p.Value) : p.Value)));
        return new CheckResult(marked, failures);
    }

    public DiffResult DiffConfig(PropertyMap olds, PropertyMap oldInputs, PropertyMap news)
    {
        var previous = oldInputs.Count > 0 ? oldInputs : olds;
        var changes = ImmutableSortedDictionary.CreateBuilder<string, PropertyChange>(StringComparer.Ordinal);
        foreach (var key in previous.Keys.Union(news.Keys).Where(k => k != "version" && !k.StartsWith("__", StringComparison.Ordinal)))
        {
            if (!PropertyValueComparer.DeepEquals(previous.Get(key), news.Get(key)))
            {
                changes[key] = new PropertyChange(DiffKind.Update, InputDiff: true);
            }
        }
        return new DiffResult(changes.ToImmutable(), false);
    }

    public void Configure(PropertyMap args)
    {
        var (config, failures) = ConfigParser.Parse(args, _environment);
        if (failures.Count > 0)
        {
            throw new ProviderException(ProviderErrorKind.InvalidArgument,
                "invalid kfp provider configuration: " + string.Join("; ", failures.Select(f => $"kfp:{f.Property} {f.Reason}")));
        }
        _services = NewServices(config);
    }

    public async Task<InvokeResult> InvokeAsync(string token, PropertyMap args, CancellationToken cancellationToken)
    {
        if (token != CompilePipelineFunction.Spec.Token)
        {
            throw new ProviderException(ProviderErrorKind.InvalidArgument,
                $"unknown function '{token}'; the kfp package has: {CompilePipelineFunction.Spec.Token}");
        }
        var (outputs, failures) = await new CompilePipelineFunction(() => Services).InvokeAsync(args.Select(v => v.Plain), cancellationToken);
        return new InvokeResult(args.Values.Any(v => v.ContainsSecrets) ? outputs.Select(PropertyValue.MakeSecret) : outputs, failures);
    }

    private (Resource Resource, ResourceIdentity Identity) ResourceFor(ResourceAddress address)
    {
        var (type, identity) = ResourceIdentityParser.Parse(address.Urn, address.Type, address.Name);
        return _resources.TryGetValue(type, out var resource)
            ? (resource, identity)
            : throw new ProviderException(ProviderErrorKind.InvalidArgument,
                $"unknown resource type '{type}'; the kfp package has: {string.Join(", ", _resources.Keys.Order(StringComparer.Ordinal))}");
    }
}
