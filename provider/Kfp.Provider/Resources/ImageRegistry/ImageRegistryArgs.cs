using Kfp.Provider.Engine.Binding;
using Kfp.Registry;

namespace Kfp.Provider.Resources;

/// <summary>The inputs of <c>kfp:index:ImageRegistry</c>.</summary>
internal sealed record ImageRegistryArgs
{
    public string? Server { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? Email { get; init; }

    public bool? Insecure { get; init; }

    public bool? Verify { get; init; }

    public static RecordShape<ImageRegistryArgs> Shape { get; } = RecordShape<ImageRegistryArgs>.Inputs(() => new())
        .String("server", x => x.Server, (x, v) => x with { Server = v },
            "Registry host and optional port, e.g. `ghcr.io` or `registry.example.com:5000`.", Prop.Required | Prop.Replace, [Rules.NoControlCharacters, ServerRule])
        .String("username", x => x.Username, (x, v) => x with { Username = v }, "User name (or robot account) for the registry.", rules: [Rules.NoControlCharacters])
        .String("password", x => x.Password, (x, v) => x with { Password = v }, "Password or access token.", Prop.Secret)
        .String("email", x => x.Email, (x, v) => x with { Email = v }, "Email written into the dockerconfigjson entry (rarely needed).", rules: [Rules.NoControlCharacters])
        .Boolean("insecure", x => x.Insecure, (x, v) => x with { Insecure = v },
            "Talk to the registry over plain HTTP instead of HTTPS (local and test registries).", @default: false)
        .Boolean("verify", x => x.Verify, (x, v) => x with { Verify = v },
            "Log in to the registry's `/v2/` API on create and update, and fail when that does not work.", @default: false);

    public RegistryCredentials ToCredentials() =>
        new(Server ?? "", Username, Password) { Email = Email, Insecure = Insecure ?? false };

    private static string? ServerRule(string server)
    {
        try
        {
            RegistryServer.BaseUri(server, insecure: false);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
