using System.Text.Json.Nodes;
using Kfp.Emulator.Tests.Support;

namespace Kfp.Emulator.Tests.Execution;

/// <summary>Runs walk their DAG on the emulator clock (10 s per task: 2.5 s PENDING, then RUNNING).</summary>
public sealed class RunExecutionTests
{
    private static JsonObject Task(JsonObject run, string name) =>
        run["run_details"]!["task_details"]!.AsArray().Single(t => t!["display_name"]!.ToString() == name)!.AsObject();

    private static List<string> TaskNames(JsonObject run) =>
        run["run_details"]?["task_details"]?.AsArray().Select(t => t!["display_name"]!.ToString()).ToList() ?? [];

    private static DateTimeOffset Time(JsonNode? node) => DateTimeOffset.Parse(node!.ToString(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Run_WalksTasksInDependencyOrder_ThenSucceeds()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (pipelineId, versionId) = await emu.UploadAsync("after", TestEmulator.Fixture("pipeline_with_after.yaml"));
        var created = await emu.RunAsync(pipelineId, versionId);
        var path = $"/apis/v2beta1/runs/{created["run_id"]}";

        Assert.Equal("PENDING", created["state"]!.ToString());
        Assert.Null((await emu.GetAsync(path))["run_details"]);
        await emu.AdvanceAsync(3);
        var starting = await emu.GetAsync(path);
        Assert.Equal("RUNNING", starting["state"]!.ToString());
        Assert.Equal("PENDING", Task(starting, "print-text")["state"]!.ToString());
        Assert.DoesNotContain("print-text-2", TaskNames(starting));
        await emu.AdvanceAsync(3);
        Assert.Equal("RUNNING", Task(await emu.GetAsync(path), "print-text")["state"]!.ToString());
        await emu.AdvanceAsync(7);
        var second = await emu.GetAsync(path);
        Assert.Equal("SUCCEEDED", Task(second, "print-text")["state"]!.ToString());
        Assert.Equal("PENDING", Task(second, "print-text-2")["state"]!.ToString());
        await emu.AdvanceAsync(30);
        var done = await emu.GetAsync(path);

        Assert.Equal("SUCCEEDED", done["state"]!.ToString());
        Assert.Equal(["PENDING", "RUNNING", "SUCCEEDED"], done["state_history"]!.AsArray().Select(h => h!["state"]!.ToString()));
        Assert.Equal(TestEmulator.Start.AddSeconds(32), Time(done["finished_at"]));
        Assert.All(done["run_details"]!["task_details"]!.AsArray(), t => Assert.Equal("SUCCEEDED", t!["state"]!.ToString()));
        Assert.True(Time(Task(done, "print-text-2")["start_time"]) >= Time(Task(done, "print-text")["end_time"]));
        Assert.True(Time(Task(done, "print-text-3")["start_time"]) >= Time(Task(done, "print-text-2")["end_time"]));
        Assert.Equal(["PENDING", "RUNNING", "SUCCEEDED"], Task(done, "print-text-3")["state_history"]!.AsArray().Select(h => h!["state"]!.ToString()));
        var root = done["run_details"]!["task_details"]![0]!.AsObject();
        Assert.StartsWith("pipeline-with-after-", root["display_name"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, root["child_tasks"]!.AsArray().Count);
        Assert.Equal(created["created_at"]!.ToString(), Task(done, "print-text")["create_time"]!.ToString());
    }

    [Fact]
    public async Task Run_IndependentTasksStartTogether_AndConditionsShowAsDagNodes()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (pipelineId, versionId) = await emu.UploadAsync("flip", TestEmulator.Fixture("flip_coin.yaml"));
        var created = await emu.RunAsync(pipelineId, versionId);

        await emu.AdvanceAsync(3600);
        var done = await emu.GetAsync($"/apis/v2beta1/runs/{created["run_id"]}");

        Assert.Equal("SUCCEEDED", done["state"]!.ToString());
        Assert.Equal(Task(done, "condition-1")["start_time"]!.ToString(), Task(done, "condition-4")["start_time"]!.ToString());
        Assert.True(Time(Task(done, "condition-1")["start_time"]) >= Time(Task(done, "flip-coin")["end_time"]));
        var condition = Task(done, "condition-1");
        Assert.NotEmpty(condition["child_tasks"]!.AsArray());
        var childIds = condition["child_tasks"]!.AsArray().Select(c => c!["pod_name"]!.ToString()).ToList();
        Assert.Equal(childIds.Count, childIds.Distinct().Count());
    }

    [Fact]
    public async Task Run_LoopOverLiteralItems_RunsOneIterationEach()
    {
        await using var emu = await TestEmulator.StartAsync();
        var spec = JsonNode.Parse("""
            {"pipelineInfo":{"name":"loop"},"schemaVersion":"2.1.0",
             "components":{"comp-for-loop-1":{"dag":{"tasks":{"echo":{"componentRef":{"name":"comp-echo"},"taskInfo":{"name":"echo"}}}}},
                           "comp-echo":{"executorLabel":"exec-echo"}},
             "deploymentSpec":{"executors":{"exec-echo":{"container":{"image":"alpine"}}}},
             "root":{"dag":{"tasks":{"for-loop-1":{"componentRef":{"name":"comp-for-loop-1"},
                "parameterIterator":{"itemInput":"item","items":{"raw":"[1, 2, 3]"}},"taskInfo":{"name":"for-loop-1"}}}}}}
            """)!;
        var created = await emu.PostAsync("/apis/v2beta1/runs", new JsonObject { ["display_name"] = "loop", ["pipeline_spec"] = spec });

        await emu.AdvanceAsync(60);
        var done = await emu.GetAsync($"/apis/v2beta1/runs/{created["run_id"]}");

        Assert.Equal("SUCCEEDED", done["state"]!.ToString());
        Assert.Equal(3, Task(done, "for-loop-1")["child_tasks"]!.AsArray().Count);
        Assert.Contains("for-loop-1-iteration-2", TaskNames(done));
        Assert.Equal(3, TaskNames(done).Count(n => n == "echo"));
    }

    private static JsonObject BranchesSpec()
    {
        const string Size = "inputs.parameter_values['pipelinechannel--size']";
        const string Limit = "int(inputs.parameter_values['pipelinechannel--limit'])";
        const string Channels = """
            {"parameters":{"pipelinechannel--size":{"componentInputParameter":"pipelinechannel--size"},
                           "pipelinechannel--limit":{"componentInputParameter":"pipelinechannel--limit"}}}
            """;
        var branches = new JsonObject();
        var components = new JsonObject();
        (string Test, string Task)[] arms =
        [
            ($"{Size} == 'small'", "train-small"),
            ($"!({Size} == 'small') && {Size} == 'medium' && {Limit} > 4", "train-medium"),
            ($"!({Size} == 'small') && !({Size} == 'medium' && {Limit} > 4)", "train-large"),
        ];
        for (var i = 0; i < arms.Length; i++)
        {
            var name = $"condition-{i + 2}";
            branches[name] = new JsonObject
            {
                ["componentRef"] = new JsonObject { ["name"] = $"comp-{name}" },
                ["taskInfo"] = new JsonObject { ["name"] = name },
                ["inputs"] = JsonNode.Parse(Channels),
                ["triggerPolicy"] = new JsonObject { ["condition"] = arms[i].Test },
            };
            components[$"comp-{name}"] = JsonNode.Parse(
                """{"dag":{"tasks":{"TASK":{"componentRef":{"name":"comp-train"},"taskInfo":{"name":"TASK"}}}}}""".Replace("TASK", arms[i].Task, StringComparison.Ordinal));
        }
        components["comp-condition-branches-1"] = new JsonObject { ["dag"] = new JsonObject { ["tasks"] = branches } };
        components["comp-train"] = new JsonObject { ["executorLabel"] = "exec-train" };
        var spec = JsonNode.Parse("""
            {"pipelineInfo":{"name":"branches"},"schemaVersion":"2.1.0",
             "deploymentSpec":{"executors":{"exec-train":{"container":{"image":"alpine"}}}},
             "root":{"inputDefinitions":{"parameters":{"size":{"parameterType":"STRING","defaultValue":"small"},
                                                       "limit":{"parameterType":"NUMBER_INTEGER","defaultValue":8}}},
               "dag":{"tasks":{"condition-branches-1":{"componentRef":{"name":"comp-condition-branches-1"},"taskInfo":{"name":"condition-branches-1"},
                 "inputs":{"parameters":{"pipelinechannel--size":{"componentInputParameter":"size"},
                                         "pipelinechannel--limit":{"componentInputParameter":"limit"}}}}}}}}
            """)!.AsObject();
        spec["components"] = components;
        return spec;
    }

    [Theory]
    [InlineData(null, "condition-2", "train-small")]
    [InlineData("""{"size":"medium"}""", "condition-3", "train-medium")]
    [InlineData("""{"size":"medium","limit":2}""", "condition-4", "train-large")]
    [InlineData("""{"size":"huge"}""", "condition-4", "train-large")]
    public async Task Run_IfElifElseOnParameters_RunsOnlyTheTakenBranch(string? parameters, string taken, string task)
    {
        await using var emu = await TestEmulator.StartAsync();
        var body = new JsonObject { ["display_name"] = "branches", ["pipeline_spec"] = BranchesSpec() };
        if (parameters is not null)
        {
            body["runtime_config"] = new JsonObject { ["parameters"] = JsonNode.Parse(parameters) };
        }
        var created = await emu.PostAsync("/apis/v2beta1/runs", body);

        await emu.AdvanceAsync(3600);
        var done = await emu.GetAsync($"/apis/v2beta1/runs/{created["run_id"]}");

        Assert.Equal("SUCCEEDED", done["state"]!.ToString());
        foreach (var condition in (string[])["condition-2", "condition-3", "condition-4"])
        {
            Assert.Equal(condition == taken ? "SUCCEEDED" : "SKIPPED", Task(done, condition)["state"]!.ToString());
        }
        Assert.Equal([task], TaskNames(done).Where(n => n.StartsWith("train-", StringComparison.Ordinal)));
        Assert.Equal("SUCCEEDED", Task(done, task)["state"]!.ToString());
    }

    [Fact]
    public async Task FailTask_ByNameThroughTheEndpoint_FailsTheRunNamingTheTask()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (pipelineId, versionId) = await emu.UploadAsync("after", TestEmulator.Fixture("pipeline_with_after.yaml"));
        var rules = await emu.PostAsync("/_emulator/fail-tasks", new JsonObject { ["match"] = "print-text-2" });
        Assert.Equal("print-text-2", rules["rules"]![0]!.ToString());
        var created = await emu.RunAsync(pipelineId, versionId);

        await emu.AdvanceAsync(3600);
        var done = await emu.GetAsync($"/apis/v2beta1/runs/{created["run_id"]}");

        Assert.Equal("FAILED", done["state"]!.ToString());
        Assert.Contains("task 'print-text-2' failed", done["error"]!["message"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("FAILED", Task(done, "print-text-2")["state"]!.ToString());
        Assert.Equal("SUCCEEDED", Task(done, "print-text")["state"]!.ToString());
        Assert.DoesNotContain("print-text-3", TaskNames(done));
        Assert.Equal("FAILED", done["run_details"]!["task_details"]![0]!["state"]!.ToString());
    }

    [Fact]
    public async Task FailTask_ByImageAtStart_FailsTheFirstTask()
    {
        await using var emu = await TestEmulator.StartAsync(o => o with { FailTasks = ["alpine"] });
        var (pipelineId, versionId) = await emu.UploadAsync("after", TestEmulator.Fixture("pipeline_with_after.yaml"));
        var created = await emu.RunAsync(pipelineId, versionId);

        await emu.AdvanceAsync(3600);
        var done = await emu.GetAsync($"/apis/v2beta1/runs/{created["run_id"]}");

        Assert.Equal("FAILED", done["state"]!.ToString());
        Assert.Contains("task 'print-text' failed", done["error"]!["message"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("alpine", done["error"]!["message"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TestEmulator.Start.AddSeconds(12), Time(done["finished_at"]));
    }

    [Fact]
    public async Task ControlEndpoint_PinsTheStateAgainstExecution()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (pipelineId, versionId) = await emu.UploadAsync("after", TestEmulator.Fixture("pipeline_with_after.yaml"));
        var run = (await emu.RunAsync(pipelineId, versionId))["run_id"]!.ToString();

        await emu.AdvanceAsync(6);
        await emu.PostAsync($"/_emulator/runs/{run}/state", new JsonObject { ["state"] = "RUNNING" });
        await emu.AdvanceAsync(3600);
        var pinned = await emu.GetAsync($"/apis/v2beta1/runs/{run}");
        await emu.PostAsync($"/apis/v2beta1/runs/{run}:terminate", new JsonObject());
        var terminated = await emu.GetAsync($"/apis/v2beta1/runs/{run}");

        Assert.Equal("RUNNING", pinned["state"]!.ToString());
        Assert.Equal("RUNNING", Task(pinned, "print-text")["state"]!.ToString());
        Assert.Equal("CANCELED", terminated["state"]!.ToString());
        Assert.Equal("CANCELED", Task(terminated, "print-text")["state"]!.ToString());
    }

    [Fact]
    public async Task NoTaskDuration_RunsStayPendingUntilMoved()
    {
        await using var emu = await TestEmulator.StartAsync(o => o with { TaskDuration = null });
        var (pipelineId, versionId) = await emu.UploadAsync("after", TestEmulator.Fixture("pipeline_with_after.yaml"));
        var run = (await emu.RunAsync(pipelineId, versionId))["run_id"]!.ToString();

        await emu.AdvanceAsync(3600);

        Assert.Equal("PENDING", (await emu.GetAsync($"/apis/v2beta1/runs/{run}"))["state"]!.ToString());
    }
}
