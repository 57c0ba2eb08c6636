using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Workloads;

/// <summary>
/// A pod's volumes as local folders under <c>&lt;pod folder&gt;/volumes/&lt;volume name&gt;</c>: a ConfigMap's or
/// Secret's keys become files (or the paths its <c>items</c> name), an emptyDir is an empty folder. Each container
/// mount path maps to that folder (plus <c>subPath</c>). Other volume kinds are refused with the reason.
/// </summary>
internal static class PodVolumes
{
    /// <summary>Mount path → local folder for the container; throws <see cref="InvalidOperationException"/> with the reason when a volume cannot be made.</summary>
    public static List<(string MountPath, string Local)> Prepare(KubeStore store, string ns, JsonObject podSpec, JsonObject container, string podDir)
    {
        var local = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in (podSpec["volumes"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = KubeJson.String(volume, "name") ?? "";
            var dir = Path.Combine(podDir, "volumes", name);
            Directory.CreateDirectory(dir);
            if (volume["configMap"] is JsonObject cm)
            {
                var source = store.Get(ResourceType.ConfigMaps, ns, KubeJson.String(cm, "name") ?? "")
                    ?? throw new InvalidOperationException($"MountVolume.SetUp failed for volume \"{name}\" : configmap \"{KubeJson.String(cm, "name")}\" not found");
                var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                foreach (var (key, value) in source["data"] as JsonObject ?? [])
                {
                    files[key] = Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? "");
                }
                foreach (var (key, value) in source["binaryData"] as JsonObject ?? [])
                {
                    files[key] = Convert.FromBase64String(value?.GetValue<string>() ?? "");
                }
                Write(dir, files, cm["items"] as JsonArray);
            }
            else if (volume["secret"] is JsonObject secret)
            {
                var source = store.Get(ResourceType.Secrets, ns, KubeJson.String(secret, "secretName") ?? "")
                    ?? throw new InvalidOperationException($"MountVolume.SetUp failed for volume \"{name}\" : secret \"{KubeJson.String(secret, "secretName")}\" not found");
                var files = (source["data"] as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => Convert.FromBase64String(kv.Value?.GetValue<string>() ?? ""), StringComparer.Ordinal);
                Write(dir, files, secret["items"] as JsonArray);
            }
            else if (volume["emptyDir"] is null)
            {
                throw new InvalidOperationException($"volume \"{name}\" is not a configMap, secret or emptyDir, which are the volumes the emulator can map to local folders");
            }
            local[name] = dir;
        }
        var mounts = new List<(string, string)>();
        foreach (var mount in (container["volumeMounts"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = KubeJson.String(mount, "name") ?? "";
            if (!local.TryGetValue(name, out var dir))
            {
                throw new InvalidOperationException($"volumeMount \"{name}\" of container \"{KubeJson.String(container, "name")}\" names no volume of the pod");
            }
            var sub = KubeJson.String(mount, "subPath");
            mounts.Add(((KubeJson.String(mount, "mountPath") ?? "").TrimEnd('/'), string.IsNullOrEmpty(sub) ? dir : Path.Combine(dir, sub)));
        }
        // Longest mount path first, so /data/in wins over /data.
        return [.. mounts.OrderByDescending(m => m.Item1.Length)];
    }

    /// <summary>Container paths in an argument or env value rewritten to the local folder of their mount: a mount path
    /// at the start or after '=', ' ', ':' or a quote, followed by '/' or the end.</summary>
    public static string Rewrite(string value, IReadOnlyList<(string MountPath, string Local)> mounts)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length;)
        {
            var boundary = i == 0 || value[i - 1] is '=' or ' ' or ':' or '"' or '\'';
            var match = boundary
                ? mounts.FirstOrDefault(m => m.MountPath.Length > 0 && string.CompareOrdinal(value, i, m.MountPath, 0, m.MountPath.Length) == 0
                    && (i + m.MountPath.Length == value.Length || value[i + m.MountPath.Length] == '/'))
                : default;
            if (match.MountPath is { Length: > 0 })
            {
                result.Append(match.Local);
                i += match.MountPath.Length;
            }
            else
            {
                result.Append(value[i]);
                i++;
            }
        }
        return result.ToString();
    }

    private static void Write(string dir, Dictionary<string, byte[]> files, JsonArray? items)
    {
        if (items is null)
        {
            foreach (var (key, bytes) in files)
            {
                File.WriteAllBytes(Path.Combine(dir, key), bytes);
            }
            return;
        }
        foreach (var item in items.OfType<JsonObject>())
        {
            if (files.TryGetValue(KubeJson.String(item, "key") ?? "", out var bytes))
            {
                var path = Path.Combine(dir, KubeJson.String(item, "path") ?? "");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }
        }
    }
}
