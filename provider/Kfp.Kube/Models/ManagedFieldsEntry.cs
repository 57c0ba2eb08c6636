using System.Text.Json;

namespace Kfp.Kube.Models;

/// <summary>meta/v1 ManagedFieldsEntry: which field manager owns which fields (server-side apply).</summary>
public sealed record ManagedFieldsEntry
{
    public string? Manager { get; init; }

    /// <summary><c>Apply</c> or <c>Update</c>.</summary>
    public string? Operation { get; init; }

    public string? ApiVersion { get; init; }

    public DateTimeOffset? Time { get; init; }

    public string? FieldsType { get; init; }

    public JsonElement? FieldsV1 { get; init; }

    public string? Subresource { get; init; }
}
