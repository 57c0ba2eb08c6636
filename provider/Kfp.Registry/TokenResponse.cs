using System.Text.Json.Serialization;

namespace Kfp.Registry;

/// <summary>The Docker token endpoint's answer: <c>token</c> and/or its OAuth2 alias <c>access_token</c>.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("access_token")] string? AccessToken)
{
    public string? Value => !string.IsNullOrEmpty(Token) ? Token : AccessToken;
}

[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
