using Kfp.Api.Auth;
using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;

namespace Kfp.Api.Tests.Server;

/// <summary>Against a multi-user server: an identity is required, and namespaces scope experiments.</summary>
public sealed class MultiUserTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Dictionary<string, string> User = new() { ["kubeflow-userid"] = "alice@example.com" };

    public Task InitializeAsync() => emulator.ConfigureAsync(multiUser: true);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListExperiments_NoIdentity_ThrowsUnauthenticated()
    {
        using var client = emulator.Client(o => o with { Namespace = "team-a" });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.ListExperimentsAsync(new KfpListOptions(), None));

        Assert.Equal(KfpErrorKind.Unauthenticated, e.Kind);
        Assert.Contains("kfp:token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateExperiment_UserHeaderAndNamespace_IsScopedToTheNamespace()
    {
        using var teamA = emulator.Client(o => o with { Namespace = "team-a", Headers = User });
        using var teamB = emulator.Client(o => o with { Namespace = "team-b", Headers = User });
        var name = TestData.Unique("mu");

        var a = await teamA.CreateExperimentAsync(new CreateExperimentRequest(name), None);
        var b = await teamB.CreateExperimentAsync(new CreateExperimentRequest(name), None);

        Assert.Equal("team-a", a.Namespace);
        Assert.Equal("team-b", b.Namespace);
        Assert.Equal(a.ExperimentId, (await teamA.FindExperimentAsync(name, null, None))?.ExperimentId);
    }

    [Theory]
    [InlineData("/apis/v2beta1/runs", "ListRuns")]
    [InlineData("/apis/v2beta1/recurringruns", "ListRecurringRuns")]
    public async Task ListRunsOrSchedules_NeitherNamespaceNorExperiment_IsRejected(string path, string rpc)
    {
        var (unscoped, body) = await emulator.RawAsync(HttpMethod.Get, path, headers: User);
        var (scoped, _) = await emulator.RawAsync(HttpMethod.Get, path + "?namespace=team-a", headers: User);

        Assert.Equal(400, unscoped);
        Assert.Contains($"{rpc} must filter by resource reference or namespace", body, StringComparison.Ordinal);
        Assert.Equal(200, scoped);
    }

    [Fact]
    public async Task CreateExperiment_NoNamespace_ThrowsInvalidArgument()
    {
        using var client = emulator.Client(o => o with { Headers = User });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.CreateExperimentAsync(new CreateExperimentRequest(TestData.Unique("mu")), None));

        Assert.Equal(KfpErrorKind.InvalidArgument, e.Kind);
    }

    [Fact]
    public async Task GetServerInfo_MultiUser_ReportsIt()
    {
        using var client = emulator.Client(o => o with { Token = new StaticTokenSource("sa-token") });

        Assert.True((await client.GetServerInfoAsync(None)).MultiUser);
    }

    [Fact]
    public async Task CreateRun_MultiUserWithoutExperiment_ThrowsInvalidArgument()
    {
        using var client = emulator.Client(o => o with { Namespace = "team-a", Token = new StaticTokenSource("sa-token") });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.CreateRunAsync(
            new CreateRunRequest("r") { PipelineVersionReference = new PipelineVersionReference("p", "v") }, None));

        Assert.Equal(KfpErrorKind.InvalidArgument, e.Kind);
    }
}
