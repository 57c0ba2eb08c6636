using Kfp.Provider.Resources;

namespace Kfp.Provider.Tests.Resources;

public sealed class PipelineVersionPlanTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static LiveVersion V(string id, string name, string hash, int second) => new(id, name, hash, T0.AddSeconds(second));

    [Fact]
    public void For_NoVersions_UploadsUnderTheName()
    {
        Assert.Equal(new PipelineVersionPlan("v-a", null), PipelineVersionPlan.For("sha256:a", "v-a", nameGiven: false, []));
    }

    [Fact]
    public void For_NewestVersionHoldsTheSpec_ReusesItWhateverItsName()
    {
        // An imported pipeline: its version was uploaded by the SDK under another name.
        var plan = PipelineVersionPlan.For("sha256:b", "v-b", nameGiven: false, [V("1", "v-a", "sha256:a", 0), V("2", "my-pipeline", "sha256:b", 5)]);

        Assert.False(plan.Upload);
        Assert.Equal("2", plan.ReuseVersionId);
    }

    [Fact]
    public void For_Rollback_UploadsTheOldSpecAgainWithASuffix()
    {
        var plan = PipelineVersionPlan.For("sha256:a", "v-a", nameGiven: false,
            [V("1", "v-a", "sha256:a", 0), V("2", "v-b", "sha256:b", 5), V("3", "v-a-2", "sha256:a", 6), V("4", "v-b-2", "sha256:b", 9)]);

        Assert.Equal(new PipelineVersionPlan("v-a-3", null), plan);
    }

    [Fact]
    public void For_NewestSecondHoldsAnotherSpecToo_Uploads()
    {
        // KFP's timestamps have whole seconds: with a tie, KFP may pick either, so only a version of its own second is certain.
        var plan = PipelineVersionPlan.For("sha256:a", "v-a", nameGiven: false, [V("1", "v-a", "sha256:a", 5), V("2", "v-b", "sha256:b", 5)]);

        Assert.True(plan.Upload);
        Assert.Equal("v-a-2", plan.VersionName);
    }

    [Fact]
    public void For_GivenNameHoldsAnotherSpec_FailsNamingTheVersion()
    {
        var e = Assert.Throws<Kfp.Provider.Engine.ResourceException>(() =>
            PipelineVersionPlan.For("sha256:b", "release-1", nameGiven: true, [V("1", "release-1", "sha256:a", 0)]));

        Assert.Contains("'release-1'", e.Message, StringComparison.Ordinal);
        Assert.Contains("versionName", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_GivenNameRolledBackTo_UploadsWithASuffix()
    {
        var plan = PipelineVersionPlan.For("sha256:a", "release-1", nameGiven: true, [V("1", "release-1", "sha256:a", 0), V("2", "release-2", "sha256:b", 3)]);

        Assert.Equal(new PipelineVersionPlan("release-1-2", null), plan);
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
