using System.Collections.Immutable;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>The state of <c>kfp:index:Pipeline</c>: the pipeline in KFP, its current version and the versions it made.</summary>
internal sealed record PipelineState
{
    public string? Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public string? Namespace { get; init; }

    public string? SpecHash { get; init; }

    public string? PipelineId { get; init; }

    public string? VersionId { get; init; }

    public string? VersionName { get; init; }

    public ImmutableArray<string>? VersionIds { get; init; }

    public string? CreatedAt { get; init; }

    public static RecordShape<PipelineState> Shape { get; } = RecordShape<PipelineState>.Outputs(() => new())
        .String("name", x => x.Name, (x, v) => x with { Name = v }, "")
        .String("displayName", x => x.DisplayName, (x, v) => x with { DisplayName = v }, "")
        .String("description", x => x.Description, (x, v) => x with { Description = v }, "")
        .String("namespace", x => x.Namespace, (x, v) => x with { Namespace = v }, "")
        .String("specHash", x => x.SpecHash, (x, v) => x with { SpecHash = v }, "")
        .String("pipelineId", x => x.PipelineId, (x, v) => x with { PipelineId = v }, "The KFP pipeline ID.")
        .String("versionId", x => x.VersionId, (x, v) => x with { VersionId = v }, "The ID of the version holding the current spec.")
        .String("versionName", x => x.VersionName, (x, v) => x with { VersionName = v }, "")
        .StringList("versionIds", x => x.VersionIds, (x, v) => x with { VersionIds = v }, "The versions this resource registered, oldest first (deleted with it).")
        .String("createdAt", x => x.CreatedAt, (x, v) => x with { CreatedAt = v }, "When KFP created the pipeline (RFC 3339).");
}
