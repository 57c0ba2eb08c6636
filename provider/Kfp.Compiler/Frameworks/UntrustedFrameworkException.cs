namespace Kfp.Compiler;

/// <summary>
/// A framework's command would run on this machine but the program has not approved it (<see cref="FrameworkTrust"/>).
/// The message names the framework, what it would run, its digest and how to approve it.
/// </summary>
public sealed class UntrustedFrameworkException : Exception
{
    internal UntrustedFrameworkException(FrameworkDefinition framework, string executor, string digest)
        : base($"the framework '{framework.Name}' (digest {digest}) is not trusted to run on this machine: it would run " +
               $"[{string.Join(", ", framework.Command)}]{(executor == FrameworkExecutors.Container ? $" in the image '{framework.Image}'" : string.Empty)}. " +
               $"If you expect this command, approve it: add '{digest}' (this exact definition) or '{framework.Name}' (any definition of it) " +
               $"to the provider setting trustedFrameworks, e.g. `pulumi config set --path 'kfp:trustedFrameworks[0]' {digest}`; '*' trusts every framework.")
    {
        Framework = framework.Name;
        Digest = digest;
        Definition = framework;
    }

    /// <summary>What the framework holds now (the definition that was refused).</summary>
    public FrameworkDefinition Definition { get; }

    /// <summary>The framework's name.</summary>
    public string Framework { get; }

    /// <summary>The framework's digest, <c>sha256:…</c>.</summary>
    public string Digest { get; }
}
