using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// A Pulumi resource provider: one virtual method per RPC of <c>pulumirpc.ResourceProvider</c>.
/// Anything not overridden answers UNIMPLEMENTED (12), which the engine treats as "not supported".
/// Throw <see cref="GrpcStatusException"/> to fail a call with a chosen code and details; any other
/// exception becomes UNKNOWN with its message, and cancellation becomes CANCELLED.
/// The token of every call is cancelled when the engine sends Cancel or drops the call.
/// The server-streaming List RPC is not offered (it always answers UNIMPLEMENTED).
/// </summary>
internal abstract class ResourceProviderBase
{
    public virtual Task<ProviderHandshakeResponse> HandshakeAsync(ProviderHandshakeRequest request, CancellationToken ct) =>
        Unimplemented<ProviderHandshakeResponse>("Handshake");

    public virtual Task<ParameterizeResponse> ParameterizeAsync(ParameterizeRequest request, CancellationToken ct) =>
        Unimplemented<ParameterizeResponse>("Parameterize");

    public virtual Task<GetSchemaResponse> GetSchemaAsync(GetSchemaRequest request, CancellationToken ct) =>
        Unimplemented<GetSchemaResponse>("GetSchema");

    public virtual Task<CheckResponse> CheckConfigAsync(CheckRequest request, CancellationToken ct) =>
        Unimplemented<CheckResponse>("CheckConfig");

    public virtual Task<DiffResponse> DiffConfigAsync(DiffRequest request, CancellationToken ct) =>
        Unimplemented<DiffResponse>("DiffConfig");

    public virtual Task<ConfigureResponse> ConfigureAsync(ConfigureRequest request, CancellationToken ct) =>
        Unimplemented<ConfigureResponse>("Configure");

    public virtual Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken ct) =>
        Unimplemented<InvokeResponse>("Invoke");

    public virtual Task<CallResponse> CallAsync(CallRequest request, CancellationToken ct) =>
        Unimplemented<CallResponse>("Call");

    public virtual Task<CheckResponse> CheckAsync(CheckRequest request, CancellationToken ct) =>
        Unimplemented<CheckResponse>("Check");

    public virtual Task<DiffResponse> DiffAsync(DiffRequest request, CancellationToken ct) =>
        Unimplemented<DiffResponse>("Diff");

    public virtual Task<CreateResponse> CreateAsync(CreateRequest request, CancellationToken ct) =>
        Unimplemented<CreateResponse>("Create");

    public virtual Task<ReadResponse> ReadAsync(ReadRequest request, CancellationToken ct) =>
        Unimplemented<ReadResponse>("Read");

    public virtual Task<UpdateResponse> UpdateAsync(UpdateRequest request, CancellationToken ct) =>
        Unimplemented<UpdateResponse>("Update");

    public virtual Task<Empty> DeleteAsync(DeleteRequest request, CancellationToken ct) =>
        Unimplemented<Empty>("Delete");

    public virtual Task<ConstructResponse> ConstructAsync(ConstructRequest request, CancellationToken ct) =>
        Unimplemented<ConstructResponse>("Construct");

    /// <summary>
    /// A hook run after the host has already cancelled every call in flight. The host answers Cancel
    /// with OK whatever this does (errors are logged to stderr), so keep it short.
    /// </summary>
    public virtual Task<Empty> CancelAsync(Empty request, CancellationToken ct) => Task.FromResult(new Empty());

    public virtual Task<PluginInfo> GetPluginInfoAsync(Empty request, CancellationToken ct) =>
        Unimplemented<PluginInfo>("GetPluginInfo");

    /// <summary>
    /// Attach (debug attach mode). The host has already pointed the engine log at
    /// <c>request.Address</c>; the default answers OK.
    /// </summary>
    public virtual Task<Empty> AttachAsync(PluginAttach request, CancellationToken ct) => Task.FromResult(new Empty());

    public virtual Task<GetMappingResponse> GetMappingAsync(GetMappingRequest request, CancellationToken ct) =>
        Unimplemented<GetMappingResponse>("GetMapping");

    public virtual Task<GetMappingsResponse> GetMappingsAsync(GetMappingsRequest request, CancellationToken ct) =>
        Unimplemented<GetMappingsResponse>("GetMappings");

    private static Task<T> Unimplemented<T>(string method) =>
        Task.FromException<T>(GrpcStatusException.Unimplemented(method));
}
