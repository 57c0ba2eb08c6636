using Kfp.Kube.Client;
using Kfp.Kube.Http;
using k8s.Models;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Client;

public sealed class ServerSideApplyTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private readonly IKubeClient _client = emu.Client;

    private static V1ConfigMap Framework(string name, params (string Key, string Value)[] data) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "pulumi-kfp" },
        },
        Data = data.ToDictionary(d => d.Key, d => d.Value),
    };

    [Fact]
    public async Task ApplyAsync_Missing_CreatesWithPulumiKfpManager()
    {
        var name = EmulatorFixture.Unique("fw");

        var applied = await _client.ConfigMaps.ApplyAsync(Framework(name, ("command", "python -m kfp")));

        Assert.Equal("python -m kfp", applied.Data!["command"]);
        var entry = Assert.Single(applied.Metadata.ManagedFields!);
        Assert.Equal("pulumi-kfp", entry.Manager);
        Assert.Equal("Apply", entry.Operation);
    }

    [Fact]
    public async Task ApplyAsync_SameIntentTwice_DoesNotBumpResourceVersion()
    {
        var name = EmulatorFixture.Unique("fw");
        var first = await _client.ConfigMaps.ApplyAsync(Framework(name, ("a", "1")));

        var second = await _client.ConfigMaps.ApplyAsync(Framework(name, ("a", "1")));

        Assert.Equal(first.Metadata.ResourceVersion, second.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task ApplyAsync_KeyDroppedFromIntent_RemovesIt()
    {
        var name = EmulatorFixture.Unique("fw");
        await _client.ConfigMaps.ApplyAsync(Framework(name, ("a", "1"), ("b", "2")));

        var applied = await _client.ConfigMaps.ApplyAsync(Framework(name, ("a", "1")));

        Assert.Equal(["a"], applied.Data!.Keys.ToArray());
    }

    [Fact]
    public async Task ApplyAsync_FieldOwnedByOtherManager_ConflictsUnlessForced()
    {
        var name = EmulatorFixture.Unique("fw");
        await _client.ConfigMaps.ApplyAsync(Framework(name, ("a", "1")), new ApplyOptions { FieldManager = "someone-else" });

        var e = await Assert.ThrowsAsync<KubeApiException>(() => _client.ConfigMaps.ApplyAsync(Framework(name, ("a", "2"))));
        Assert.True(e.IsConflict);
        var cause = Assert.Single(e.Causes);
        Assert.Equal("FieldManagerConflict", cause.Reason);
        Assert.Equal(".data.a", cause.Field);
        Assert.Contains("conflict with \"someone-else\"", e.Message, StringComparison.Ordinal);

        var forced = await _client.ConfigMaps.ApplyAsync(Framework(name, ("a", "2")), new ApplyOptions { Force = true });
        Assert.Equal("2", forced.Data!["a"]);
        var other = forced.Metadata.ManagedFields!.Single(m => m.Manager == "someone-else");
        Assert.DoesNotContain("\"f:a\"", k8s.KubernetesJson.Serialize(other.FieldsV1!, Kfp.Kube.Json.KubeJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_EqualValueFromOtherManager_SharesOwnership()
    {
        var name = EmulatorFixture.Unique("fw");
        await _client.ConfigMaps.ApplyAsync(Framework(name, ("a", "1")), new ApplyOptions { FieldManager = "someone-else" });

        var applied = await _client.ConfigMaps.ApplyAsync(Framework(name, ("a", "1")));

        Assert.Equal(2, applied.Metadata.ManagedFields!.Count);
    }

    [Fact]
    public async Task ApplyAsync_ServerReadObject_StripsServerFieldsAndApplies()
    {
        var name = EmulatorFixture.Unique("fw");
        var created = await _client.ConfigMaps.CreateAsync(Framework(name, ("a", "1")));

        var applied = await _client.ConfigMaps.ApplyAsync(created.With(o => o.Data = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }), new ApplyOptions { Force = true });

        Assert.Equal("2", applied.Data!["b"]);
        Assert.Equal(created.Metadata.Uid, applied.Metadata.Uid);
    }

    [Fact]
    public async Task ApplyAsync_DryRun_StoresNothing()
    {
        var name = EmulatorFixture.Unique("fw");

        await _client.ConfigMaps.ApplyAsync(Framework(name, ("a", "1")), new ApplyOptions { DryRun = true });

        Assert.Null(await _client.ConfigMaps.FindAsync("kubeflow", name));
    }
}
