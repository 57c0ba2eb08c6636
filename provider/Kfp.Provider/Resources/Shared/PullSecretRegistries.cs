using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Kfp.Provider.Engine;
using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Schema;
using Kfp.Registry;

namespace Kfp.Provider.Resources;

/// <summary>
/// The <c>registries</c> input of a PullSecret: a list of <c>kfp:index:RegistryCredential</c> objects
/// (<c>{server, username, password, email}</c>), read from inputs, written back as property values, and read from
/// a live <c>.dockerconfigjson</c>. Keys an ImageRegistry's outputs also carry are accepted and ignored, so its
/// outputs can be passed whole.
/// </summary>
internal static class PullSecretRegistries
{
    public const string Token = RegistryCredential.Token;

    public static readonly ObjectTypeDefinition Type = new(
        Token,
        "Credentials for one container registry in a pull secret: inline values, or an ImageRegistry's outputs.",
        RegistryCredential.Shape.Specs);

    private static readonly ObjectListKind<RegistryCredential> Kind = new(RegistryCredential.Shape, Token);

    /// <summary>Reads a <c>registries</c> value on its own (tests, recorded state); problems go to <paramref name="binder"/>.</summary>
    public static ImmutableArray<RegistryCredentials> Read(PropertyValue value, string property, Binder binder)
    {
        var plain = value.Plain;
        if (plain is NullValue or UnknownValue || !Kind.TryRead(plain, property, binder, out var list))
        {
            return [];
        }
        CheckServers(list, property, binder);
        return Credentials(list);
    }

    /// <summary>Each server at most once (failure on the second), and none whose value is not known yet.</summary>
    public static void CheckServers(ImmutableArray<RegistryCredential>? registries, string property, Binder binder)
    {
        var servers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (registries?.Length ?? 0); i++)
        {
            if (registries!.Value[i].Server is { } server && !servers.Add(server))
            {
                binder.Fail($"{property}[{i}].server", $"registry '{server}' is listed twice; give each server once");
            }
        }
    }

    /// <summary>The known credentials (items whose server is not known yet are left out).</summary>
    public static ImmutableArray<RegistryCredentials> Credentials(ImmutableArray<RegistryCredential>? registries) =>
        [.. (registries ?? []).Where(r => r.Server is { Length: > 0 }).Select(r => r.ToCredentials())];

    /// <summary>The credentials as the <c>registries</c> property value, in the given order.</summary>
    public static PropertyValue ToValue(IEnumerable<RegistryCredentials> registries) =>
        PropertyValue.Of(registries.Select(r => PropertyValue.Of(RegistryCredential.Shape.Write(new RegistryCredential
        {
            Server = r.Server,
            Username = r.Username,
            Password = r.Password,
            Email = r.Email is { Length: > 0 } email ? email : null,
        }))));

    /// <summary>The entries of a live <c>.dockerconfigjson</c>; null when it is not one.</summary>
    public static ImmutableArray<RegistryCredentials>? FromDockerConfigJson(byte[]? data)
    {
        if (data is null || JsonValues.Parse(Encoding.UTF8.GetString(data)) is not JsonObject root || root["auths"] is not JsonObject auths)
        {
            return null;
        }
        var result = ImmutableArray.CreateBuilder<RegistryCredentials>();
        foreach (var (server, node) in auths)
        {
            var entry = node as JsonObject;
            var (username, password) = (Text(entry, "username"), Text(entry, "password"));
            if (username is null && password is null && Text(entry, "auth") is { } auth)
            {
                (username, password) = DecodeAuth(auth);
            }
            result.Add(new RegistryCredentials(server, username, password) { Email = Text(entry, "email") });
        }
        return result.ToImmutable();
    }

    private static string? Text(JsonObject? entry, string key) =>
        entry?[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static (string?, string?) DecodeAuth(string auth)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (text, null) : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
