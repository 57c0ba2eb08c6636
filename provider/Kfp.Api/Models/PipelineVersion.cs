using System.Text.Json;

namespace Kfp.Api.Models;

/// <summary>A version of a pipeline: one compiled spec.</summary>
public sealed record PipelineVersion
{
    public string PipelineId { get; init => field = value ?? ""; } = "";

    public string PipelineVersionId { get; init => field = value ?? ""; } = "";

    /// <summary>Unique within the pipeline (KFP 2.14+; on older servers the display name).</summary>
    public string Name { get; init => field = value ?? ""; } = "";

    public string DisplayName { get; init => field = value ?? ""; } = "";

    public string Description { get; init => field = value ?? ""; } = "";

    public DateTimeOffset? CreatedAt { get; init; }

    public PackageUrl? PackageUrl { get; init; }

    public string CodeSourceUrl { get; init => field = value ?? ""; } = "";

    /// <summary>
    /// The stored IR exactly as the server returned it: the PipelineSpec object, or
    /// <c>{"pipeline_spec":…,"platform_spec":…}</c> when a platform spec was uploaded with it.
    /// </summary>
    public JsonElement? PipelineSpec { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public KfpStatus? Error { get; init; }
}
