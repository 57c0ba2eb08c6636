using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Kfp.Compiler;
using ConfigMap = k8s.Models.V1ConfigMap;
using ObjectMeta = k8s.Models.V1ObjectMeta;

namespace Kfp.Provider.Resources;

/// <summary>
/// How a Framework is stored in the cluster: a ConfigMap <c>kfp-framework-&lt;name&gt;</c> labelled as ours,
/// with the command, env and default parameters as JSON text, so teams share frameworks and edits show as drift.
/// </summary>
internal static class FrameworkConfigMap
{
    public const string Prefix = "kfp-framework-";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedBy = "pulumi-kfp";
    public const string FrameworkLabel = "kfp.pulumi.com/framework";

    /// <summary>The stored settings of a framework.</summary>
    public sealed record Settings(string Name, ImmutableArray<string> Command)
    {
        public string? Image { get; init; }

        public string? Executor { get; init; }

        public ImmutableSortedDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

        public int? TimeoutSeconds { get; init; }

        public JsonObject? DefaultParameters { get; init; }
    }

    public static string ConfigMapName(string framework) => Prefix + framework;

    public static ConfigMap ToConfigMap(Settings settings, string ns)
    {
        var data = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        data["command"] = new JsonArray([.. settings.Command.Select(c => (JsonNode?)JsonValue.Create(c))]).ToJsonString();
        if (settings.Image is { Length: > 0 } image)
        {
            data["image"] = image;
        }
        if (settings.Executor is { Length: > 0 } executor)
        {
            data["executor"] = executor;
        }
        if (!settings.Env.IsEmpty)
        {
            data["env"] = new JsonObject(settings.Env.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))).ToJsonString();
        }
        if (settings.TimeoutSeconds is { } timeout)
        {
            data["timeoutSeconds"] = timeout.ToString(CultureInfo.InvariantCulture);
        }
        if (settings.DefaultParameters is { Count: > 0 } parameters)
        {
            data["defaultParameters"] = parameters.ToJsonString();
        }
        return new ConfigMap
        {
            Metadata = new ObjectMeta
            {
                Name = ConfigMapName(settings.Name),
                NamespaceProperty = ns,
                Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { [ManagedByLabel] = ManagedBy, [FrameworkLabel] = settings.Name },
            },
            Data = data.ToImmutable(),
        };
    }

    /// <summary>The digest of what the stored framework runs, as a Pipeline reading it back computes it.</summary>
    public static string Digest(Settings settings, string ns) =>
        FrameworkDigest.Compute(ToDefinition(FromConfigMap(ToConfigMap(settings, ns)) ?? settings));

    /// <summary>Reads the settings back; null when the ConfigMap is not a framework's.</summary>
    public static Settings? FromConfigMap(ConfigMap configMap)
    {
        var name = configMap.Metadata.Name;
        var data = configMap.Data?.AsReadOnly();
        if (name is null || !name.StartsWith(Prefix, StringComparison.Ordinal) || data is null
            || !data.TryGetValue("command", out var commandText) || Engine.JsonValues.Parse(commandText) is not JsonArray command)
        {
            return null;
        }
        return new Settings(name[Prefix.Length..], [.. command.Select(c => c?.ToString() ?? "")])
        {
            Image = data.GetValueOrDefault("image"),
            Executor = data.GetValueOrDefault("executor"),
            Env = Engine.JsonValues.Parse(data.GetValueOrDefault("env")) is JsonObject env
                ? env.ToImmutableSortedDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal)
                : ImmutableSortedDictionary<string, string>.Empty,
            TimeoutSeconds = int.TryParse(data.GetValueOrDefault("timeoutSeconds"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : null,
            DefaultParameters = Engine.JsonValues.Parse(data.GetValueOrDefault("defaultParameters")) as JsonObject,
        };
    }

    /// <summary>
    /// The compiler's view of a stored framework, named <paramref name="reference"/> (<c>tfx</c> in the provider's namespace,
    /// <c>team-ml/tfx</c> in another), as <c>trustedFrameworks</c> names it.
    /// </summary>
    public static FrameworkDefinition ToDefinition(Settings settings, string? reference = null) => new(reference ?? settings.Name, settings.Command)
    {
        Env = settings.Env,
        Image = settings.Image,
        Executor = settings.Executor,
        TimeoutSeconds = settings.TimeoutSeconds ?? 300,
        DefaultParameters = settings.DefaultParameters is { } p
            ? p.ToImmutableSortedDictionary(e => e.Key, e => e.Value?.DeepClone(), StringComparer.Ordinal)
            : ImmutableSortedDictionary<string, JsonNode?>.Empty,
    };
}
