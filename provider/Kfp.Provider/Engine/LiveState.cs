namespace Kfp.Provider.Engine;

/// <summary>What Diff knows of the live object.</summary>
internal abstract record LiveState
{
    /// <summary>Not looked at: offline diff, preview of a new provider, or the cluster could not be reached.</summary>
    public sealed record NotRead(string? Reason) : LiveState;

    /// <summary>The object no longer exists (deleted out of band).</summary>
    public sealed record Gone : LiveState;

    public sealed record Found(ReadResult Live) : LiveState;
}
