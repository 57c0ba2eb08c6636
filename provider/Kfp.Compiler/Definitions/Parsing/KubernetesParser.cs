using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>
/// Reads a task's <c>kubernetes</c> settings and writes them as the kfp-kubernetes extension compiles them:
/// one <c>KubernetesExecutorConfig</c> for the task's executor in the PlatformSpec (names given as
/// constants are written both as the deprecated name field and as <c>…NameParameter.runtimeValue.constant</c>).
/// </summary>
internal static class KubernetesParser
{
    private static readonly string[] Keys =
    [
        "nodeSelector", "tolerations", "secretEnv", "secretVolumes", "configMapEnv", "configMapVolumes", "emptyDirs",
        "pvcMounts", "ephemeralVolumes", "imagePullSecrets", "imagePullPolicy", "timeoutSeconds", "fieldPathEnv",
        "podLabels", "podAnnotations",
    ];

    private static readonly string[] PullPolicies = ["Always", "Never", "IfNotPresent"];

    /// <summary>The task's KubernetesExecutorConfig and the task outputs it reads.</summary>
    public sealed record Parsed(JsonObject Config, ImmutableArray<KubernetesDependency> Dependencies);

    public static Parsed? Parse(Reader reader, JsonObject task, string taskPath)
    {
        if (reader.Mapping(task, "kubernetes", taskPath) is not { } settings)
        {
            return null;
        }

        var path = Json.Path(taskPath, "kubernetes");
        reader.CheckKeys(settings, path, Keys);
        var config = new JsonObject();
        var dependencies = ImmutableArray.CreateBuilder<KubernetesDependency>();
        if (StringMap(reader, settings, "nodeSelector", path) is { } labels)
        {
            config["nodeSelector"] = new JsonObject { ["labels"] = labels };
        }

        List(reader, settings, "tolerations", path, config, "tolerations", Toleration);
        List(reader, settings, "secretEnv", path, config, "secretAsEnv", (r, o, p) => NamedEnv(r, o, p, "secret", "secretKey"));
        List(reader, settings, "secretVolumes", path, config, "secretAsVolume", (r, o, p) => NamedVolume(r, o, p, "secret"));
        List(reader, settings, "configMapEnv", path, config, "configMapAsEnv", (r, o, p) => NamedEnv(r, o, p, "configMap", "configMapKey"));
        List(reader, settings, "configMapVolumes", path, config, "configMapAsVolume", (r, o, p) => NamedVolume(r, o, p, "configMap"));
        List(reader, settings, "emptyDirs", path, config, "emptyDirMounts", EmptyDir);
        List(reader, settings, "pvcMounts", path, config, "pvcMount", (r, o, p) => PvcMount(r, o, p, dependencies));
        List(reader, settings, "ephemeralVolumes", path, config, "genericEphemeralVolume", EphemeralVolume);
        var pullSecrets = reader.Strings(settings, "imagePullSecrets", path);
        if (!pullSecrets.IsEmpty)
        {
            config["imagePullSecret"] = new JsonArray([.. pullSecrets.Select(name => (JsonNode)Named("secret", name))]);
        }

        if (reader.OptionalString(settings, "imagePullPolicy", path) is { } policy)
        {
            if (!PullPolicies.Contains(policy, StringComparer.Ordinal))
            {
                reader.Add(Json.Path(path, "imagePullPolicy"), $"'{Yaml.Excerpt.Clip(policy)}' is not a pull policy; use Always, Never or IfNotPresent.");
            }

            config["imagePullPolicy"] = policy;
        }

        if (settings.ContainsKey("timeoutSeconds"))
        {
            var seconds = reader.Int(settings, "timeoutSeconds", path, 0);
            if (seconds <= 0)
            {
                reader.Add(Json.Path(path, "timeoutSeconds"), "the timeout must be a whole number of seconds above 0.");
            }

            config["activeDeadlineSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (StringMap(reader, settings, "fieldPathEnv", path) is { } fields)
        {
            config["fieldPathAsEnv"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Key, ["fieldPath"] = f.Value!.DeepClone() })]);
        }

