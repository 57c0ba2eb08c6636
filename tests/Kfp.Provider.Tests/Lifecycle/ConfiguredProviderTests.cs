using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Host;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>Providers configured otherwise than the fixture's: offline diff, no Kubernetes access.</summary>
public sealed class ConfiguredProviderTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private sealed class NoEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }

    [Fact]
    public async Task Diff_OfflineAfterOutOfBandDelete_ShowsNoChangeWhileOnlineShowsReplacement()
    {
        var inputs = PropertyMap.Empty.With("name", PropertyValue.Of("offline-diff"));
        var test = new LifecycleTest(fixture.Client, "kfp:index:Experiment", "offline");
        var state = await test.CreateAsync(inputs, PropertyMap.Empty);
        using var kfp = new KfpProbe(fixture.Emulator);
        await kfp.DeleteAsync($"/apis/v2beta1/experiments/{state.Id}");
        await using var host = await ProviderHost.StartAsync(log => KfpProviderFactory.Create(log, new NoEnvironment(), fixture.ProgramDirectory), null,
            new DiagnosticLog(TextWriter.Null), CancellationToken.None);
        using var grpc = ProviderClient.Channel(host.Port);
        var offline = new ProviderClient(grpc);
        await offline.ConfigureAsync(PropertyMap.Empty
            .With("host", PropertyValue.Of(fixture.Emulator.Endpoints.Kfp))
            .With("offlineDiff", PropertyValue.Of("true")));

        var offlineDiff = await offline.DiffAsync(test.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs);
        var onlineDiff = await fixture.Client.DiffAsync(test.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs);

        Assert.Equal(DiffResponse.Types.DiffChanges.DiffNone, offlineDiff.Changes);
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffSome, onlineDiff.Changes);
    }

    [Fact]
    public async Task Check_FrameworkWithKubernetesUnreachable_FailsAsAccessProblemNotAsProperty()
    {
        var kubeconfig = Path.Combine(fixture.ProgramDirectory, "unreachable.kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, (await File.ReadAllTextAsync(fixture.Emulator.Endpoints.Kubeconfig))
            .Replace(fixture.Emulator.Endpoints.Kubernetes.TrimEnd('/'), "http://127.0.0.1:1", StringComparison.Ordinal));
        await using var host = await ProviderHost.StartAsync(log => KfpProviderFactory.Create(log, new NoEnvironment(), fixture.ProgramDirectory), null,
            new DiagnosticLog(TextWriter.Null), CancellationToken.None);
        using var grpc = ProviderClient.Channel(host.Port);
        var provider = new ProviderClient(grpc);
        await provider.ConfigureAsync(PropertyMap.Empty
            .With("host", PropertyValue.Of(fixture.Emulator.Endpoints.Kfp))
            .With("kubeconfig", PropertyValue.Of(kubeconfig)));

        var e = await Assert.ThrowsAsync<GrpcCallException>(() => provider.CheckAsync("urn:pulumi:test::p::kfp:index:Pipeline::fw", PropertyMap.Empty, PropertyMap.Empty
            .With("name", PropertyValue.Of("fw"))
            .With("source", PropertyValue.Of(fixture.AddSample("hello_world.yaml", "fw.pipeline")))
            .With("framework", PropertyValue.Of("team-compiler"))));

        Assert.Equal(Grpc.Core.StatusCode.Unavailable, e.StatusCode);
        Assert.Contains("cannot reach the Kubernetes API at http://127.0.0.1:1", e.StatusMessage, StringComparison.Ordinal);
        Assert.Contains("not of the resource's properties: fix kfp:kubeconfig or kfp:context", e.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_MissingKubeconfigFile_RefusedNamingTheKey()
    {
        var news = PropertyMap.Empty
            .With("host", PropertyValue.Of(fixture.Emulator.Endpoints.Kfp))
            .With("kubeconfig", PropertyValue.Of(Path.Combine(fixture.ProgramDirectory, "no-such-kubeconfig")));
        var check = await fixture.Client.CallAsync("CheckConfig", new CheckRequest
        {
            Urn = "urn:pulumi:test::p::pulumi:providers:kfp::default",
            News = Kfp.Provider.Protocol.Values.PropertyValueCodec.ToStruct(news),
        }, CheckResponse.Parser);

        var failure = Assert.Single(check.Failures);
        Assert.Equal("kubeconfig", failure.Property);
        Assert.Contains("no-such-kubeconfig' does not exist; set kfp:kubeconfig", failure.Reason, StringComparison.Ordinal);
    }
}
