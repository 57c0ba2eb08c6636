using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Kfp.Provider.Engine;
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
public static class PullSecretRegistries
{
    public const string Token = "kfp:index:RegistryCredential";

    public static readonly ObjectTypeDefinition Type = new(
        Token,
        "Credentials for one container registry in a pull secret: inline values, or an ImageRegistry's outputs.",
        [
            new("server", PropertyType.String, "Registry host and optional port, e.g. `ghcr.io` or `registry.example.com:5000`.") { Required = true },
            new("username", PropertyType.String, "User name (or robot account) for the registry."),
            new("password", PropertyType.String, "Password or access token.") { Secret = true },
            new("email", PropertyType.String, "Email written into the dockerconfigjson entry (rarely needed)."),
            new("insecure", PropertyType.Boolean, "The registry speaks plain HTTP (local registries); used when a Pipeline resolves image digests."),
        ]);

    private static readonly ImmutableHashSet<string> Known = ["server", "username", "password", "email", "insecure"];

    private static readonly ImmutableHashSet<string> IgnoredImageRegistryKeys = ["verify", "dockerConfigJson", "id", "urn"];

    /// <summary>Reads the list, reporting every problem on <c>registries[i].field</c>; unknown values (preview) are skipped.</summary>
    public static ImmutableArray<RegistryCredentials> Read(InputReader inputs, string property)
    {
        var value = inputs.Raw(property);
        if (value is null or NullValue)
        {
            return [];
        }
        if (value is not ArrayValue array)
        {
            inputs.Fail(property, "expected a list of {server, username, password} objects");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<RegistryCredentials>();
        var servers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Items.Length; i++)
        {
            var path = $"{property}[{i}]";
            if (array.Items[i].Plain is UnknownValue)
            {
                continue;
            }
            if (array.Items[i].Plain is not ObjectValue obj)
            {
                inputs.Fail(path, "expected an object {server, username, password, email}");
                continue;
            }
            foreach (var key in obj.Map.Keys.Where(k => !Known.Contains(k) && !IgnoredImageRegistryKeys.Contains(k)))
            {
                inputs.Fail($"{path}.{key}", "is not a field of a registry credential; use server, username, password, email and insecure");
            }
            var item = new InputReader(obj.Map);
            var server = item.String("server");
            var username = item.String("username");
            var password = item.String("password");
            var email = item.String("email");
            var insecure = item.Boolean("insecure") ?? false;
            foreach (var failure in item.Failures)
            {
                inputs.Fail($"{path}.{failure.Property}", failure.Reason);
            }
            if (obj.Map.Get("server").Plain is UnknownValue)
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(server))
            {
                inputs.Fail($"{path}.server", "is required: set it to the registry host, e.g. ghcr.io");
                continue;
            }
            if (!servers.Add(server))
            {
                inputs.Fail($"{path}.server", $"registry '{server}' is listed twice; give each server once");
            }
            result.Add(new RegistryCredentials(server, username, password) { Email = email, Insecure = insecure });
        }
        return result.ToImmutable();
    }

    /// <summary>The credentials as the <c>registries</c> property value, in the given order.</summary>
    public static PropertyValue ToValue(IEnumerable<RegistryCredentials> registries) =>
        PropertyValue.Of(registries.Select(r =>
        {
            var map = PropertyMap.Empty.With("server", PropertyValue.Of(r.Server));
            map = r.Username is null ? map : map.With("username", PropertyValue.Of(r.Username));
            map = r.Password is null ? map : map.With("password", PropertyValue.Of(r.Password));
            map = r.Email is { Length: > 0 } email ? map.With("email", PropertyValue.Of(email)) : map;
            return PropertyValue.Of(map);
        }));

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
