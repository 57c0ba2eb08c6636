using System.Collections.Immutable;
using Kfp.Provider.Engine;
using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Configuration;

/// <summary>
/// Turns provider inputs into a <see cref="ProviderConfig"/>: the environment fallbacks declared on
/// <see cref="ProviderConfigArgs.Shape"/> fill the keys that are not set, the shape binds the rest (every malformed
/// key a check failure), then the values are checked beyond their types (<see cref="ConfigChecks"/>).
/// </summary>
internal static class ConfigParser
{
    public static (ProviderConfig Config, IReadOnlyList<CheckFailure> Failures) Parse(PropertyMap args, IEnvironment env)
    {
        var binder = new Binder();
        var inputs = ProviderConfigArgs.Shape.Bind(WithEnvironment(args.Select(v => v.Plain), env), binder);
        var failures = new List<CheckFailure>(binder.Failures);
        var config = new ProviderConfig
        {
            Host = Host(inputs.Host, failures),
            Namespace = inputs.Namespace,
            Token = inputs.Token,
            TokenFile = inputs.TokenFile,
            Headers = inputs.Headers ?? ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
            Kubeconfig = inputs.Kubeconfig,
            Context = inputs.Context,
            InsecureSkipTlsVerify = inputs.InsecureSkipTlsVerify ?? false,
            CaCertificate = inputs.CaCertificate,
            OfflineDiff = inputs.OfflineDiff ?? false,
            TrustedFrameworks = inputs.TrustedFrameworks ?? [],
            CacheDir = inputs.CacheDir is { Length: > 0 } cacheDir ? cacheDir : null,
            FailOnBlindPreview = inputs.FailOnBlindPreview ?? false,
            RequestTimeout = Seconds(inputs.RequestTimeoutSeconds),
            OperationTimeout = Seconds(inputs.OperationTimeoutSeconds),
        };
        failures.AddRange(ConfigChecks.Problems(config, env).Where(p => !failures.Any(f => f.Property == p.Property)));
        return (config, failures);
    }

    /// <summary>The keys that are secret: marked secret by CheckConfig, never logged.</summary>
    public static IReadOnlySet<string> Secrets { get; } =
        ProviderConfigArgs.Shape.Fields.Where(f => f.Spec.Secret).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Each key that is not set (or not known yet) and has an environment variable takes the variable's value; a
    /// boolean's variable is on when it is <c>true</c> (any case) or <c>1</c>.
    /// </summary>
    private static PropertyMap WithEnvironment(PropertyMap args, IEnvironment env)
    {
        foreach (var spec in ProviderConfigArgs.Shape.Specs)
        {
            if (spec.Environment is { } variable && args.Get(spec.Name) is NullValue or UnknownValue && env.Get(variable) is { } value)
            {
                args = args.With(spec.Name, spec.Type == PropertyType.Boolean ? PropertyValue.Of(IsOn(value)) : PropertyValue.Of(value));
            }
        }
        return args;
    }

    private static bool IsOn(string value) => value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1";

    private static Uri? Host(string? text, List<CheckFailure> failures)
    {
        if (text is null)
        {
            return null;
        }
        if (Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var host) && host.Scheme is "http" or "https")
        {
            return host;
        }
        failures.Add(new CheckFailure(ConfigKeys.Host,
            $"'{text}' is not an http(s) URL; set kfp:host to the KFP API base URL, e.g. https://kubeflow.example.com/pipeline"));
        return null;
    }

    private static TimeSpan? Seconds(long? value) => value is { } s ? TimeSpan.FromSeconds(s) : null;
}
