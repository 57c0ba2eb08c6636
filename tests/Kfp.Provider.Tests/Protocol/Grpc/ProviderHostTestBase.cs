using Grpc.Core;
using Grpc.Net.Client;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;
using Kfp.Provider.Tests.Lifecycle;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>A <see cref="TestProvider"/> host on a real loopback port and the generated client for it.</summary>
public abstract class ProviderHostTestBase : IAsyncLifetime
{
    private readonly StringWriter _stderr = new();
    private GrpcChannel _channel = null!;

    internal ProviderHost Host { get; private set; } = null!;

    internal ResourceProvider.ResourceProviderClient Client { get; private set; } = null!;

    internal CallInvoker Invoker => _channel.CreateCallInvoker();

    internal TestProvider Provider => (TestProvider)Host.Provider;

    internal string Stderr => _stderr.ToString();

    public async Task InitializeAsync()
    {
        Host = await ProviderHost.StartAsync(log => new TestProvider(log), null, new DiagnosticLog(TextWriter.Synchronized(_stderr)), CancellationToken.None);
        _channel = ProviderClient.Channel(Host.Port);
        Client = new ResourceProvider.ResourceProviderClient(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await Host.StopAsync(CancellationToken.None);
        await Host.DisposeAsync();
    }

    /// <summary>Runs a call and turns a failure into the engine's view of it (code, message, decoded details).</summary>
    internal static async Task<T> Call<T>(AsyncUnaryCall<T> call)
    {
        using (call)
        {
            try
            {
                return await call.ResponseAsync;
            }
            catch (RpcException e)
            {
                throw GrpcCallException.From(e);
            }
        }
    }
}
