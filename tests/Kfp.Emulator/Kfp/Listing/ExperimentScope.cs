using Kfp.Emulator.Kfp.Core;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kfp.Listing;

/// <summary>
/// How runs and recurring runs are listed: by <c>experiment_id</c> and/or <c>namespace</c>; in multi-user mode
/// one of them is required, and only the namespace's objects are seen.
/// </summary>
internal sealed record ExperimentScope(string ExperimentId, string Namespace, bool MultiUser)
{
    /// <param name="rpc">The server's method name in its error, e.g. <c>ListRuns</c>.</param>
    /// <param name="what">The objects listed, e.g. <c>runs</c>.</param>
    public static ExperimentScope Read(HttpRequest request, ServerSettings settings, string rpc, string what)
    {
        var scope = new ExperimentScope(request.Query["experiment_id"].ToString(), request.Query["namespace"].ToString(), settings.MultiUser);
        if (scope.MultiUser && scope.Namespace.Length == 0 && scope.ExperimentId.Length == 0)
        {
            throw KfpServerException.InvalidInput($"Failed to list {what}", $"{rpc} must filter by resource reference or namespace in multi-user mode");
        }
        return scope;
    }

    public bool Includes(string experimentId, string ns) =>
        (ExperimentId.Length == 0 || experimentId == ExperimentId) && (!MultiUser || Namespace.Length == 0 || ns == Namespace);
}
