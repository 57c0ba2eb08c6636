namespace Kfp.Emulator.Kfp.Core;

/// <summary>
/// One <c>--token</c>: <c>TOKEN</c> may act in every namespace, <c>TOKEN=ns1,ns2</c> only in those (KFP multi-user
/// mode; shared pipelines are readable by every token and writable by tokens allowed in <c>kubeflow</c>).
/// </summary>
public sealed record TokenGrant(string Token, IReadOnlySet<string>? Namespaces)
{
    /// <summary>The namespace KFP authorises writes of shared (namespace-less) pipelines against.</summary>
    public const string SystemNamespace = "kubeflow";

    public static TokenGrant Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            return new TokenGrant(text, null);
        }
        var namespaces = text[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new TokenGrant(text[..eq], new HashSet<string>(namespaces, StringComparer.Ordinal));
    }

    public bool Allows(string ns) => Namespaces is null || Namespaces.Contains(ns);
}
