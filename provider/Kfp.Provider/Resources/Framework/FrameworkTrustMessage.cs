using Kfp.Compiler;

namespace Kfp.Provider.Resources;

/// <summary>What a Pipeline's Check says when its framework may not run on this machine.</summary>
internal static class FrameworkTrustMessage
{
    /// <param name="e">The refusal.</param>
    /// <param name="recordedDigest">The digest the Pipeline recorded when it last compiled (approved), if any.</param>
    /// <param name="recordedFields">What that framework ran, field by field, if recorded: the changes are listed as <c>field: old => new</c>.</param>
    public static string Refused(UntrustedFrameworkException e, string? recordedDigest, IReadOnlyDictionary<string, string>? recordedFields = null)
    {
        var changes = recordedFields is null ? [] : FrameworkFields.Changes(recordedFields, FrameworkFields.Of(e.Definition));
        var what = changes.IsEmpty ? "" : $"What changed: {string.Join("; ", changes)}. ";
        var why = recordedDigest is null
            ? $"the framework '{e.Framework}' was read from the cluster and is not declared by this program, so its command was not run. "
            : recordedDigest == e.Digest
                ? ""
                : $"the framework '{e.Framework}' changed in the cluster since this Pipeline last compiled with it (digest {recordedDigest} then, {e.Digest} now), so its command was not run. {what}";
        return why + e.Message + $" For a shared framework you trust by name: `pulumi config set --path 'kfp:trustedFrameworks[0]' {e.Framework}`.";
    }
}
