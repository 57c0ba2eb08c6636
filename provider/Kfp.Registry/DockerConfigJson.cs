using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kfp.Registry;

/// <summary>
/// The <c>.dockerconfigjson</c> of a <c>kubernetes.io/dockerconfigjson</c> Secret:
/// <c>{"auths":{"&lt;server&gt;":{"auth":base64(user:pass),"email","password","username"}}}</c> with keys sorted
/// (servers and fields, ordinal), no whitespace, empty fields left out: the same credentials give the same bytes.
/// </summary>
public static class DockerConfigJson
{
    /// <exception cref="ArgumentException">Two entries for the same server, or an empty server.</exception>
    public static string Build(IEnumerable<RegistryCredentials> registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        var byServer = new SortedDictionary<string, RegistryCredentials>(StringComparer.Ordinal);
        foreach (var credentials in registries)
        {
            if (string.IsNullOrWhiteSpace(credentials.Server))
            {
                throw new ArgumentException("a registry entry has no server; set it to the registry host, e.g. ghcr.io", nameof(registries));
            }
            if (!byServer.TryAdd(credentials.Server, credentials))
            {
                throw new ArgumentException($"registry '{credentials.Server}' is listed twice; give each server once", nameof(registries));
            }
        }
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("auths");
            foreach (var (server, credentials) in byServer)
            {
                json.WriteStartObject(server);
                WriteEntry(json, credentials);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteEntry(Utf8JsonWriter json, RegistryCredentials credentials)
    {
        var user = credentials.Username ?? "";
        var password = credentials.Password ?? "";
        if (user.Length > 0 || password.Length > 0)
        {
            json.WriteString("auth", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
        if (credentials.Email is { Length: > 0 } email)
        {
            json.WriteString("email", email);
        }
        if (password.Length > 0)
        {
            json.WriteString("password", password);
        }
        if (user.Length > 0)
        {
            json.WriteString("username", user);
        }
    }
}
