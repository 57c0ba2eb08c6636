namespace Kfp.Emulator;

/// <summary>How an emulator instance is started.</summary>
public sealed record EmulatorOptions
{
    /// <summary>Folder that keeps state across restarts; null keeps everything in memory.</summary>
    public string? StateDir { get; init; }

    /// <summary>Clock for timestamps and expiries; tests pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Accepted bearer tokens, each <c>TOKEN</c> (any namespace) or <c>TOKEN=ns1,ns2</c> (KFP multi-user mode: only
    /// those namespaces). Empty: every caller is accepted. <c>--token</c> on the command line.
    /// </summary>
    public IReadOnlyList<string> Tokens { get; init; } = [];

    /// <summary>
    /// KFP: how long one simulated task takes (a quarter PENDING, the rest RUNNING). Null: runs do not execute by
    /// themselves and stay where the control endpoint puts them. <c>--task-duration</c>; the binary defaults to 1 s.
    /// </summary>
    public TimeSpan? TaskDuration { get; init; }

    /// <summary>KFP: task names, component names or images whose tasks fail. <c>--fail-task</c>.</summary>
    public IReadOnlyList<string> FailTasks { get; init; } = [];

    /// <summary>
    /// Serve the Kubernetes API over https with a self-signed certificate (in the written kubeconfig), so kubectl sends its
    /// token. <c>--kube-tls</c>.
    /// </summary>
    public bool KubeTls { get; init; }

    /// <summary>Image → local program (<c>--image-command IMAGE=PROGRAM</c>, repeatable): how pods of the Kubernetes API run.</summary>
    public IReadOnlyDictionary<string, string> ImageCommands { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
