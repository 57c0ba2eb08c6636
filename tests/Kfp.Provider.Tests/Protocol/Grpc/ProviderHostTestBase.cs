using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>A <see cref="TestProvider"/> host on a real loopback port and a real HTTP/2 client for it.</summary>
public abstract class ProviderHostTestBase : IAsyncLifetime
{
    private readonly StringWriter _stderr = new();

    internal ProviderHost Host { get; private set; } = null!;

    internal GrpcUnaryClient Client { get; private set; } = null!;

    internal TestProvider Provider => (TestProvider)Host.Provider;

    internal string Stderr => _stderr.ToString();

    public async Task InitializeAsync()
    {
        Host = await ProviderHost.StartAsync(log => new TestProvider(log), null, new DiagnosticLog(TextWriter.Synchronized(_stderr)), CancellationToken.None);
        Client = new GrpcUnaryClient(new Uri($"http://127.0.0.1:{Host.Port}"));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync(CancellationToken.None);
        await Host.DisposeAsync();
    }

    internal Task<TResponse> Call<TResponse>(string method, Google.Protobuf.IMessage request, Google.Protobuf.MessageParser<TResponse> parser)
        where TResponse : Google.Protobuf.IMessage<TResponse> =>
        Client.CallAsync(ProviderRoutes.ServicePrefix + method, request, parser, CancellationToken.None);
}
