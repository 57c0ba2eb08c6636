namespace Kfp.Api.Models;

/// <summary>A <c>google.rpc.Status</c> embedded in a resource (its <c>error</c> field).</summary>
public sealed record KfpStatus
{
    public int Code { get; init; }

    public string Message { get; init => field = value ?? ""; } = "";
}
