using Kfp.Kube.Client;
using Kfp.Kube.Http;
using k8s.Models;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Client;

public sealed class ServiceAccountPullSecretsTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private readonly IKubeClient _client = emu.Client;

    private async Task<string> ServiceAccountWith(params string[] pullSecrets)
    {
        var name = EmulatorFixture.Unique("sa");
        await _client.ServiceAccounts.CreateAsync(new V1ServiceAccount
        {
            Metadata = new V1ObjectMeta { Name = name },
            ImagePullSecrets = pullSecrets.Select(s => new V1LocalObjectReference { Name = s }).ToList(),
        });
        return name;
    }

    private static string[] Names(V1ServiceAccount? sa) => (sa?.ImagePullSecrets ?? []).Select(r => r.Name).ToArray();

    [Fact]
    public async Task AddImagePullSecretAsync_OtherEntries_AreKept()
    {
        var sa = await ServiceAccountWith("theirs");

        var updated = await _client.AddImagePullSecretAsync("kubeflow", sa, "ours");

        Assert.Equal(["theirs", "ours"], Names(updated));
    }

    [Fact]
    public async Task AddImagePullSecretAsync_AlreadyPresent_DoesNotWrite()
    {
        var sa = await ServiceAccountWith("ours");
        var before = await _client.ServiceAccounts.GetAsync("kubeflow", sa);

        var after = await _client.AddImagePullSecretAsync("kubeflow", sa, "ours");

        Assert.Equal(before.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task AddImagePullSecretAsync_Conflicts_RetriesUntilItWins()
    {
        var sa = await ServiceAccountWith("theirs");
        using var http = emu.Http();
        await Faults.InjectAsync(http, $"/api/v1/namespaces/kubeflow/serviceaccounts/{sa}", 409, 2, "PUT");

        var updated = await _client.AddImagePullSecretAsync("kubeflow", sa, "ours");

        Assert.Equal(["theirs", "ours"], Names(updated));
    }

    [Fact]
    public async Task AddImagePullSecretAsync_ConflictsEveryTime_GivesUpWithConflict()
    {
        var sa = await ServiceAccountWith();
        using var http = emu.Http();
        await Faults.InjectAsync(http, $"/api/v1/namespaces/kubeflow/serviceaccounts/{sa}", 409, ServiceAccountPullSecrets.MaxAttempts, "PUT");

        var e = await Assert.ThrowsAsync<KubeApiException>(() => _client.AddImagePullSecretAsync("kubeflow", sa, "ours"));

        Assert.True(e.IsConflict);
    }

    [Fact]
    public async Task AddImagePullSecretAsync_ConcurrentWriters_BothEntriesSurvive()
    {
        var sa = await ServiceAccountWith();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => _client.AddImagePullSecretAsync("kubeflow", sa, $"secret-{i}")));

        var final = await _client.ServiceAccounts.GetAsync("kubeflow", sa);
        Assert.Equal(["secret-0", "secret-1", "secret-2", "secret-3"], Names(final).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task RemoveImagePullSecretAsync_RemovesOnlyItsEntry()
    {
        var sa = await ServiceAccountWith("a", "ours", "b");

        var updated = await _client.RemoveImagePullSecretAsync("kubeflow", sa, "ours");

        Assert.Equal(["a", "b"], Names(updated));
    }

    [Fact]
    public async Task RemoveImagePullSecretAsync_MissingServiceAccount_ReturnsNull()
    {
        Assert.Null(await _client.RemoveImagePullSecretAsync("kubeflow", "no-such-sa", "ours"));
    }
}
