namespace Kfp.Api.Models;

/// <summary>A pipeline without versions (<c>POST /apis/v2beta1/pipelines</c>).</summary>
/// <param name="Name">Unique per namespace (409 AlreadyExists otherwise).</param>
public sealed record CreatePipelineRequest(string Name)
{
    /// <summary>Null uses <see cref="Name"/>.</summary>
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>Profile namespace; null uses <see cref="KfpClientOptions.Namespace"/>; "" makes a shared pipeline.</summary>
    public string? Namespace { get; init; }
}
