using Kfp.Provider.Engine.Binding;
using Kfp.Registry;

namespace Kfp.Provider.Resources;

/// <summary>
/// One item of a <c>registries</c> input (<c>kfp:index:RegistryCredential</c>): inline values, or an ImageRegistry's
/// outputs passed whole (the keys only its outputs have are accepted and ignored).
/// </summary>
internal sealed record RegistryCredential
{
    public const string Token = "kfp:index:RegistryCredential";

    public string? Server { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? Email { get; init; }

    public bool? Insecure { get; init; }

    public static RecordShape<RegistryCredential> Shape { get; } = RecordShape<RegistryCredential>.Inputs(() => new())
        .String("server", x => x.Server, (x, v) => x with { Server = v },
            "Registry host and optional port, e.g. `ghcr.io` or `registry.example.com:5000`.", Prop.Required, [Rules.NoControlCharacters])
        .String("username", x => x.Username, (x, v) => x with { Username = v }, "User name (or robot account) for the registry.", rules: [Rules.NoControlCharacters])
        .String("password", x => x.Password, (x, v) => x with { Password = v }, "Password or access token.", Prop.Secret)
        .String("email", x => x.Email, (x, v) => x with { Email = v }, "Email written into the dockerconfigjson entry (rarely needed).", rules: [Rules.NoControlCharacters])
        .Boolean("insecure", x => x.Insecure, (x, v) => x with { Insecure = v },
            "The registry speaks plain HTTP (local registries); used when a Pipeline resolves image digests.")
        .Tolerating("verify", "dockerConfigJson", "id", "urn");

    public RegistryCredentials ToCredentials() =>
        new(Server ?? "", Username, Password) { Email = Email, Insecure = Insecure ?? false };
}
