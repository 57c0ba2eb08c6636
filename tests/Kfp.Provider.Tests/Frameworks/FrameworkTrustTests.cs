using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;
using Kfp.Provider.Tests.Lifecycle;
using static Kfp.Provider.Tests.Frameworks.FrameworkKit;

namespace Kfp.Provider.Tests.Frameworks;

/// <summary>
/// Which framework commands run on the machine running Pulumi: the program's own, approved digests and names, and the
/// digest a Pipeline recorded; never one someone changed in the cluster.
/// </summary>
public sealed class FrameworkTrustTests(FrameworkFixture fixture) : IClassFixture<FrameworkFixture>
{
    [Fact]
    public async Task Check_ConfigMapPatchedInTheCluster_IsRefusedNamingTheDigestAndThePatchedCommandNeverRuns()
    {
        await using var owner = await fixture.StartAsync();
        var frameworks = new LifecycleTest(owner.Client, Framework, "shared");
        var framework = await frameworks.CreateAsync(FrameworkInputs("shared-copier", CopyCommand), PropertyMap.Empty);
        var digest = Text(framework.Outputs, "digest");
        var inputs = PipelineInputs("hostile", fixture.AddSample("hello_world.yaml", "hostile.shared"), "shared-copier");
        var urn = Urn(Pipeline, "hostile");

        await using (var stranger = await fixture.StartAsync())
        {
            var unapproved = Failure(await stranger.Client.CheckAsync(urn, PropertyMap.Empty, inputs), "framework");
            Assert.Contains("not declared by this program", unapproved.Reason, StringComparison.Ordinal);
            Assert.Contains(digest, unapproved.Reason, StringComparison.Ordinal);
            Assert.Contains("kfp:trustedFrameworks", unapproved.Reason, StringComparison.Ordinal);
        }

        await using var ci = await fixture.StartAsync(("trustedFrameworks", PropertyValue.Of(digest)));
        var pipelines = new LifecycleTest(ci.Client, Pipeline, "hostile");
        var pipeline = await pipelines.CreateAsync(inputs, PropertyMap.Empty);
        Assert.Equal(digest, Text(pipeline.Inputs, "frameworkDigest"));
        Assert.Equal(digest, Text(pipeline.Outputs, "frameworkDigest"));
        Assert.IsType<ObjectValue>(pipeline.Inputs.Get("frameworkFields").Plain);
        Assert.Equal(await IrHashAsync(ci.Client, "hostile.shared"), Text(pipeline.Outputs, "specHash"));

        var marker = Path.Combine(fixture.ProgramDirectory, "pwned-" + Guid.NewGuid().ToString("N"));
        await fixture.KubePatchAsync("/api/v1/namespaces/kubeflow/configmaps/kfp-framework-shared-copier", new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["command"] = new JsonArray("python3", "-c", "import sys; open(sys.argv[1], 'w').write('ran')", marker).ToJsonString(),
                ["env"] = new JsonObject { ["MODE"] = "fast", ["API_TOKEN"] = "s3cr3t-value" }.ToJsonString(),
            },
        });

        await using (var nextPreview = await fixture.StartAsync(("trustedFrameworks", PropertyValue.Of(digest))))
        {
            var refused = Failure(await nextPreview.Client.CheckAsync(urn, pipeline.Inputs, inputs), "framework");
            Assert.Contains("changed in the cluster since this Pipeline last compiled with it", refused.Reason, StringComparison.Ordinal);
            Assert.Contains($"digest {digest} then", refused.Reason, StringComparison.Ordinal);
            Assert.Contains("open(sys.argv[1]", refused.Reason, StringComparison.Ordinal);
            // What changed, field by field: the command old => new, env names with values unless they read like credentials.
            Assert.Contains("What changed: command: [\"python3\",\"-c\",\"import shutil,sys; shutil.copy(sys.argv[1], sys.argv[2])\",\"{source}\",\"{output}\"] => " +
                $"[\"python3\",\"-c\",\"import sys; open(sys.argv[1], 'w').write('ran')\",\"{marker}\"]", refused.Reason, StringComparison.Ordinal);
            Assert.Contains("env.API_TOKEN: (none) => (hidden, sha256:", refused.Reason, StringComparison.Ordinal);
            Assert.Contains("env.MODE: (none) => (hidden, sha256:", refused.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("fast", refused.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t-value", refused.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("image:", refused.Reason, StringComparison.Ordinal);
            Assert.Contains("pulumi config set --path 'kfp:trustedFrameworks[0]'", refused.Reason, StringComparison.Ordinal);
            Assert.False(File.Exists(marker), "the patched command ran");
        }

        // A name in trustedFrameworks trusts whatever the namespace's writers put there: the patched command runs.
        await using (var byName = await fixture.StartAsync(("trustedFrameworks", PropertyValue.Of("[\"shared-copier\"]"))))
        {
            await byName.Client.CheckAsync(urn, pipeline.Inputs, inputs);
            Assert.True(File.Exists(marker), "trusting the name should have run the framework's command");
        }

        await ci.Client.DeleteAsync(pipelines.Urn, pipeline.Id, pipeline.Outputs, pipeline.Inputs);
        await owner.Client.DeleteAsync(frameworks.Urn, framework.Id, framework.Outputs, framework.Inputs);
    }

    [Fact]
    public async Task Check_FrameworkDeclaredBySameProgram_CompilesInPreviewBeforeItExistsWithoutWarning()
    {
        await using var session = await fixture.StartAsync();
        var declared = await session.Client.CheckAsync(Urn(Framework, "declared"), PropertyMap.Empty, FrameworkInputs("declared-copier", CopyCommand));
        Assert.Empty(declared.Failures);
        var source = fixture.AddSample("hello_world.yaml", "declared.decl");

        var check = await session.Client.CheckAsync(Urn(Pipeline, "declared"), PropertyMap.Empty, PipelineInputs("declared", source, "declared-copier"));

        Assert.Empty(check.Failures);
        Assert.Equal(await IrHashAsync(session.Client, source), Text(Inputs(check), "specHash"));
        Assert.StartsWith("sha256:", Text(Inputs(check), "frameworkDigest"), StringComparison.Ordinal);
        while (session.Engine.HasLogs)
        {
            Assert.NotEqual(LogSeverity.Warning, (await session.Engine.NextLogAsync()).Severity);
        }
    }

    [Fact]
    public async Task Check_UnknownFramework_WarnsNamingTheNamespaceAndLeavesSpecHashUnknown()
    {
        await using var session = await fixture.StartAsync();
        var urn = Urn(Pipeline, "unknown");

        var check = await session.Client.CheckAsync(urn, PropertyMap.Empty, PipelineInputs("unknown", fixture.AddSample("hello_world.yaml", "unknown.unk"), "no-such-compiler"));

        Assert.Empty(check.Failures);
        Assert.IsType<UnknownValue>(Inputs(check).Get("specHash").Plain);
        var warning = (await session.LogsAsync(l => l.Severity == LogSeverity.Warning))[^1];
        Assert.Equal(urn, warning.Urn);
        Assert.Contains("framework 'no-such-compiler' was not found in namespace kubeflow", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FrameworkInAnotherNamespace_IsNamedNamespaceSlashNameAndTrustedUnderThatName()
    {
        await fixture.CreateNamespaceAsync("team-ml");
        await using var owner = await fixture.StartAsync();
        var frameworks = new LifecycleTest(owner.Client, Framework, "team");
        var framework = await frameworks.CreateAsync(FrameworkInputs("team-copier", CopyCommand, ("namespace", PropertyValue.Of("team-ml"))), PropertyMap.Empty);
        Assert.Equal("team-ml/kfp-framework-team-copier", framework.Id);
        var source = fixture.AddSample("hello_world.yaml", "team.team");

        await using var ci = await fixture.StartAsync(("trustedFrameworks", PropertyValue.Of("team-ml/team-copier")));
        var shared = await ci.Client.CheckAsync(Urn(Pipeline, "team"), PropertyMap.Empty, PipelineInputs("team", source, "team-ml/team-copier"));
        var local = await ci.Client.CheckAsync(Urn(Pipeline, "local"), PropertyMap.Empty, PipelineInputs("local", source, "team-copier"));

        Assert.Empty(shared.Failures);
        Assert.Equal(await IrHashAsync(ci.Client, source), Text(Inputs(shared), "specHash"));
        Assert.Empty(local.Failures);
        Assert.IsType<UnknownValue>(Inputs(local).Get("specHash").Plain);
        var warning = (await ci.LogsAsync(l => l.Severity == LogSeverity.Warning))[^1];
        Assert.Contains("not found in namespace kubeflow", warning.Message, StringComparison.Ordinal);
        await owner.Client.DeleteAsync(frameworks.Urn, framework.Id, framework.Outputs, framework.Inputs);
    }
}
