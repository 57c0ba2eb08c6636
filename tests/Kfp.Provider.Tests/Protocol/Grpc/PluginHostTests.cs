using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;
using Kfp.Provider.Tests.Lifecycle;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class PluginHostTests
{
    private readonly PortLineWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    [Fact]
    public async Task RunAsync_Started_WritesOnlyThePortLineAndExitsZeroOnShutdown()
    {
        using var shutdown = new CancellationTokenSource();
        var run = PluginHost.RunAsync(["--logtostderr", "-v=9", "127.0.0.1:1"], log => new TestProvider(log), _stdout, TextWriter.Synchronized(_stderr), shutdown.Token);

        var line = await _stdout.FirstLine.Task;
        var port = int.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
        using (var channel = ProviderClient.Channel(port))
        {
            var info = await new ResourceProvider.ResourceProviderClient(channel).GetPluginInfoAsync(new Empty());
            Assert.Equal("9.8.7", info.Version);
        }

        await shutdown.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Matches("^[0-9]+\n$", line);
        Assert.Equal(line, _stdout.Text);
        Assert.Contains("127.0.0.1:1", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CallInFlightAtShutdown_IsCancelled()
    {
        using var shutdown = new CancellationTokenSource();
        TestProvider? provider = null;
        var run = PluginHost.RunAsync([], log => provider = new TestProvider(log), _stdout, TextWriter.Synchronized(_stderr), shutdown.Token);
        var port = int.Parse(await _stdout.FirstLine.Task, System.Globalization.CultureInfo.InvariantCulture);
        using var channel = ProviderClient.Channel(port);
        var blocked = ProviderHostTestBase.Call(new ResourceProvider.ResourceProviderClient(channel).CreateAsync(new CreateRequest { Urn = "block" }));
        await provider!.BlockedCallStarted.Task;

        await shutdown.CancelAsync();

        Assert.Equal(0, await run);
        await provider.BlockedCallCancelled.Task;
        var e = await Assert.ThrowsAsync<GrpcCallException>(() => blocked);
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
    }

    [Fact]
    public async Task RunAsync_TwoPositionalArguments_ReturnsTwoWithoutWritingStdout()
    {
        var code = await PluginHost.RunAsync(["127.0.0.1:1", "127.0.0.1:2"], log => new TestProvider(log), _stdout, _stderr, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Empty(_stdout.Text);
        Assert.Contains("at most one argument", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ProviderFactoryThrows_ReturnsOneAndLogsWithoutWritingStdout()
    {
        var code = await PluginHost.RunAsync(["127.0.0.1:1"], _ => throw new InvalidOperationException("no config"), _stdout, _stderr, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Empty(_stdout.Text);
        Assert.Contains("could not start", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("no config", _stderr.ToString(), StringComparison.Ordinal);
    }
}
