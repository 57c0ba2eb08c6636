using System.Collections.Immutable;
using System.Text.Json;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Configuration;

/// <summary>
/// Turns provider inputs (stack config arrives as strings; explicit providers may send typed values or
/// JSON text) into a <see cref="ProviderConfig"/>, applying the environment fallbacks, and reports every
/// malformed key as a check failure.
/// </summary>
internal static class ConfigParser
{
    public static (ProviderConfig Config, IReadOnlyList<CheckFailure> Failures) Parse(PropertyMap args, IEnvironment env)
    {
        var inputs = new InputReader(args.Select(v => v.Plain));
        var failures = new List<CheckFailure>();
        var hostText = inputs.String(ConfigKeys.Host) ?? env.Get(ConfigKeys.HostEnv);
        Uri? host = null;
        if (hostText is not null)
        {
            if (!Uri.TryCreate(hostText.TrimEnd('/'), UriKind.Absolute, out host) || (host.Scheme != "http" && host.Scheme != "https"))
            {
                failures.Add(new CheckFailure(ConfigKeys.Host,
                    $"'{hostText}' is not an http(s) URL; set kfp:host to the KFP API base URL, e.g. https://kubeflow.example.com/pipeline"));
                host = null;
            }
        }
        var config = new ProviderConfig
        {
            Host = host,
            Namespace = inputs.String(ConfigKeys.Namespace) ?? env.Get(ConfigKeys.NamespaceEnv),
            Token = inputs.String(ConfigKeys.Token) ?? env.Get(ConfigKeys.TokenEnv),
            TokenFile = inputs.String(ConfigKeys.TokenFile) ?? env.Get(ConfigKeys.TokenFileEnv),
            Headers = Headers(args.Get(ConfigKeys.Headers).Plain, failures),
            Kubeconfig = inputs.String(ConfigKeys.Kubeconfig),
            Context = inputs.String(ConfigKeys.Context),
            InsecureSkipTlsVerify = inputs.Boolean(ConfigKeys.InsecureSkipTlsVerify) ?? false,
            CaCertificate = inputs.String(ConfigKeys.CaCertificate),
            OfflineDiff = inputs.Boolean(ConfigKeys.OfflineDiff) ?? false,
            TrustedFrameworks = ConfigLists.Read(args.Get(ConfigKeys.TrustedFrameworks).Plain, ConfigKeys.TrustedFrameworks, failures,
                "a list of framework names, digests or '*', e.g. `pulumi config set --path 'kfp:trustedFrameworks[0]' tfx`"),
            CacheDir = inputs.String(ConfigKeys.CacheDir) is { Length: > 0 } cacheDir ? cacheDir : null,
            FailOnBlindPreview = inputs.Boolean(ConfigKeys.FailOnBlindPreview) ?? EnvFlag(env.Get(ConfigKeys.FailOnBlindPreviewEnv)),
            RequestTimeout = Seconds(inputs.Integer(ConfigKeys.RequestTimeoutSeconds, 1, 3600)),
            OperationTimeout = Seconds(inputs.Integer(ConfigKeys.OperationTimeoutSeconds, 1, 86400)),
        };
        failures.AddRange(inputs.Failures.Where(f => f.Property is not (ConfigKeys.Headers or ConfigKeys.TrustedFrameworks)));
        failures.AddRange(ConfigChecks.Problems(config, env).Where(p => !failures.Any(f => f.Property == p.Property)));
        return (config, failures);
    }

    private static bool EnvFlag(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    private static TimeSpan? Seconds(long? value) => value is { } s ? TimeSpan.FromSeconds(s) : null;

    private static ImmutableSortedDictionary<string, string> Headers(PropertyValue value, List<CheckFailure> failures)
    {
        var empty = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        switch (value)
        {
            case NullValue or UnknownValue:
                return empty;
            case ObjectValue obj:
                var reader = new InputReader(obj.Map.Count == 0 ? PropertyMap.Empty : PropertyMap.Empty.With("h", value));
                var map = reader.StringMap("h");
                failures.AddRange(reader.Failures.Select(f => new CheckFailure(ConfigKeys.Headers, "every header value must be a string")));
                return map;
            case StringValue s:
                try
                {
                    var parsed = JsonSerializer.Deserialize(s.Value, ConfigJsonContext.Default.DictionaryStringString);
                    return parsed is null ? empty : parsed.ToImmutableSortedDictionary(StringComparer.Ordinal);
                }
                catch (JsonException)
                {
                    // The value is secret: the message must not echo it.
                    failures.Add(new CheckFailure(ConfigKeys.Headers,
                        "must be a map of header names to values, e.g. {\"Cookie\": \"authservice_session=...\"}; the value given is not a JSON object of strings"));
                    return empty;
                }
            default:
                failures.Add(new CheckFailure(ConfigKeys.Headers, "must be a map of header names to string values"));
                return empty;
        }
    }
}
