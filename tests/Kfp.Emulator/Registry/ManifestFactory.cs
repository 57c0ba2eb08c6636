using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Registry;

/// <summary>Builds the OCI image manifests the registry serves: a config blob reference and no layers.</summary>
internal static class ManifestFactory
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";

    /// <summary>A manifest unique to this push (the sequence is in the config), with compact, stable JSON.</summary>
    public static string Create(string repository, string tag, long sequence)
    {
        var labels = new JsonObject { ["kfp-emulator.image"] = $"{repository}:{tag}", ["kfp-emulator.sequence"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var config = Encoding.UTF8.GetBytes(new JsonObject { ["architecture"] = "amd64", ["os"] = "linux", ["config"] = new JsonObject { ["Labels"] = labels } }.ToJsonString());
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = new JsonObject
            {
                ["mediaType"] = OciConfig,
                ["digest"] = Sha256(config),
                ["size"] = config.Length,
            },
            ["layers"] = new JsonArray(),
        };
        return manifest.ToJsonString();
    }

    public static string Digest(string manifest) => Sha256(Encoding.UTF8.GetBytes(manifest));

    private static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}
