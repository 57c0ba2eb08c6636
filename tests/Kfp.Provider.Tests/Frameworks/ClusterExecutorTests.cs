using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;
using static Kfp.Provider.Tests.Frameworks.FrameworkKit;

namespace Kfp.Provider.Tests.Frameworks;

/// <summary>
/// The <c>cluster</c> executor through the provider against the emulator, whose pods of <see cref="FrameworkFixture.Image"/>
/// run as local processes: the same specHash as <c>local</c>, a failing compiler's log in the error, no Job left after a timeout.
/// </summary>
public sealed class ClusterExecutorTests(FrameworkFixture fixture) : IClassFixture<FrameworkFixture>
{
    private static readonly string[] Cp = ["cp", "{source}", "{output}"];

    private static (string, PropertyValue) OnCluster => ("executor", PropertyValue.Of("cluster"));

    private static (string, PropertyValue) Image => ("image", PropertyValue.Of(FrameworkFixture.Image));

    private static async Task<CheckResponse> CompileAsync(FrameworkFixture.Session session, string framework, string source, PropertyMap frameworkInputs)
    {
        var declared = await session.Client.CheckAsync(Urn(Framework, framework), PropertyMap.Empty, frameworkInputs);
        Assert.Empty(declared.Failures);
        return await session.Client.CheckAsync(Urn(Pipeline, framework), PropertyMap.Empty, PipelineInputs(framework, source, framework));
    }

    private async Task<JsonArray> CompileJobsAsync(string framework) =>
        (JsonArray)(await fixture.KubeGetAsync($"/apis/batch/v1/namespaces/kubeflow/jobs?labelSelector=kfp.pulumi.com/compile=true,kfp.pulumi.com/framework={framework}"))["items"]!;

    [Fact]
    public async Task Cluster_SameSourceAsLocal_GivesTheSameSpecHashAndCleansUp()
    {
        await using var session = await fixture.StartAsync();
        var source = fixture.AddSample("hello_world.yaml", "same.same");

        var onCluster = await CompileAsync(session, "cp-cluster", source, FrameworkInputs("cp-cluster", Cp, Image, OnCluster));
        var local = await CompileAsync(session, "cp-local", source, FrameworkInputs("cp-local", Cp));

        Assert.Empty(onCluster.Failures);
        Assert.Empty(local.Failures);
        Assert.Equal(Text(Inputs(local), "specHash"), Text(Inputs(onCluster), "specHash"));
        Assert.Equal(await IrHashAsync(session.Client, source), Text(Inputs(onCluster), "specHash"));
        Assert.Empty(await CompileJobsAsync("cp-cluster"));
        var status = await session.LogsAsync(l => l.Message.Contains("done", StringComparison.Ordinal));
        Assert.Contains(status, l => l.Ephemeral && l.Message.StartsWith("compile job kubeflow/kfp-compile-cp-cluster-", StringComparison.Ordinal) && l.Message.Contains("created", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cluster_CompilerFails_ItsLogReachesTheUserAndTheJobIsKept()
    {
        await using var session = await fixture.StartAsync();
        var failing = new[] { "sh", "-c", "echo 'ModuleNotFoundError: No module named tfx' >&2; exit 2" };

        var check = await CompileAsync(session, "broken", fixture.AddSample("hello_world.yaml", "broken.brk"), FrameworkInputs("broken", failing, Image, OnCluster));

        var failure = Failure(check, "source");
        Assert.Contains("ModuleNotFoundError: No module named tfx", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("kubectl logs -n kubeflow job/kfp-compile-broken-", failure.Reason, StringComparison.Ordinal);
        var kept = Assert.Single(await CompileJobsAsync("broken"));
        Assert.Equal(3600, kept!["spec"]!["ttlSecondsAfterFinished"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cluster_CompileOutlivesTimeout_FailsSayingSoAndLeavesNoJob()
    {
        await using var session = await fixture.StartAsync();

        var check = await CompileAsync(session, "slow", fixture.AddSample("hello_world.yaml", "slow.slw"),
            FrameworkInputs("slow", ["sleep", "60"], Image, OnCluster, ("timeoutSeconds", PropertyValue.Of(2))));

        var failure = Failure(check, "source");
        Assert.Contains("did not finish within 2 s", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(await CompileJobsAsync("slow"));
    }
}
