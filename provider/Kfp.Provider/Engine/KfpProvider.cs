using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using Kfp.Compiler;
using Kfp.Provider.Configuration;
using Kfp.Provider.Host;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;
using Kfp.Provider.Resources;
using Kfp.Provider.Schema;

namespace Kfp.Provider.Engine;

/// <summary>
/// The kfp provider: the protocol's RPCs mapped onto the resources of <see cref="KfpPackage"/>. Provider-level
/// calls (handshake, schema, configuration) live here; the resource calls in KfpProvider.Resources.cs.
/// </summary>
internal sealed partial class KfpProvider : ResourceProviderBase
{
    private readonly IEngineLog _log;
    private readonly IEnvironment _environment;
    private readonly ClientFactories _factories;
    private readonly IPipelineCompiler _compiler;
    private readonly string _programDirectory;
    private readonly ImmutableDictionary<string, Resource> _resources;
    private readonly Lazy<string> _schema = new(() => SchemaGenerator.Generate(KfpPackage.Catalog));
    private ProviderServices? _services;

    public KfpProvider(IEngineLog log, IEnvironment environment, ClientFactories factories, IPipelineCompiler compiler, string programDirectory)
    {
        _log = log;
        _environment = environment;
        _factories = factories;
        _compiler = compiler;
        _programDirectory = programDirectory;
        _resources = KfpPackage.Resources(() => Services);
    }

    /// <summary>Services after Configure; before it, those of an empty configuration (environment fallbacks only).</summary>
    private ProviderServices Services => _services ??= NewServices(ConfigParser.Parse(PropertyMap.Empty, _environment).Config);

    private ProviderServices NewServices(ProviderConfig config) => new(config, _factories, _compiler, _programDirectory);

    public override Task<ProviderHandshakeResponse> HandshakeAsync(ProviderHandshakeRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = true, AcceptResources = true });

    public override Task<PluginInfo> GetPluginInfoAsync(Empty request, CancellationToken cancellationToken) =>
        Task.FromResult(new PluginInfo { Version = PackageInfo.Version });

    public override Task<GetSchemaResponse> GetSchemaAsync(GetSchemaRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GetSchemaResponse { Schema = _schema.Value });

    public override Task<CheckResponse> CheckConfigAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var news = PropertyValueCodec.FromStruct(request.News);
        var (_, failures) = ConfigParser.Parse(news, _environment);
        var marked = PropertyMap.From(news.Select(p => KeyValuePair.Create(p.Key,
            ConfigKeys.Secrets.Contains(p.Key) ? PropertyValue.MakeSecret(p.Value) : p.Value)));
        var response = new CheckResponse { Inputs = PropertyValueCodec.ToStruct(marked) };
        response.Failures.AddRange(failures.Select(f => new Kfp.Provider.Protocol.Wire.CheckFailure { Property = f.Property, Reason = f.Reason }));
        return Task.FromResult(response);
    }

    public override Task<DiffResponse> DiffConfigAsync(DiffRequest request, CancellationToken cancellationToken)
    {
        var olds = request.OldInputs is { } oi && oi.Fields.Count > 0 ? PropertyValueCodec.FromStruct(oi) : PropertyValueCodec.FromStruct(request.Olds);
        var news = PropertyValueCodec.FromStruct(request.News);
        var changes = ImmutableSortedDictionary.CreateBuilder<string, PropertyChange>(StringComparer.Ordinal);
        foreach (var key in olds.Keys.Union(news.Keys).Where(k => k != "version" && !k.StartsWith("__", StringComparison.Ordinal)))
        {
            if (!PropertyValueComparer.DeepEquals(olds.Get(key), news.Get(key)))
            {
                changes[key] = new PropertyChange(DiffKind.Update, InputDiff: true);
            }
        }
        return Task.FromResult(WireDiff.ToResponse(new DiffResult(changes.ToImmutable(), false)));
    }

    public override Task<ConfigureResponse> ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken)
    {
        var (config, failures) = ConfigParser.Parse(PropertyValueCodec.FromStruct(request.Args), _environment);
        if (failures.Count > 0)
        {
            throw new GrpcStatusException(StatusCode.InvalidArgument,
                "invalid kfp provider configuration: " + string.Join("; ", failures.Select(f => $"kfp:{f.Property} {f.Reason}")));
        }
        _services = NewServices(config);
        return Task.FromResult(new ConfigureResponse { AcceptSecrets = true, SupportsPreview = true, AcceptResources = true });
    }

    public override async Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken)
    {
        if (request.Tok != CompilePipelineFunction.Spec.Token)
        {
            throw new GrpcStatusException(StatusCode.InvalidArgument, $"unknown function '{request.Tok}'; the kfp package has: {CompilePipelineFunction.Spec.Token}");
        }
        var args = PropertyValueCodec.FromStruct(request.Args);
        var (outputs, failures) = await new CompilePipelineFunction(() => Services).InvokeAsync(args.Select(v => v.Plain), cancellationToken);
        var response = new InvokeResponse { Return = PropertyValueCodec.ToStruct(args.Values.Any(v => v.ContainsSecrets) ? outputs.Select(PropertyValue.MakeSecret) : outputs) };
        response.Failures.AddRange(failures.Select(f => new Kfp.Provider.Protocol.Wire.CheckFailure { Property = f.Property, Reason = f.Reason }));
        return response;
    }

    private Resource ResourceFor(string type) => _resources.TryGetValue(type, out var resource)
        ? resource
        : throw new GrpcStatusException(StatusCode.InvalidArgument,
            $"unknown resource type '{type}'; the kfp package has: {string.Join(", ", _resources.Keys.Order(StringComparer.Ordinal))}");
}
