namespace Kfp.Api.Models;

/// <summary>A KFP pipeline (the container of versions). Absent fields read as empty.</summary>
public sealed record Pipeline
{
    public string PipelineId { get; init => field = value ?? ""; } = "";

    /// <summary>Unique name per namespace (KFP 2.14+; on older servers this is the display name).</summary>
    public string Name { get; init => field = value ?? ""; } = "";

    public string DisplayName { get; init => field = value ?? ""; } = "";

    public string Description { get; init => field = value ?? ""; } = "";

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Empty for shared pipelines and in single-user mode.</summary>
    public string Namespace { get; init => field = value ?? ""; } = "";

    /// <summary>KFP 2.17+.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Set (with only the id) when the server could not convert the stored row.</summary>
    public KfpStatus? Error { get; init; }
}
