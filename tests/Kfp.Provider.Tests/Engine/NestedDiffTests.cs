using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Resources;

namespace Kfp.Provider.Tests.Engine;

public sealed class NestedDiffTests
{
    private static readonly ResourceIdentity Identity = new("urn:pulumi:dev::p::kfp:index:Pipeline::p", "p");

    private static PropertyValue Obj(params (string Key, PropertyValue Value)[] entries) =>
        PropertyValue.Of(entries.Aggregate(PropertyMap.Empty, (m, e) => m.With(e.Key, e.Value)));

    private static PropertyValue Task(string image, params string[] args) =>
        Obj(("image", PropertyValue.Of(image)), ("args", PropertyValue.Of(args.Select(a => PropertyValue.Of(a)))));

    private static PropertyMap Pipeline(PropertyValue? tasks, string hash = "sha256:a") =>
        PropertyMap.Empty.With("name", PropertyValue.Of("p")).With("source", PropertyValue.Of("p.yaml"))
            .With("specHash", PropertyValue.Of(hash)).With("tasks", tasks ?? PropertyValue.Null).With("mermaid", PropertyValue.Of(hash));

    private static DiffResult Diff(PropertyMap olds, PropertyMap news) =>
        Differ.Diff(PipelineResource.Spec, new DiffContext(Identity, "id", olds, olds, news), new LiveState.NotRead(null));

    [Fact]
    public void Diff_TaskImageChanged_NamesTheImagePath()
    {
        var olds = Pipeline(Obj(("train", Task("trainer:v1", "--epochs", "3"))));
        var news = Pipeline(Obj(("train", Task("trainer:v2", "--epochs", "3"))), "sha256:b");

        var result = Diff(olds, news);

        Assert.Equal(["specHash", "tasks.train.image"], result.Changes.Keys);
        Assert.Equal(DiffKind.Update, result.Changes["tasks.train.image"].Kind);
        Assert.False(result.IsReplace);
    }

    [Fact]
    public void Diff_TaskAddedAndRemoved_QuotesKeysWithDashes()
    {
        var olds = Pipeline(Obj(("old-step", Task("a")), ("train", Task("t"))));
        var news = Pipeline(Obj(("new-step", Task("a")), ("train", Task("t", "x"))), "sha256:b");

        var result = Diff(olds, news);

        Assert.Equal(DiffKind.Add, result.Changes["tasks[\"new-step\"]"].Kind);
        Assert.Equal(DiffKind.Delete, result.Changes["tasks[\"old-step\"]"].Kind);
        Assert.Equal(DiffKind.Add, result.Changes["tasks.train.args[0]"].Kind);
    }

    [Fact]
    public void Diff_TasksNotRecorded_AreNotCompared()
    {
        var result = Diff(Pipeline(null), Pipeline(Obj(("train", Task("t")))));

        Assert.False(result.HasChanges);
    }

    [Fact]
    public void Diff_MermaidOnly_IsNeverCompared()
    {
        var olds = Pipeline(Obj(("train", Task("t"))));
        var news = olds.With("mermaid", PropertyValue.Of("flowchart TD\n"));

        Assert.False(Diff(olds, news).HasChanges);
    }

    [Fact]
    public void Diff_SecretInList_NamesTheEntry()
    {
        PropertyValue Registry(string password) => PropertyValue.Of([Obj(("server", PropertyValue.Of("r.io")), ("password", PropertyValue.Of(password)))]);
        var olds = Pipeline(null).With("registries", Registry("a"));
        var news = Pipeline(null).With("registries", Registry("b"));

        Assert.Equal(["registries[0].password"], Diff(olds, news).Changes.Keys);
    }

    [Theory]
    [InlineData("train", "tasks.train")]
    [InlineData("train-model", "tasks[\"train-model\"]")]
    [InlineData("a.b", "tasks[\"a.b\"]")]
    [InlineData("say \"hi\"", "tasks[\"say \\\"hi\\\"\"]")]
    public void Key_CanonicalForm(string key, string expected) => Assert.Equal(expected, PropertyPaths.Key("tasks", key));

    [Fact]
    public void DriftMessage_NamesLiveAndProgramValues()
    {
        var live = new LiveState.Found(new ReadResult("id", PropertyMap.Empty.With("enabled", PropertyValue.Of(false)), PropertyMap.Empty));
        var news = PropertyMap.Empty.With("enabled", PropertyValue.Of(true));

        var message = DriftMessage.For("nightly", "enabled", null, live, news);

        Assert.StartsWith("nightly: enabled is false in the cluster; the program says true.", message, StringComparison.Ordinal);
        Assert.Contains("preview --refresh", message, StringComparison.Ordinal);
    }

    [Fact]
    public void DriftMessage_Secret_IsNotPrinted()
    {
        var live = new LiveState.Found(new ReadResult("id", PropertyMap.Empty.With("password", PropertyValue.Of("live-pw")), PropertyMap.Empty));
        var news = PropertyMap.Empty.With("password", PropertyValue.MakeSecret(PropertyValue.Of("new-pw")));

        var message = DriftMessage.For("r", "password", null, live, news);

        Assert.DoesNotContain("pw", message, StringComparison.Ordinal);
        Assert.Contains("[secret]", message, StringComparison.Ordinal);
    }
}
