using k8s.Models;
using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Compiler;
using Kfp.Kube.Client;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Host;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Resources;
using Moq;

namespace Kfp.Provider.Tests.Engine;

/// <summary>
/// What must never happen, proven with strict mocks of the KFP and Kubernetes clients: a preview (Check, Diff, Create
/// and Update with preview) never writes, Diff reads the live object once, and Delete touches only the versions this
/// resource registered. Emulator tests prove the behaviour; these prove the absence of calls.
/// </summary>
public sealed class InteractionTests
{
    private const string ExperimentUrn = "urn:pulumi:dev::p::kfp:index:Experiment::exp";
    private const string PullSecretUrn = "urn:pulumi:dev::p::kfp:index:PullSecret::pull";
    private const string PipelineUrn = "urn:pulumi:dev::p::kfp:index:Pipeline::pipe";

    private readonly Mock<IKfpClient> _kfp = new(MockBehavior.Strict);
    private readonly Mock<IKubeClient> _kube = new(MockBehavior.Strict);
    private readonly Mock<IEngineLog> _log = new();
    private readonly KfpProvider _provider;

    public InteractionTests()
    {
        _log.Setup(l => l.LogAsync(It.IsAny<LogLevel>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        _provider = new KfpProvider(_log.Object, new NoEnvironment(), new ClientFactories(_ => _kfp.Object, _ => _kube.Object)
        {
            Compiler = _ => new PipelineCompiler(),
        }, Path.GetTempPath());
        _provider.Configure(PropertyMap.Empty.With("host", PropertyValue.Of("http://kfp.invalid")).With("namespace", PropertyValue.Of("team")));
    }

    private static PropertyMap Map(params (string Key, string Value)[] entries) =>
        entries.Aggregate(PropertyMap.Empty, (map, e) => map.With(e.Key, PropertyValue.Of(e.Value)));

    [Fact]
    public async Task Preview_ExperimentCheckDiffCreateUpdate_ReadsOnceAndNeverWrites()
    {
        _kfp.Setup(k => k.GetExperimentAsync("exp-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Experiment { ExperimentId = "exp-1", DisplayName = "nightly", Description = "changed in the UI", Namespace = "team" });
        var recorded = Map(("name", "nightly"), ("description", "d"));
        var outputs = recorded.With("experimentId", PropertyValue.Of("exp-1")).With("namespace", PropertyValue.Of("team"));
        var address = new ResourceAddress(ExperimentUrn, null, null);

        var check = await _provider.CheckAsync(new ResourceCheck(address, recorded, recorded, new byte[8]), CancellationToken.None);
        var diff = await _provider.DiffAsync(new ResourceDiff(address, "exp-1", outputs, recorded, check.Inputs), CancellationToken.None);
        await _provider.CreateAsync(new ResourceCreate(new ResourceAddress(ExperimentUrn + "2", null, null), check.Inputs, null, Preview: true), CancellationToken.None);

        Assert.Empty(check.Failures);
        Assert.True(diff.IsReplace, "the live description drifted, so Diff must have read it");
        _kfp.Verify(k => k.GetExperimentAsync("exp-1", It.IsAny<CancellationToken>()), Times.Once);
        _kfp.VerifyNoOtherCalls();
        _kube.VerifyNoOtherCalls();
        _log.Verify(l => l.LogAsync(LogLevel.Warning, It.Is<string>(m => m.Contains("preview could not read", StringComparison.Ordinal)),
            It.IsAny<string?>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Preview_PullSecretDiffAndUpdate_ReadsKubernetesAndNeverWrites()
    {
        var secrets = new Mock<INamespacedResourceClient<V1Secret>>(MockBehavior.Strict);
        secrets.Setup(s => s.FindAsync("team", "pull-secret", It.IsAny<CancellationToken>())).ReturnsAsync((V1Secret?)null);
        _kube.SetupGet(k => k.Secrets).Returns(secrets.Object);
        var inputs = PropertyMap.Empty.With("name", PropertyValue.Of("pull-secret")).With("namespace", PropertyValue.Of("team"))
            .With("registries", PropertyValue.Of([PropertyValue.Of(Map(("server", "r.example.com"), ("username", "u"), ("password", "p")))]));
        var outputs = inputs.With("secretName", PropertyValue.Of("pull-secret"));
        var address = new ResourceAddress(PullSecretUrn, null, null);

        var diff = await _provider.DiffAsync(new ResourceDiff(address, "team/pull-secret", outputs, inputs, inputs), CancellationToken.None);
        await _provider.UpdateAsync(new ResourceUpdate(address, "team/pull-secret", outputs, inputs, inputs, null, Preview: true), CancellationToken.None);

        Assert.True(diff.HasChanges, "the Secret is gone, so Diff must have read it");
        secrets.Verify(s => s.FindAsync("team", "pull-secret", It.IsAny<CancellationToken>()), Times.Once);
        secrets.VerifyNoOtherCalls();
        _kfp.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Delete_Pipeline_DeletesOnlyTheVersionsThisResourceRegistered()
    {
        _kfp.Setup(k => k.DeletePipelineVersionAsync("pipe-1", It.IsIn("v-ours-1", "v-ours-2"), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _kfp.Setup(k => k.DeletePipelineAsync("pipe-1", false, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var outputs = Map(("name", "pipe"), ("pipelineId", "pipe-1"), ("versionId", "v-ours-2"))
            .With("versionIds", PropertyValue.Of([PropertyValue.Of("v-ours-1"), PropertyValue.Of("v-ours-2")]));

        await _provider.DeleteAsync(new ResourceDelete(new ResourceAddress(PipelineUrn, null, null), "pipe-1", outputs, Map(("name", "pipe"))), CancellationToken.None);

        _kfp.Verify(k => k.DeletePipelineVersionAsync("pipe-1", "v-ours-1", It.IsAny<CancellationToken>()), Times.Once);
        _kfp.Verify(k => k.DeletePipelineVersionAsync("pipe-1", "v-ours-2", It.IsAny<CancellationToken>()), Times.Once);
        _kfp.Verify(k => k.DeletePipelineAsync("pipe-1", false, It.IsAny<CancellationToken>()), Times.Once);
        _kfp.VerifyNoOtherCalls();
        _kube.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Diff_KfpUnreachable_WarnsOnceForTwoResourcesAndNeverWrites()
    {
        _kfp.Setup(k => k.GetExperimentAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new KfpApiException("connection refused (kfp:host)"));
        var recorded = Map(("name", "a"));

        foreach (var (urn, id) in new[] { (ExperimentUrn, "e-1"), (ExperimentUrn + "2", "e-2") })
        {
            var diff = await _provider.DiffAsync(new ResourceDiff(new ResourceAddress(urn, null, null), id,
                recorded.With("experimentId", PropertyValue.Of(id)), recorded, recorded), CancellationToken.None);
            Assert.False(diff.HasChanges);
        }

        _log.Verify(l => l.LogAsync(LogLevel.Warning, It.Is<string>(m => m.Contains("preview could not read the KFP API at http://kfp.invalid/", StringComparison.Ordinal)
            && m.Contains("drift is not shown for: exp", StringComparison.Ordinal)), "", false, It.IsAny<CancellationToken>()), Times.Once);
        _log.Verify(l => l.LogAsync(LogLevel.Info, It.Is<string>(m => m.StartsWith("exp2: not compared with the live cluster either", StringComparison.Ordinal)),
            ExperimentUrn + "2", false, It.IsAny<CancellationToken>()), Times.Once);
        _kfp.Verify(k => k.GetExperimentAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        _kfp.VerifyNoOtherCalls();
    }

    private sealed class NoEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }
}