        var podLabels = StringMap(reader, settings, "podLabels", path);
        var podAnnotations = StringMap(reader, settings, "podAnnotations", path);
        if (podLabels is not null || podAnnotations is not null)
        {
            var metadata = new JsonObject();
            Set(metadata, "labels", podLabels);
            Set(metadata, "annotations", podAnnotations);
            config["podMetadata"] = metadata;
        }

        return config.Count > 0 ? new Parsed(config, dependencies.ToImmutable()) : null;
    }

    private static JsonObject Named(string kind, string name) => new()
    {
        [kind + "Name"] = name,
        [kind + "NameParameter"] = new JsonObject { ["runtimeValue"] = new JsonObject { ["constant"] = name } },
    };

    private static JsonObject Toleration(Reader reader, JsonObject item, string path)
    {
        reader.CheckKeys(item, path, "key", "operator", "value", "effect", "seconds");
        var result = new JsonObject();
        foreach (var key in new[] { "key", "operator", "value", "effect" })
        {
            if (reader.OptionalString(item, key, path) is { } text)
            {
                result[key] = text;
            }
        }

        if (item.ContainsKey("seconds"))
        {
            result["tolerationSeconds"] = reader.Int(item, "seconds", path, 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static JsonObject NamedEnv(Reader reader, JsonObject item, string path, string kind, string keyField)
    {
        reader.CheckKeys(item, path, kind, "keys", "optional");
        var result = Named(kind, reader.RequiredString(item, kind, path, $"name the {kind}."));
        var keys = StringMap(reader, item, "keys", path) ?? [];
        if (keys.Count == 0)
        {
            reader.Add(Json.Path(path, "keys"), $"map at least one key of the {kind} to an environment variable, e.g. keys: {{password: DB_PASSWORD}}.");
        }

        result["keyToEnv"] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject { [keyField] = k.Key, ["envVar"] = k.Value!.DeepClone() })]);
        result["optional"] = reader.Bool(item, "optional", path, false);
        return result;
    }

    private static JsonObject NamedVolume(Reader reader, JsonObject item, string path, string kind)
    {
        reader.CheckKeys(item, path, kind, "mountPath", "optional");
        var result = Named(kind, reader.RequiredString(item, kind, path, $"name the {kind}."));
        result["mountPath"] = reader.RequiredString(item, "mountPath", path, "where to mount it, e.g. /etc/config.");
        result["optional"] = reader.Bool(item, "optional", path, false);
        return result;
    }

    private static JsonObject EmptyDir(Reader reader, JsonObject item, string path)
    {
        reader.CheckKeys(item, path, "name", "mountPath", "medium", "sizeLimit");
        var result = new JsonObject
        {
            ["volumeName"] = reader.RequiredString(item, "name", path, "name the volume."),
            ["mountPath"] = reader.RequiredString(item, "mountPath", path, "where to mount it, e.g. /scratch."),
        };
        SetString(reader, item, "medium", path, result, "medium");
        SetString(reader, item, "sizeLimit", path, result, "sizeLimit");
        return result;
    }

    /// <summary>
    /// A claim named by a constant, or by a task's output (e.g. <c>{task: createpvc, output: name}</c>), written as
    /// kfp-kubernetes writes <c>mount_pvc</c>: the name's source both in the deprecated field and in
    /// <c>pvcNameParameter</c>; the producing task runs first.
    /// </summary>
    private static JsonObject PvcMount(Reader reader, JsonObject item, string path, ImmutableArray<KubernetesDependency>.Builder dependencies)
    {
        reader.CheckKeys(item, path, "pvc", "mountPath", "subPath");
        var result = new JsonObject();
        if (item["pvc"] is JsonObject source)
        {
            var sourcePath = Json.Path(path, "pvc");
            reader.CheckKeys(source, sourcePath, "task", "output");
            var task = reader.RequiredString(source, "task", sourcePath, "name the task that makes the claim, e.g. a createpvc task.");
            var output = reader.RequiredString(source, "output", sourcePath, "name the output holding the claim's name, e.g. name.");
            dependencies.Add(new KubernetesDependency(task, output, sourcePath));
            var reference = new JsonObject { ["outputParameterKey"] = output, ["producerTask"] = task };
            result["taskOutputParameter"] = reference;
            result["pvcNameParameter"] = new JsonObject { ["taskOutputParameter"] = reference.DeepClone() };
        }
        else
        {
            var name = reader.RequiredString(item, "pvc", path, "name the PersistentVolumeClaim, or give {task, output} for a claim a task makes.");
            result["constant"] = name;
            result["pvcNameParameter"] = new JsonObject { ["runtimeValue"] = new JsonObject { ["constant"] = name } };
        }

        result["mountPath"] = reader.RequiredString(item, "mountPath", path, "where to mount it, e.g. /data.");
        SetString(reader, item, "subPath", path, result, "subPath");
        return result;
    }

    private static JsonObject EphemeralVolume(Reader reader, JsonObject item, string path)
    {
        reader.CheckKeys(item, path, "name", "mountPath", "accessModes", "size", "storageClass", "labels", "annotations");
        var result = new JsonObject
        {
            ["volumeName"] = reader.RequiredString(item, "name", path, "name the volume."),
            ["mountPath"] = reader.RequiredString(item, "mountPath", path, "where to mount it, e.g. /data."),
            ["size"] = reader.RequiredString(item, "size", path, "e.g. 5Gi."),
        };
        var modes = reader.Strings(item, "accessModes", path);
        result["accessModes"] = new JsonArray([.. (modes.IsEmpty ? ["ReadWriteOnce"] : modes).Select(m => (JsonNode)m)]);
        if (reader.OptionalString(item, "storageClass", path) is { } storageClass)
        {
            result["storageClassName"] = storageClass;
        }
        else
        {
            result["defaultStorageClass"] = true;
        }

        var metadata = new JsonObject();
        Set(metadata, "labels", StringMap(reader, item, "labels", path));
        Set(metadata, "annotations", StringMap(reader, item, "annotations", path));
        if (metadata.Count > 0)
        {
            result["metadata"] = metadata;
        }

        return result;
    }

    private static void List(Reader reader, JsonObject settings, string key, string path, JsonObject config, string field,
        Func<Reader, JsonObject, string, JsonObject> parse)
    {
        if (settings[key] is null)
        {
            return;
        }

        var listPath = Json.Path(path, key);
        if (settings[key] is not JsonArray list)
        {
            reader.Add(listPath, $"'{key}' must be a list.");
            return;
        }

        var items = new JsonArray();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject item)
            {
                items.Add((JsonNode?)parse(reader, item, $"{listPath}[{i}]")); // the JsonNode overload: AOT-safe
            }
            else
            {
                reader.Add($"{listPath}[{i}]", "each entry must be a mapping.");
            }
        }

        config[field] = items;
    }

    private static JsonObject? StringMap(Reader reader, JsonObject obj, string key, string path)
    {
        if (reader.Mapping(obj, key, path) is not { } map)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (name, value) in map)
        {
            if (value is JsonValue text && text.TryGetValue<string>(out var s))
            {
                result[name] = s;
            }
            else
            {
                reader.Add(Json.Path(Json.Path(path, key), name), "the value must be a string; quote it.");
            }
        }

        return result;
    }

    private static void SetString(Reader reader, JsonObject item, string key, string path, JsonObject result, string field)
    {
        if (reader.OptionalString(item, key, path) is { } text)
        {
            result[field] = text;
        }
    }

    private static void Set(JsonObject target, string key, JsonObject? value)
    {
        if (value is { Count: > 0 })
        {
            target[key] = value;
        }
    }
}
