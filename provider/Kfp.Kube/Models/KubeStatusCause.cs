namespace Kfp.Kube.Models;

/// <summary>meta/v1 StatusCause: one field error (<c>FieldValueInvalid</c>, <c>FieldManagerConflict</c>, ...).</summary>
public sealed record KubeStatusCause
{
    public string? Reason { get; init; }

    public string? Message { get; init; }

    public string? Field { get; init; }
}
