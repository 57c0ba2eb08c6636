namespace Kfp.Registry;

/// <summary>Credentials for one container registry, as a dockerconfigjson entry holds them.</summary>
/// <param name="Server">Registry host (and port), e.g. <c>ghcr.io</c> or <c>127.0.0.1:5000</c>.</param>
public sealed record RegistryCredentials(string Server, string? Username, string? Password)
{
    public string? Email { get; init; }

    /// <summary>Plain HTTP instead of HTTPS (local and test registries).</summary>
    public bool Insecure { get; init; }

    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"RegistryCredentials {{ Server = {Server}, Username = {Username}, Password = {(Password is null ? "none" : "[secret]")} }}";
}
