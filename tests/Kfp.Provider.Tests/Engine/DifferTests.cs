using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Resources;

namespace Kfp.Provider.Tests.Engine;

public sealed class DifferTests
{
    private static readonly ResourceIdentity Identity = new("urn:pulumi:dev::p::kfp:index:Experiment::e", "e");

    private static PropertyMap Map(params (string Key, string? Value)[] values) =>
        values.Aggregate(PropertyMap.Empty, (m, v) => m.With(v.Key, PropertyValue.Of(v.Value)));

    [Fact]
    public void Diff_SameInputs_NoChanges()
    {
        var inputs = Map(("name", "a"), ("description", "d"));

        var result = Differ.Diff(ExperimentResource.Spec, new DiffContext(Identity, "id", inputs, inputs, inputs), new LiveState.NotRead(null));

        Assert.False(result.HasChanges);
    }

    [Fact]
    public void Diff_DescriptionChanged_ReplacesAndDeletesFirstWhenNameKept()
    {
        var olds = Map(("name", "a"), ("description", "d"));
        var news = Map(("name", "a"), ("description", "e"));

        var result = Differ.Diff(ExperimentResource.Spec, new DiffContext(Identity, "id", olds, olds, news), new LiveState.NotRead(null));

        Assert.Equal(DiffKind.UpdateReplace, result.Changes["description"].Kind);
        Assert.True(result.Changes["description"].InputDiff);
        Assert.True(result.DeleteBeforeReplace);
    }

    [Fact]
    public void Diff_NothingChanged_AsksDeleteFirstShouldTheEngineForceAReplacement()
    {
        var inputs = Map(("name", "a"), ("description", "d"));

        var result = Differ.Diff(ExperimentResource.Spec, new DiffContext(Identity, "id", inputs, inputs, inputs), new LiveState.NotRead(null));

        Assert.False(result.HasChanges);
        Assert.True(result.DeleteBeforeReplace, "`--replace` keeping the name must delete first, or the create would adopt the old object");
    }

    [Fact]
    public void Diff_NameChanged_CreatesBeforeDelete()
    {
        var result = Differ.Diff(ExperimentResource.Spec,
            new DiffContext(Identity, "id", Map(("name", "a")), Map(("name", "a")), Map(("name", "b"))), new LiveState.NotRead(null));

        Assert.True(result.IsReplace);
        Assert.False(result.DeleteBeforeReplace);
    }

    [Fact]
    public void Diff_LiveDescriptionDrifted_ShowsDriftNotInputDiff()
    {
        var inputs = Map(("name", "a"), ("description", "d"));
        var live = new ReadResult("id", Map(("name", "a"), ("description", "changed in UI")), inputs);

        var result = Differ.Diff(ExperimentResource.Spec, new DiffContext(Identity, "id", inputs, inputs, inputs), new LiveState.Found(live));

        Assert.False(result.Changes["description"].InputDiff);
        Assert.Equal(DiffKind.UpdateReplace, result.Changes["description"].Kind);
    }

    [Fact]
    public void Diff_LiveEmptyStringAndAbsentInput_AreTheSame()
    {
        var inputs = Map(("name", "a"));
        var live = new ReadResult("id", Map(("name", "a"), ("description", "")), inputs);

        var result = Differ.Diff(ExperimentResource.Spec, new DiffContext(Identity, "id", inputs, inputs, inputs), new LiveState.Found(live));

        Assert.False(result.HasChanges);
    }

    [Fact]
    public void Diff_LiveGone_ReplacesOnIdProperty()
    {
        var inputs = Map(("name", "a"));

        var result = Differ.Diff(ExperimentResource.Spec, new DiffContext(Identity, "id", inputs, inputs, inputs), new LiveState.Gone());

        Assert.Equal(DiffKind.UpdateReplace, result.Changes["experimentId"].Kind);
        Assert.True(result.DeleteBeforeReplace);
    }

    [Fact]
    public void Diff_UnknownNewValue_CountsAsChange()
    {
        var olds = Map(("name", "a"));
        var news = olds.With("description", PropertyValue.Unknown);

        var result = Differ.Diff(ExperimentResource.Spec, new DiffContext(Identity, "id", olds, olds, news), new LiveState.NotRead(null));

        Assert.Equal(DiffKind.AddReplace, result.Changes["description"].Kind);
    }

    [Fact]
    public void Diff_NoOldInputs_UsesInputsRecordedInOutputs()
    {
        var outputs = Map(("name", "a"), ("experimentId", "id"));

        var result = Differ.Diff(ExperimentResource.Spec, new DiffContext(Identity, "id", outputs, PropertyMap.Empty, Map(("name", "a"))), new LiveState.NotRead(null));

        Assert.False(result.HasChanges);
    }
}
