namespace Kfp.Emulator;

/// <summary>How an emulator instance is started.</summary>
public sealed record EmulatorOptions
{
    /// <summary>Folder that keeps state across restarts; null keeps everything in memory.</summary>
    public string? StateDir { get; init; }

    /// <summary>Clock for timestamps and expiries; tests pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Bearer tokens the APIs accept (<c>--token</c>, repeatable); empty accepts the built-in token only.
    /// The written kubeconfig carries the first one.</summary>
    public IReadOnlyList<string> Tokens { get; init; } = [];

    /// <summary>Image → local program (<c>--image-command IMAGE=PROGRAM</c>, repeatable): how pods of the Kubernetes API run.</summary>
    public IReadOnlyDictionary<string, string> ImageCommands { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
