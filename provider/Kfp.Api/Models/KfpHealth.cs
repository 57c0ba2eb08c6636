namespace Kfp.Api.Models;

/// <summary>Answer of <c>GET /apis/v2beta1/healthz</c>.</summary>
public sealed record KfpHealth
{
    public string CommitSha { get; init => field = value ?? ""; } = "";

    /// <summary>Server release, e.g. <c>2.17.0</c>.</summary>
    public string TagName { get; init => field = value ?? ""; } = "";

    public bool MultiUser { get; init; }

    /// <summary><c>database</c> or <c>kubernetes</c>; absent before KFP 2.14.</summary>
    public string PipelineStore { get; init => field = value ?? ""; } = "";
}
