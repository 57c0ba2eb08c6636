using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

// Waiting for a run to end, reading it back (refresh, import), and the outputs recorded in state.
internal sealed partial class RunResource
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(2);

    public override async Task<ReadResult?> ReadAsync(ReadContext context, CancellationToken cancellationToken)
    {
        Run live;
        try
        {
            live = await services().Kfp.GetRunAsync(context.Id, cancellationToken);
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            return null;
        }
        // A run's inputs never change in KFP: the recorded ones stay; only its state moves.
        var recorded = context.OldInputs.Count > 0 ? context.OldInputs : Differ.InputsFrom(Spec, context.OldOutputs);
        var inputs = recorded.Count > 0 ? recorded : InputsOf(live);
        return new ReadResult(live.RunId, Outputs(inputs, live), inputs);
    }

    /// <summary>
    /// The outputs once the run is settled: at once, or with <c>waitForCompletion</c> after it succeeded. While it
    /// waits, the run's progress goes to the resource's row (<see cref="RunStatusReporter"/>).
    /// </summary>
    private async Task<PropertyMap> SettleAsync(ResourceIdentity resource, PropertyMap inputs, Run run, TimeSpan? engineTimeout, CancellationToken cancellationToken)
    {
        var args = Args(inputs);
        if (args.WaitForCompletion != true)
        {
            return Outputs(inputs, run);
        }
        var timeout = args.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : engineTimeout ?? DefaultTimeout;
        var reporter = new RunStatusReporter(services().Log, resource.Urn, services().Time);
        var started = services().Time.GetTimestamp();
        var last = run;
        var planned = 0;
        string problem;
        try
        {
            planned = RunProgress.PlannedTasks(run.PipelineSpec ?? await VersionSpecAsync(run, cancellationToken));
            last = await WaitAsync(run, timeout, seen => reporter.StatusAsync(RunProgress.Describe(seen, planned), cancellationToken), cancellationToken);
            problem = last.State is RuntimeState.Succeeded or RuntimeState.Skipped ? ""
                : last.IsTerminal ? $"ended {State(last)}{(last.Error is { Message.Length: > 0 } error ? ": " + error.Message : "")}{FailedTasksNote(last)}; " +
                    "fix the pipeline or its inputs and change an input (or run `pulumi up --replace`) to start a new run"
                : cancellationToken.IsCancellationRequested ? $"was still {State(last)} when the deployment was cancelled; `pulumi up` waits for it again"
                : $"did not finish within {timeout.TotalSeconds:0} s (it is {State(last)}); `pulumi up` waits for it again, or raise timeoutSeconds";
        }
        catch (Exception e) when (e is KfpApiException or HttpRequestException)
        {
            problem = $"could not be followed ({e.Message}); `pulumi up` waits for it again";
        }
        var elapsed = services().Time.GetElapsedTime(started);
        await reporter.OutcomeAsync(LogLevel.Info,
            $"{RunProgress.Describe(last, planned)}{(last.IsTerminal ? "" : $"; still {State(last)}")} after {elapsed.TotalSeconds:0.#} s", cancellationToken);
        if (problem.Length == 0)
        {
            return Outputs(inputs, last);
        }
        // The run exists: keep it in state, whatever happened to it.
        throw new ResourceInitFailedException(last.RunId, Outputs(inputs, last), [$"run '{last.DisplayName}' ({last.RunId}) {problem}"]);
    }

    /// <summary>Polls until the run ends, the timeout passes or the call is cancelled; returns the last state seen.</summary>
    private async Task<Run> WaitAsync(Run run, TimeSpan timeout, Func<Run, Task> progress, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var delay = FirstPoll;
        try
        {
            while (!run.IsTerminal)
            {
                await progress(run);
                await Task.Delay(delay, deadline.Token);
                run = await services().Kfp.GetRunAsync(run.RunId, deadline.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPoll.Ticks));
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // Timed out or cancelled: the caller reports the last state seen.
        }
        return run;
    }

    /// <summary>The spec of the version the run uses (one GET), for the task count in status messages; null when it cannot be read.</summary>
    private async Task<System.Text.Json.JsonElement?> VersionSpecAsync(Run run, CancellationToken cancellationToken)
    {
        if (run.PipelineVersionReference is not { PipelineVersionId: { Length: > 0 } versionId } reference)
        {
            return null;
        }
        try
        {
            return (await services().Kfp.GetPipelineVersionAsync(reference.PipelineId, versionId, cancellationToken)).PipelineSpec;
        }
        catch (KfpApiException)
        {
            return null;
        }
    }

    /// <summary>Names the failed tasks when KFP's error message does not already.</summary>
    private static string FailedTasksNote(Run run)
    {
        var missing = RunProgress.FailedTasks(run).Where(t => run.Error?.Message.Contains(t, StringComparison.Ordinal) != true).ToList();
        return missing.Count == 0 ? "" : $" (failed task{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)})";
    }

    /// <summary>The inputs that would make this run (import).</summary>
    private PropertyMap InputsOf(Run live) => Write(new RunArgs
    {
        Name = live.DisplayName,
        PipelineId = live.PipelineVersionReference?.PipelineId ?? "",
        WaitForCompletion = false,
        DeleteOnDestroy = false,
        PipelineVersionId = live.PipelineVersionReference?.PipelineVersionId is { Length: > 0 } v ? v : null,
        ExperimentId = live.ExperimentId.Length > 0 ? live.ExperimentId : null,
        ServiceAccount = live.ServiceAccount.Length > 0 ? live.ServiceAccount : null,
        Parameters = RunFields.Parameters(live.RuntimeConfig),
    });

    private PropertyMap Outputs(PropertyMap inputs, Run run) => Write(new RunState
    {
        RunId = run.RunId,
        State = State(run),
        Error = run.Error?.Message is { Length: > 0 } message ? message : null,
    }, inputs);

    private static string State(Run run) => RunProgress.StateText(run.State);
}
