using Kfp.Compiler;

namespace Kfp.Provider.Resources;

/// <summary>What a Pipeline's Check says when its framework may not run on this machine.</summary>
internal static class FrameworkTrustMessage
{
    public static string Refused(UntrustedFrameworkException e, string? recordedDigest)
    {
        var why = recordedDigest is null
            ? $"the framework '{e.Framework}' was read from the cluster and is not declared by this program, so its command was not run. "
            : recordedDigest == e.Digest
                ? ""
                : $"the framework '{e.Framework}' changed in the cluster since this Pipeline last compiled with it (digest {recordedDigest} then, {e.Digest} now), so its command was not run. ";
        return why + e.Message + $" For a shared framework you trust by name: `pulumi config set --path 'kfp:trustedFrameworks[0]' {e.Framework}`.";
    }
}
