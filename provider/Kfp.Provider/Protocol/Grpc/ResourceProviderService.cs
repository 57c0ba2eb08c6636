using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;
using CheckFailure = Kfp.Provider.Engine.CheckFailure;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The generated <c>pulumirpc.ResourceProvider</c> service, implemented by handing each request to an
/// <see cref="IProvider"/>: the only code that turns wire messages into engine calls and back. Every call runs
/// with a token cancelled by the Cancel RPC, by the client dropping the call and by its deadline
/// (<c>grpc-timeout</c>); every failure goes through <see cref="StatusMap"/>. Handshake, Attach and Cancel are
/// answered here. RPCs the engine may call but kfp does not offer (Parameterize, Call, Construct, GetMapping,
/// GetMappings, List) answer UNIMPLEMENTED, which the engine reads as "not supported".
/// </summary>
internal sealed partial class ResourceProviderService : ResourceProvider.ResourceProviderBase
{
    private readonly IProvider _provider;
    private readonly EngineLog _engineLog;
    private readonly CallCancellation _cancellation;
    private readonly DiagnosticLog _diagnostics;

    public ResourceProviderService(IProvider provider, EngineLog engineLog, CallCancellation cancellation, DiagnosticLog diagnostics)
    {
        _provider = provider;
        _engineLog = engineLog;
        _cancellation = cancellation;
        _diagnostics = diagnostics;
    }

    /// <summary>The property-value codec takes secrets and resource references, so the plugin accepts both.</summary>
    public override Task<ProviderHandshakeResponse> Handshake(ProviderHandshakeRequest request, ServerCallContext context)
    {
        _engineLog.SetEngineAddress(request.EngineAddress);
        return Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = true, AcceptResources = true });
    }

    /// <summary>Attach (debug attach mode): the engine's address arrives here instead of on the command line.</summary>
    public override Task<Empty> Attach(PluginAttach request, ServerCallContext context)
    {
        _engineLog.SetEngineAddress(request.Address);
        return Task.FromResult(new Empty());
    }

    /// <summary>Cancels every call in flight and always answers OK (an error would read as a crashed plugin).</summary>
    public override Task<Empty> Cancel(Empty request, ServerCallContext context)
    {
        _cancellation.CancelAll();
        return Task.FromResult(new Empty());
    }

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Run(context, _ => Task.FromResult(new PluginInfo { Version = _provider.Version }));

    public override Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context) =>
        Run(context, _ => Task.FromResult(new GetSchemaResponse { Schema = _provider.Schema }));

    public override Task<CheckResponse> CheckConfig(CheckRequest request, ServerCallContext context) =>
        Run(context, _ => Task.FromResult(ToResponse(_provider.CheckConfig(
            request.Map(CheckRequest.OldsFieldNumber, request.Olds), request.Map(CheckRequest.NewsFieldNumber, request.News)))));

    public override Task<DiffResponse> DiffConfig(DiffRequest request, ServerCallContext context) =>
        Run(context, _ => Task.FromResult(WireDiff.ToResponse(_provider.DiffConfig(
            request.Map(DiffRequest.OldsFieldNumber, request.Olds), request.Map(DiffRequest.OldInputsFieldNumber, request.OldInputs), request.Map(DiffRequest.NewsFieldNumber, request.News)))));

    public override Task<ConfigureResponse> Configure(ConfigureRequest request, ServerCallContext context) =>
        Run(context, _ =>
        {
            _provider.Configure(Map(request.Args));
            return Task.FromResult(new ConfigureResponse { AcceptSecrets = true, SupportsPreview = true, AcceptResources = true });
        });

    public override Task<InvokeResponse> Invoke(InvokeRequest request, ServerCallContext context) =>
        Run(context, async ct =>
        {
            var result = await _provider.InvokeAsync(request.Tok, Map(request.Args), ct);
            var response = new InvokeResponse { Return = PropertyValueCodec.ToStruct(result.Return) };
            response.Failures.AddRange(result.Failures.Select(ToWire));
            return response;
        });

    public override Task<ParameterizeResponse> Parameterize(ParameterizeRequest request, ServerCallContext context) => Unimplemented<ParameterizeResponse>(context);

    public override Task<CallResponse> Call(CallRequest request, ServerCallContext context) => Unimplemented<CallResponse>(context);

    public override Task<ConstructResponse> Construct(ConstructRequest request, ServerCallContext context) => Unimplemented<ConstructResponse>(context);

    public override Task<GetMappingResponse> GetMapping(GetMappingRequest request, ServerCallContext context) => Unimplemented<GetMappingResponse>(context);

    public override Task<GetMappingsResponse> GetMappings(GetMappingsRequest request, ServerCallContext context) => Unimplemented<GetMappingsResponse>(context);

    /// <summary>
    /// Runs one call with a token linked to the call (client gone, deadline passed) and to Cancel, and turns any
    /// failure into its status; unexpected failures are logged with their stack trace to stderr only.
    /// </summary>
    private async Task<T> Run<T>(ServerCallContext context, Func<CancellationToken, Task<T>> call)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, _cancellation.Token);
        try
        {
            return await call(linked.Token);
        }
        catch (Exception e)
        {
            var rpc = StatusMap.ToRpcException(e);
            if (StatusMap.IsUnexpected(e))
            {
                _diagnostics.Error($"{context.Method} failed", e);
            }
            else
            {
                _diagnostics.Info($"{context.Method} answered {rpc.StatusCode}: {rpc.Status.Detail}");
            }
            throw rpc;
        }
    }

    private static Task<T> Unimplemented<T>(ServerCallContext context) =>
        Task.FromException<T>(new RpcException(new Status(StatusCode.Unimplemented, $"method {context.Method} is not implemented by this provider")));

    private static PropertyMap Map(Struct? value) => PropertyValueCodec.FromStruct(value);

    private static CheckResponse ToResponse(CheckResult result)
    {
        var response = new CheckResponse().Carrying(CheckResponse.InputsFieldNumber, result.Inputs);
        response.Failures.AddRange(result.Failures.Select(ToWire));
        return response;
    }

    private static Wire.CheckFailure ToWire(CheckFailure failure) =>
        new() { Property = failure.Property, Reason = MessageBounds.Cut(failure.Reason, MessageBounds.LogBytes) };
}
