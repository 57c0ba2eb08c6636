using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Cmd;

/// <summary>
/// TEMPORARY stand-in until the real provider (Kfp.Provider.Engine.KfpProvider) exists: it answers
/// only GetPluginInfo; every other RPC answers UNIMPLEMENTED.
/// </summary>
internal sealed class BootstrapProvider : ResourceProviderBase
{
    public override Task<PluginInfo> GetPluginInfoAsync(Empty request, CancellationToken ct) =>
        Task.FromResult(new PluginInfo { Version = "0.1.0" });
}
