using System.Text.Json;
using Kfp.Emulator.Kfp.Execution;
using Kfp.Emulator.Kfp.Experiments;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>The emulated server's database: state behind one lock, the clock, and persistence under the state dir.</summary>
public sealed class KfpStore
{
    public const string DefaultExperimentName = "Default";
    private const string FileName = "kfp-state.json";

    private readonly string? _file;

    public KfpStore(EmulatorOptions options)
    {
        Clock = new EmulatorClock(options.Time);
        TaskDuration = options.TaskDuration;
        Failures = new TaskFailures(options.FailTasks);
        _file = options.StateDir is { } dir ? Path.Combine(dir, FileName) : null;
        State = _file is not null && File.Exists(_file)
            ? JsonSerializer.Deserialize(File.ReadAllText(_file), KfpStateJsonContext.Default.KfpState) ?? new KfpState()
            : new KfpState();
        Clock.Advance(State.ClockOffset);
        EnsureDefaultExperiment();
    }

    /// <summary>Held by every handler while it reads or changes <see cref="State"/>.</summary>
    public Lock Gate { get; } = new();

    public KfpState State { get; }

    /// <summary>The emulator clock: the injected one plus what <c>POST /_emulator/clock</c> added.</summary>
    public EmulatorClock Clock { get; }

    public TimeProvider Time => Clock;

    /// <summary>Time per simulated task; null when runs do not execute by themselves.</summary>
    public TimeSpan? TaskDuration { get; }

    public TaskFailures Failures { get; }

    /// <summary>How a run created at <paramref name="at"/> from <paramref name="spec"/> executes; null when runs do not execute.</summary>
    public RunPlan? PlanRun(System.Text.Json.Nodes.JsonObject spec, DateTimeOffset at, string? runtimeConfig) =>
        TaskDuration is { } duration
            ? new RunPlanner(duration, Failures).Plan(spec, at,
                runtimeConfig is null ? null : System.Text.Json.Nodes.JsonNode.Parse(runtimeConfig)?["parameters"] as System.Text.Json.Nodes.JsonObject)
            : null;

    public ServerSettings Settings => State.Settings;

    /// <summary>Now, in whole seconds as the server's database stores it.</summary>
    public DateTimeOffset Now()
    {
        var now = Time.GetUtcNow();
        return DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
    }

    /// <summary>
    /// A UUID-shaped id whose first group is a persisted counter, so ids sort in creation order: list ties on
    /// <c>created_at</c> (whole seconds) then break by id in insertion order, which keeps tests deterministic.
    /// </summary>
    public string NewId()
    {
        var sequence = ++State.Sequence;
        return $"{sequence:x8}{Guid.NewGuid().ToString()[8..]}";
    }

    /// <summary>Namespace as stored: forced to "" in single-user mode.</summary>
    public string StoredNamespace(string requested) => Settings.MultiUser ? requested : "";

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            return;
        }
        string json;
        lock (Gate)
        {
            State.ClockOffset = Clock.Offset;
            json = JsonSerializer.Serialize(State, KfpStateJsonContext.Default.KfpState);
        }
        var temp = _file + ".tmp";
        await File.WriteAllTextAsync(temp, json, cancellationToken);
        File.Move(temp, _file, overwrite: true);
    }

    /// <summary>The single-user server creates "Default" at start-up; runs without an experiment go there.</summary>
    public string? DefaultExperimentId()
    {
        lock (Gate)
        {
            return State.Experiments.Values.FirstOrDefault(e => e.DisplayName == DefaultExperimentName && e.Namespace.Length == 0)?.Id;
        }
    }

    private void EnsureDefaultExperiment()
    {
        if (Settings.MultiUser || State.Experiments.Values.Any(e => e.DisplayName == DefaultExperimentName && e.Namespace.Length == 0))
        {
            return;
        }
        var id = NewId();
        State.Experiments[id] = new ExperimentRow
        {
            Id = id,
            DisplayName = DefaultExperimentName,
            Description = "All runs created without specifying an experiment will be grouped here.",
            CreatedAt = Now(),
        };
    }
}
