using System.Text.Json;
using Kfp.Api.Models;
using Kfp.Provider.Resources;
using KfpRun = Kfp.Api.Models.Run;

namespace Kfp.Provider.Tests.Resources.Run;

public sealed class RunProgressTests
{
    private const string RunId = "3f2a9c1e-0000-4000-8000-000000000001";

    private static PipelineTaskDetail Node(string name, RuntimeState state, params string[] children) => new()
    {
        TaskId = name,
        DisplayName = name,
        State = state,
        ChildTasks = [.. children.Select(c => new PipelineTaskChild { PodName = c })],
    };

    private static KfpRun RunWith(RuntimeState state, params PipelineTaskDetail[] nodes) => new()
    {
        RunId = RunId,
        State = state,
        RunDetails = nodes.Length == 0 ? null : new RunDetails { TaskDetails = nodes },
    };

    [Fact]
    public void Describe_Pending_SaysSoWithTheShortId()
    {
        Assert.Equal("run 3f2a9c1e…: PENDING", RunProgress.Describe(RunWith(RuntimeState.Pending)));
    }

    [Fact]
    public void Describe_OnlyTheRootDag_NoTaskYet()
    {
        Assert.Equal("run 3f2a9c1e…: running, no task started yet", RunProgress.Describe(RunWith(RuntimeState.Running, Node("wf-abcde", RuntimeState.Running))));
    }

    [Fact]
    public void Describe_Tasks_CountsLeavesAndNamesRunningOnes()
    {
        var run = RunWith(RuntimeState.Running,
            Node("wf-abcde", RuntimeState.Running, "n1", "n2", "n3", "n4"),
            Node("for-loop-2", RuntimeState.Running, "n5"),
            Node("prepare", RuntimeState.Succeeded),
            Node("validate", RuntimeState.Succeeded),
            Node("train", RuntimeState.Running),
            Node("train-driver", RuntimeState.Succeeded),
            Node("report", RuntimeState.Pending));

        Assert.Equal("run 3f2a9c1e…: 2/4 tasks succeeded; train running; report pending", RunProgress.Describe(run));
        Assert.Equal("run 3f2a9c1e…: 2/7 tasks succeeded; train running; report pending", RunProgress.Describe(run, plannedTasks: 7));
    }

    [Fact]
    public void Describe_Failed_NamesTheFailedTaskAndTheOutcome()
    {
        var run = RunWith(RuntimeState.Failed, Node("wf", RuntimeState.Failed, "a", "b"), Node("prepare", RuntimeState.Succeeded), Node("explode", RuntimeState.Failed));

        Assert.Equal("run 3f2a9c1e…: 1/2 tasks succeeded; explode failed; run FAILED", RunProgress.Describe(run));
        Assert.Equal(["explode"], RunProgress.FailedTasks(run));
    }

    [Fact]
    public void Describe_ManyRunning_ShowsThreeNames()
    {
        var run = RunWith(RuntimeState.Running, [Node("wf", RuntimeState.Running, "x"), .. Enumerable.Range(1, 5).Select(i => Node($"t{i}", RuntimeState.Running))]);

        Assert.Equal("run 3f2a9c1e…: 0/5 tasks succeeded; t1, t2, t3 and 2 more running", RunProgress.Describe(run));
    }

    [Fact]
    public void PlannedTasks_CountsContainerTasksThroughSubDags()
    {
        using var spec = JsonDocument.Parse("""
            {"pipeline_spec": {
              "root": {"dag": {"tasks": {"prepare": {"componentRef": {"name": "comp-prepare"}}, "for-loop-2": {"componentRef": {"name": "comp-for-loop-2"}}}}},
              "components": {
                "comp-prepare": {"executorLabel": "exec-prepare"},
                "comp-for-loop-2": {"dag": {"tasks": {"train": {"componentRef": {"name": "comp-train"}}, "eval": {"componentRef": {"name": "comp-eval"}}}}},
                "comp-train": {"executorLabel": "exec-train"}, "comp-eval": {"executorLabel": "exec-eval"}}}}
            """);

        Assert.Equal(3, RunProgress.PlannedTasks(spec.RootElement));
        Assert.Equal(0, RunProgress.PlannedTasks(null));
    }
}
