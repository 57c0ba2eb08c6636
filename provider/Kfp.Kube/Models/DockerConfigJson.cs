using System.Text;
using System.Text.Json;

namespace Kfp.Kube.Models;

/// <summary>
/// The <c>.dockerconfigjson</c> document of a <c>kubernetes.io/dockerconfigjson</c> Secret, written the way
/// <c>kubectl create secret docker-registry</c> writes it (<c>username</c>, <c>password</c>, <c>email</c> when
/// set, <c>auth</c> = base64 of <c>username:password</c>), with servers in ordinal order so it is deterministic.
/// </summary>
public static class DockerConfigJson
{
    public static byte[] Create(IEnumerable<DockerRegistryCredential> credentials)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("auths");
            foreach (var group in credentials.GroupBy(c => c.Server, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                {
                    throw new ArgumentException($"registry server \"{group.Key}\" is listed more than once; give each server one login", nameof(credentials));
                }
                var c = group.Single();
                json.WriteStartObject(c.Server);
                json.WriteString("username", c.Username);
                json.WriteString("password", c.Password);
                if (!string.IsNullOrEmpty(c.Email))
                {
                    json.WriteString("email", c.Email);
                }
                json.WriteString("auth", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.Username}:{c.Password}")));
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>A pull Secret holding <paramref name="credentials"/>, ready to create or apply.</summary>
    public static Secret PullSecret(string name, string ns, IEnumerable<DockerRegistryCredential> credentials, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = labels },
        Type = Secret.DockerConfigJsonType,
        Data = new Dictionary<string, byte[]> { [Secret.DockerConfigJsonKey] = Create(credentials) },
    };
}
