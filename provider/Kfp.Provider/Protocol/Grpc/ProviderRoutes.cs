using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// Binds every unary RPC of <c>pulumirpc.ResourceProvider</c> to a <see cref="ResourceProviderBase"/>.
/// The host itself takes the engine address from Handshake and Attach, and answers Cancel.
/// </summary>
internal sealed class ProviderRoutes
{
    public const string ServicePrefix = "/pulumirpc.ResourceProvider/";

    private readonly ResourceProviderBase _provider;
    private readonly EngineLog _engineLog;
    private readonly CallCancellation _cancellation;
    private readonly DiagnosticLog _diagnostics;

    public ProviderRoutes(ResourceProviderBase provider, EngineLog engineLog, CallCancellation cancellation, DiagnosticLog diagnostics)
    {
        _provider = provider;
        _engineLog = engineLog;
        _cancellation = cancellation;
        _diagnostics = diagnostics;
    }

    public IReadOnlyList<IUnaryMethod> Methods()
    {
        var p = _provider;
        return
        [
            Route("Handshake", ProviderHandshakeRequest.Parser, HandshakeAsync),
            Route("Parameterize", ParameterizeRequest.Parser, p.ParameterizeAsync),
            Route("GetSchema", GetSchemaRequest.Parser, p.GetSchemaAsync),
            Route("CheckConfig", CheckRequest.Parser, p.CheckConfigAsync),
            Route("DiffConfig", DiffRequest.Parser, p.DiffConfigAsync),
            Route("Configure", ConfigureRequest.Parser, p.ConfigureAsync),
            Route("Invoke", InvokeRequest.Parser, p.InvokeAsync),
            Route("Call", CallRequest.Parser, p.CallAsync),
            Route("Check", CheckRequest.Parser, p.CheckAsync),
            Route("Diff", DiffRequest.Parser, p.DiffAsync),
            Route("Create", CreateRequest.Parser, p.CreateAsync),
            Route("Read", ReadRequest.Parser, p.ReadAsync),
            Route("Update", UpdateRequest.Parser, p.UpdateAsync),
            Route("Delete", DeleteRequest.Parser, p.DeleteAsync),
            Route("Construct", ConstructRequest.Parser, p.ConstructAsync),
            Route("Cancel", Empty.Parser, CancelAsync),
            Route("GetPluginInfo", Empty.Parser, p.GetPluginInfoAsync),
            Route("Attach", PluginAttach.Parser, AttachAsync),
            Route("GetMapping", GetMappingRequest.Parser, p.GetMappingAsync),
            Route("GetMappings", GetMappingsRequest.Parser, p.GetMappingsAsync),
        ];
    }

    private static UnaryMethod<TRequest, TResponse> Route<TRequest, TResponse>(
        string method, Google.Protobuf.MessageParser<TRequest> parser, Func<TRequest, CancellationToken, Task<TResponse>> handler)
        where TRequest : Google.Protobuf.IMessage<TRequest>
        where TResponse : Google.Protobuf.IMessage<TResponse> =>
        new(ServicePrefix + method, parser, handler);

    private Task<ProviderHandshakeResponse> HandshakeAsync(ProviderHandshakeRequest request, CancellationToken ct)
    {
        _engineLog.SetEngineAddress(request.EngineAddress);
        return _provider.HandshakeAsync(request, ct);
    }

    private Task<Empty> AttachAsync(PluginAttach request, CancellationToken ct)
    {
        _engineLog.SetEngineAddress(request.Address);
        return _provider.AttachAsync(request, ct);
    }

    /// <summary>Cancels every call in flight, runs the provider's hook, and always answers OK.</summary>
    private async Task<Empty> CancelAsync(Empty request, CancellationToken ct)
    {
        _cancellation.CancelAll();
        try
        {
            // This call's own token was linked to the source just cancelled; the hook gets a fresh one.
            await _provider.CancelAsync(request, _cancellation.Token);
        }
        catch (Exception e)
        {
            // Cancel must never fail: an error here would make the engine report a crashed plugin.
            _diagnostics.Error("the provider's Cancel hook failed", e);
        }

        return new Empty();
    }
}
