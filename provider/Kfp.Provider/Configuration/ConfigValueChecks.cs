using System.Text.RegularExpressions;
using Kfp.Provider.Engine;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Configuration;

/// <summary>
/// What CheckConfig refuses in the values themselves beyond the field rules of <see cref="ProviderConfigArgs"/>: a host
/// carrying credentials, a query or a fragment; a token or cache directory with control characters; <c>trustedFrameworks</c> entries that
/// can match nothing; and settings that contradict each other. No message quotes a secret value.
/// </summary>
internal static partial class ConfigValueChecks
{
    public static IEnumerable<CheckFailure> Problems(ProviderConfig config)
    {
        if (config.Host is { } host)
        {
            if (host.UserInfo.Length > 0)
            {
                yield return new CheckFailure(ConfigKeys.Host,
                    "carries a user name or password (user:password@); credentials in a URL end up in logs: set kfp:host without them and put the token in kfp:token (`pulumi config set --secret kfp:token ...`)");
            }
            else if (host.Query.Length > 0 || host.Fragment.Length > 0)
            {
                yield return new CheckFailure(ConfigKeys.Host,
                    "has a query or fragment ('?…' or '#…'); the provider appends API paths to kfp:host: set it to the KFP API base URL only, e.g. https://kubeflow.example.com/pipeline");
            }
        }
        if (config.Token is { } token && token.Any(char.IsControl))
        {
            // The token is secret: say where, never what.
            yield return new CheckFailure(ConfigKeys.Token,
                $"contains a control character at position {token.IndexOf(token.First(char.IsControl), StringComparison.Ordinal)} (a CR or LF would add a header to every request); set kfp:token to the bare token, e.g. `pulumi config set --secret kfp:token \"$(tr -d '\\r\\n' < token)\"`");
        }
        if (config.CacheDir is { } cacheDir && cacheDir.Any(char.IsControl))
        {
            yield return new CheckFailure(ConfigKeys.CacheDir, $"'{Rules.Quote(cacheDir)}' contains a control character; set kfp:cacheDir to a directory path, or unset it");
        }
        foreach (var entry in config.TrustedFrameworks.Where(e => !IsTrustEntry(e)))
        {
            yield return new CheckFailure(ConfigKeys.TrustedFrameworks,
                $"'{Rules.Quote(entry)}' matches no framework: each entry is a framework name ('tfx'), 'namespace/name' ('team-ml/tfx'), a digest ('sha256:' and 64 hex digits, a Framework's `digest` output) or '*'");
        }
        if (config.RequestTimeout is { } request && config.OperationTimeout is { } operation && operation < request)
        {
            yield return new CheckFailure(ConfigKeys.OperationTimeoutSeconds,
                $"is {operation.TotalSeconds:0} s, shorter than kfp:requestTimeoutSeconds ({request.TotalSeconds:0} s), so no request could use its own limit; raise kfp:operationTimeoutSeconds or lower kfp:requestTimeoutSeconds");
        }
        if (config.InsecureSkipTlsVerify && config.CaCertificate is not null)
        {
            yield return new CheckFailure(ConfigKeys.InsecureSkipTlsVerify,
                "is true while kfp:caCertificate is set: the certificate would be ignored (kubectl refuses the same pair); unset one of them");
        }
    }

    private static bool IsTrustEntry(string entry) =>
        entry == "*" || DigestEntry().IsMatch(entry) || FrameworkEntry().IsMatch(entry);

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex DigestEntry();

    // A framework name (a ConfigMap name suffix), optionally after its namespace.
    [GeneratedRegex("^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?/)?[a-z0-9]([-a-z0-9]{0,47}[a-z0-9])?$")]
    private static partial Regex FrameworkEntry();
}
