using Kfp.Emulator;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using static Kfp.Provider.Tests.Lifecycle.RunTestKit;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>An emulator whose runs execute by themselves (1 s a task) and whose <c>explode</c> tasks fail.</summary>
public sealed class ExecutingRunsFixture() : ProviderFixture(new EmulatorOptions
{
    TaskDuration = TimeSpan.FromSeconds(1),
    FailTasks = ["explode"],
});

/// <summary>
/// A Run waited for on an emulator that executes runs: no control call moves it, the provider reports its
/// progress on the resource's row while it waits, and a failing task fails the run with the task named.
/// </summary>
public sealed class RunProgressLifecycleTests(ExecutingRunsFixture fixture) : IClassFixture<ExecutingRunsFixture>
{
    private const string Type = "kfp:index:Run";

    private const string Chain = """
        pipeline:
          name: progress-chain
          tasks:
            - component: prepare
            - component: train
              after: [prepare]
            - component: report
              after: [train]
        components:
          prepare: {image: alpine:3.20, command: [echo, prepare]}
          train: {image: alpine:3.20, command: [echo, train]}
          report: {image: alpine:3.20, command: [echo, report]}
        """;

    private const string Exploding = """
        pipeline:
          name: progress-exploding
          tasks:
            - component: prepare
            - component: explode
              after: [prepare]
        components:
          prepare: {image: alpine:3.20, command: [echo, prepare]}
          explode: {image: alpine:3.20, command: [sh, -c, exit 1]}
        """;

    private async Task<string> PipelineAsync(string name, string definition)
    {
        var inputs = PropertyMap.Empty.With("name", PropertyValue.Of(name)).With("source", PropertyValue.Of(fixture.AddSource(name + ".yaml", definition)));
        return (await new LifecycleTest(fixture.Client, "kfp:index:Pipeline", name).CreateAsync(inputs, PropertyMap.Empty)).Id;
    }

    private static PropertyMap Waited(string name, string pipelineId) => PropertyMap.Empty
        .With("name", PropertyValue.Of(name))
        .With("pipelineId", PropertyValue.Of(pipelineId))
        .With("waitForCompletion", PropertyValue.Of(true))
        .With("timeoutSeconds", PropertyValue.Of(60));

    [Fact]
    public async Task Create_WaitForCompletion_RunExecutesByItselfWithProgressOnTheRow()
    {
        var pipelineId = await PipelineAsync("progress-chain", Chain);
        var test = new LifecycleTest(fixture.Client, Type, "smoke-progress");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var state = await test.CreateAsync(Waited("smoke-progress", pipelineId), PropertyMap.Empty);

        Assert.Equal("SUCCEEDED", Text(state.Outputs, "state"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"waiting took {clock.Elapsed}");
        var messages = fixture.EngineLog.For(test.Urn);
        var statuses = messages.Where(m => m.Ephemeral && m.Message.Length > 0).ToList();
        var prefix = $"run {state.Id[..8]}…: ";
        Assert.True(statuses.Count >= 2, "status messages: " + string.Join(" | ", statuses.Select(s => s.Message)));
        Assert.All(statuses, s =>
        {
            Assert.StartsWith(prefix, s.Message, StringComparison.Ordinal);
            Assert.Equal(LogLevel.Info, s.Level);
        });
        // A poll lands in some task's PENDING or RUNNING phase (which one depends on the machine's load); either way the
        // row names the count and the task in flight.
        Assert.Contains(statuses, s => s.Message.Contains("/3 tasks succeeded; ", StringComparison.Ordinal)
            && (s.Message.EndsWith(" running", StringComparison.Ordinal) || s.Message.EndsWith(" pending", StringComparison.Ordinal)));
        for (var i = 1; i < statuses.Count; i++)
        {
            Assert.NotEqual(statuses[i - 1].Message, statuses[i].Message);
            Assert.True(statuses[i].At - statuses[i - 1].At >= TimeSpan.FromMilliseconds(950),
                $"two status messages {(statuses[i].At - statuses[i - 1].At).TotalMilliseconds} ms apart: {statuses[i - 1].Message} | {statuses[i].Message}");
        }
        var outcome = Assert.Single(messages, m => !m.Ephemeral);
        Assert.StartsWith(prefix + "3/3 tasks succeeded; run SUCCEEDED after ", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("", messages[^2].Message);
        Assert.True(messages[^2].Ephemeral, "the status is cleared before the outcome");
    }

    [Fact]
    public async Task Create_TaskFails_FailedRunNamesTheTask()
    {
        var pipelineId = await PipelineAsync("progress-exploding", Exploding);
        var test = new LifecycleTest(fixture.Client, Type, "smoke-exploding");

        var error = await Assert.ThrowsAsync<GrpcCallException>(() => test.CreateAsync(Waited("smoke-exploding", pipelineId), PropertyMap.Empty));

        var partial = InitFailure(error);
        var outputs = PropertyValueCodec.FromStruct(partial.Properties);
        Assert.Equal("FAILED", Text(outputs, "state"));
        Assert.Contains("explode", Text(outputs, "error"), StringComparison.Ordinal);
        Assert.Contains($"run 'smoke-exploding' ({partial.Id}) ended FAILED: ", error.StatusMessage, StringComparison.Ordinal);
        Assert.Contains("'explode'", error.StatusMessage, StringComparison.Ordinal);
        var outcome = Assert.Single(fixture.EngineLog.For(test.Urn), m => !m.Ephemeral);
        Assert.Contains("1/2 tasks succeeded; explode failed; run FAILED", outcome.Message, StringComparison.Ordinal);
    }
}
