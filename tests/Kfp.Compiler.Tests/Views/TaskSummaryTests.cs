using System.Text.Json.Nodes;
using Kfp.Compiler.Views;

namespace Kfp.Compiler.Tests.Views;

public sealed class TaskSummaryTests
{
    [Fact]
    public void Tasks_ContainerTask_HasImageCommandArgsAndCaching()
    {
        var tasks = TaskSummary.Tasks(TestFiles.Load("ir/samples/hello_world.yaml"));
        var task = Assert.IsType<JsonObject>(Assert.Single(tasks).Value);
        Assert.False(string.IsNullOrEmpty(task["image"]?.GetValue<string>()));
        Assert.IsType<JsonArray>(task["command"]);
        Assert.NotNull(task["caching"]);
    }

    [Fact]
    public void Tasks_Producer_ShowsSourcesAndAfterEdges()
    {
        var tasks = TaskSummary.Tasks(TestFiles.Load("ir/samples/producer_consumer_param_pipeline.yaml"));
        var consumer = tasks.Select(t => (JsonObject)t.Value!).Single(t => t["after"] is not null);
        var source = consumer["inputs"]!.AsObject().Select(i => i.Value!.GetValue<string>()).Single();
        Assert.Matches(@"^\{\{tasks\.[a-z-]+\.outputs\.[A-Za-z_]+\}\}$", source);
        Assert.Contains(consumer["after"]!.AsArray()[0]!.GetValue<string>(), tasks.Select(t => t.Key));
    }

    [Fact]
    public void Tasks_Loop_NestsItsTasksAndNamesTheItems()
    {
        var tasks = TaskSummary.Tasks(TestFiles.Load("ir/golden/pipeline_with_loops.yaml"));
        var loop = tasks.Select(t => (JsonObject)t.Value!).First(t => t["loop"] is not null);
        Assert.NotEmpty(loop["tasks"]!.AsObject());
    }

    [Fact]
    public void Tasks_Retry_IsRecorded()
    {
        var tasks = TaskSummary.Tasks(TestFiles.Load("ir/golden/pipeline_with_retry.yaml"));
        Assert.Contains(tasks, t => t.Value!["retry"]?["maxRetryCount"] is not null);
    }

    [Fact]
    public void Tasks_PlatformSpec_GivesKubernetesSettingsOfTheExecutor()
    {
        var tasks = TaskSummary.Tasks(TestFiles.Load("ir/platform/node_selector.yaml"));
        Assert.Contains(tasks, t => t.Value!["kubernetes"]?["nodeSelector"] is not null);
    }

    [Fact]
    public void Parameters_Root_HaveTypesAndDefaults()
    {
        var parameters = TaskSummary.Parameters(TestFiles.Load("ir/golden/pipeline_with_exit_handler.yaml"));
        Assert.NotEmpty(parameters);
        Assert.All(parameters, p => Assert.NotNull(p.Value!["type"]));
        Assert.Contains(parameters, p => p.Value!["default"] is not null);
    }

    [Fact]
    public void Tasks_SameDocumentTwice_SerialisesIdentically()
    {
        var a = TaskSummary.Tasks(TestFiles.Load("ir/golden/pipeline_in_pipeline.yaml")).ToJsonString();
        var b = TaskSummary.Tasks(TestFiles.Load("ir/golden/pipeline_in_pipeline.yaml")).ToJsonString();
        Assert.Equal(a, b);
    }
}
