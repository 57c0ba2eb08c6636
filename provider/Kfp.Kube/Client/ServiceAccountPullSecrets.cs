using k8s.Models;
using Kfp.Kube.Http;

namespace Kfp.Kube.Client;

/// <summary>
/// Adds or removes one entry of a ServiceAccount's <c>imagePullSecrets</c> without touching the others. The list is
/// atomic (a patch or apply would replace it), so this reads, edits and replaces with the read resourceVersion,
/// retrying on 409 Conflict when someone else wrote in between.
/// </summary>
public static class ServiceAccountPullSecrets
{
    public const int MaxAttempts = 5;

    /// <summary>Adds <paramref name="secretName"/> (no write when already present) and returns the service account.</summary>
    public static Task<V1ServiceAccount> AddImagePullSecretAsync(
        this IKubeClient client, string ns, string serviceAccount, string secretName, CancellationToken cancellationToken = default) =>
        UpdateAsync(client, ns, serviceAccount, list =>
            list.Any(r => r.Name == secretName) ? null : [.. list, new V1LocalObjectReference { Name = secretName }], cancellationToken);

    /// <summary>Removes <paramref name="secretName"/> (no write when absent); null when the service account does not exist.</summary>
    public static async Task<V1ServiceAccount?> RemoveImagePullSecretAsync(
        this IKubeClient client, string ns, string serviceAccount, string secretName, CancellationToken cancellationToken = default)
    {
        try
        {
            return await UpdateAsync(client, ns, serviceAccount, list =>
                list.Any(r => r.Name == secretName) ? list.Where(r => r.Name != secretName).ToList() : null, cancellationToken);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private static async Task<V1ServiceAccount> UpdateAsync(
        IKubeClient client, string ns, string name, Func<IReadOnlyList<V1LocalObjectReference>, IList<V1LocalObjectReference>?> edit,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await client.ServiceAccounts.GetAsync(ns, name, cancellationToken);
            var updated = edit([.. current.ImagePullSecrets ?? []]);
            if (updated is null)
            {
                return current;
            }
            current.ImagePullSecrets = updated.Count == 0 ? null : updated;
            try
            {
                return await client.ServiceAccounts.ReplaceAsync(current, cancellationToken: cancellationToken);
            }
            catch (KubeApiException e) when (e.IsConflict && e.Causes.Count == 0 && attempt < MaxAttempts)
            {
                // Someone else changed the service account since we read it: read again and redo the edit.
            }
        }
    }
}
