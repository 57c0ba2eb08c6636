using System.Collections.Immutable;

namespace Kfp.Compiler;

/// <summary>
/// Which frameworks may run a command on this machine (<c>local</c> and <c>container</c> executors): the provider setting
/// <c>trustedFrameworks</c>, a list of framework names, digests (<see cref="FrameworkDigest"/>, <c>sha256:…</c>) or <c>*</c>
/// for all. A name trusts whatever that framework holds; a digest trusts exactly one definition, so a framework changed in
/// the cluster (e.g. its ConfigMap patched) is refused until approved again.
/// </summary>
public sealed class FrameworkTrust
{
    private readonly ImmutableHashSet<string> _entries;

    private FrameworkTrust(ImmutableHashSet<string> entries) => _entries = entries;

    /// <summary>Trusts every framework (<c>*</c>).</summary>
    public static FrameworkTrust All { get; } = new(["*"]);

    /// <summary>Trusts no framework: only digests approved per request run.</summary>
    public static FrameworkTrust None { get; } = new([]);

    /// <summary>The entries as given (trimmed, empty ones dropped).</summary>
    public IReadOnlyCollection<string> Entries => _entries;

    /// <summary>From the setting's list: names, <c>sha256:</c> digests, or <c>*</c>.</summary>
    public static FrameworkTrust Parse(IEnumerable<string> entries) =>
        new([.. entries.Select(e => e.Trim()).Where(e => e.Length > 0)]);

    /// <summary>True when <paramref name="framework"/> (named <paramref name="name"/>, e.g. <c>tfx</c> or <c>team-ml/tfx</c>) may run.</summary>
    public bool IsTrusted(string name, string digest, string? approvedDigest = null) =>
        _entries.Contains("*") || _entries.Contains(name) || _entries.Contains(digest)
        || string.Equals(approvedDigest, digest, StringComparison.Ordinal);

    /// <summary>Throws <see cref="UntrustedFrameworkException"/> unless the framework may run.</summary>
    public void EnsureTrusted(FrameworkDefinition framework, string executor, string? approvedDigest = null)
    {
        var digest = FrameworkDigest.Compute(framework);
        if (!IsTrusted(framework.Name, digest, approvedDigest))
        {
            throw new UntrustedFrameworkException(framework, executor, digest);
        }
    }
}
