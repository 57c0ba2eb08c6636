using Kfp.Provider.Resources;

namespace Kfp.Provider.Tests.Resources;

public sealed class PipelineVersionPlanTests
{
    [Fact]
    public void For_VersionAlreadyRegistered_UploadsNothing()
    {
        Assert.False(PipelineVersionPlan.For("v-abc", "version-1").Upload);
        Assert.Equal(new PipelineVersionPlan(true, "v-abc"), PipelineVersionPlan.For("v-abc", null));
    }

    [Fact]
    public void Prune_NoKeepVersions_KeepsEveryVersionAndAddsTheNewOne()
    {
        var (kept, delete) = PipelineVersionPlan.Prune(["v1", "v2"], "v3", keep: null);

        Assert.Equal<string>(["v1", "v2", "v3"], kept);
        Assert.Empty(delete);
    }

    [Fact]
    public void Prune_KeepOne_DeletesTheOldestBeyondIt()
    {
        var (kept, delete) = PipelineVersionPlan.Prune(["v1", "v2", "v3"], "v4", keep: 1);

        Assert.Equal<string>(["v3", "v4"], kept);
        Assert.Equal<string>(["v1", "v2"], delete);
    }

    [Fact]
    public void Prune_KeepZero_KeepsOnlyTheCurrentVersion()
    {
        var (kept, delete) = PipelineVersionPlan.Prune(["v1", "v2"], "v2", keep: 0);

        Assert.Equal<string>(["v2"], kept);
        Assert.Equal<string>(["v1"], delete);
    }

    [Fact]
    public void Prune_CurrentIsAnOlderVersion_NeverDeletesIt()
    {
        // Going back to a spec registered before: its version is current again, the others are the older ones.
        var (kept, delete) = PipelineVersionPlan.Prune(["v1", "v2", "v3"], "v1", keep: 1);

        Assert.Equal<string>(["v1", "v3"], kept);
        Assert.Equal<string>(["v2"], delete);
    }

    [Fact]
    public void Prune_FewerThanKeep_DeletesNothing()
    {
        var (kept, delete) = PipelineVersionPlan.Prune(["v1"], "v2", keep: 5);

        Assert.Equal<string>(["v1", "v2"], kept);
        Assert.Empty(delete);
    }
}
