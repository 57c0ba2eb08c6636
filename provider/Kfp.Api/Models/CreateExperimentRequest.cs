namespace Kfp.Api.Models;

/// <summary>Body of <c>POST /apis/v2beta1/experiments</c>.</summary>
/// <param name="DisplayName">Name, unique per namespace (409 AlreadyExists otherwise).</param>
public sealed record CreateExperimentRequest(string DisplayName)
{
    public string? Description { get; init; }

    /// <summary>Profile namespace; null uses <see cref="KfpClientOptions.Namespace"/>.</summary>
    public string? Namespace { get; init; }
}
