using System.Text;
using System.Text.Json.Nodes;
using Kfp.Kube.Client;
using Kfp.Kube.Http;
using k8s.Models;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Client;

public sealed class SecretsTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private readonly IKubeClient _client = emu.Client;

    [Fact]
    public async Task CreateAsync_NewSecret_StoresBytesAndServerFields()
    {
        var name = EmulatorFixture.Unique("s");
        var created = await _client.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["team"] = "ml" } },
            Data = new Dictionary<string, byte[]> { ["password"] = [0, 1, 2, 255] },
        });

        Assert.Equal("kubeflow", created.Metadata.NamespaceProperty);
        Assert.Equal("Opaque", created.Type);
        Assert.NotNull(created.Metadata.Uid);
        Assert.NotNull(created.Metadata.ResourceVersion);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, created.Data!["password"]);
        var read = await _client.Secrets.GetAsync("kubeflow", name);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal("ml", read.Metadata.Labels!["team"]);
    }

    [Fact]
    public async Task CreateAsync_StringData_IsFoldedIntoDataAndNeverReturned()
    {
        var name = EmulatorFixture.Unique("s");
        var created = await _client.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name },
            StringData = new Dictionary<string, string> { ["token"] = "abc" },
        });

        Assert.Null(created.StringData);
        Assert.Equal("abc", Encoding.UTF8.GetString(created.Data!["token"]));
    }

    [Fact]
    public async Task CreateAsync_ExistingName_ThrowsAlreadyExists()
    {
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = EmulatorFixture.Unique("s") } };
        await _client.Secrets.CreateAsync(secret);

        var e = await Assert.ThrowsAsync<KubeApiException>(() => _client.Secrets.CreateAsync(secret));

        Assert.True(e.IsAlreadyExists);
        Assert.Equal(409, e.Code);
        Assert.Contains($"secrets \"{secret.Metadata.Name}\" already exists", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_Missing_ThrowsNotFoundAndFindReturnsNull()
    {
        var e = await Assert.ThrowsAsync<KubeApiException>(() => _client.Secrets.GetAsync("kubeflow", "does-not-exist"));

        Assert.True(e.IsNotFound);
        Assert.Equal("NotFound", e.Reason);
        Assert.Equal("does-not-exist", e.Status!.Details!.Name);
        Assert.Null(await _client.Secrets.FindAsync("kubeflow", "does-not-exist"));
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var name = EmulatorFixture.Unique("s");
        await _client.Secrets.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = name } });

        Assert.True(await _client.Secrets.DeleteAsync("kubeflow", name));
        Assert.False(await _client.Secrets.DeleteAsync("kubeflow", name));
        Assert.Null(await _client.Secrets.FindAsync("kubeflow", name));
    }

    [Fact]
    public async Task ReplaceAsync_StaleResourceVersion_ThrowsConflict()
    {
        var name = EmulatorFixture.Unique("s");
        var created = await _client.Secrets.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = name } });
        await _client.Secrets.ReplaceAsync(created.With(o => o.Data = new Dictionary<string, byte[]> { ["a"] = [1] }));

        var e = await Assert.ThrowsAsync<KubeApiException>(() =>
            _client.Secrets.ReplaceAsync(created.With(o => o.Data = new Dictionary<string, byte[]> { ["b"] = [2] })));

        Assert.True(e.IsConflict);
        Assert.Contains("the object has been modified", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceAsync_ChangedType_ThrowsInvalidWithCause()
    {
        var created = await _client.Secrets.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = EmulatorFixture.Unique("s") } });

        var e = await Assert.ThrowsAsync<KubeApiException>(() => _client.Secrets.ReplaceAsync(created.With(o => o.Type = "kubernetes.io/tls")));

        Assert.True(e.IsInvalid);
        Assert.Contains(e.Causes, c => c.Field == "type" && c.Message!.Contains("field is immutable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAsync_LabelSelector_ReturnsOnlyMatches()
    {
        var label = EmulatorFixture.Unique("l");
        foreach (var (name, team) in new[] { ("a", "ml"), ("b", "ops"), ("c", "ml") })
        {
            await _client.Secrets.CreateAsync(new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = $"{label}-{name}", Labels = new Dictionary<string, string> { ["set"] = label, ["team"] = team } },
            });
        }

        var list = await _client.Secrets.ListAsync("kubeflow", new ListOptions { LabelSelector = $"set={label},team in (ml)" });

        Assert.Equal([$"{label}-a", $"{label}-c"], list.Items.Select(s => s.Metadata.Name!).ToArray());
        Assert.NotNull(list.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task MergePatchAsync_NullValue_RemovesKeyAndKeepsOthers()
    {
        var name = EmulatorFixture.Unique("s");
        await _client.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name },
            Data = new Dictionary<string, byte[]> { ["a"] = [1], ["b"] = [2] },
        });

        var patched = await _client.Secrets.MergePatchAsync("kubeflow", name, new JsonObject { ["data"] = new JsonObject { ["a"] = null, ["c"] = "Aw==" } });

        Assert.Equal(["b", "c"], patched.Data!.Keys.ToArray());
        Assert.Equal(new byte[] { 3 }, patched.Data["c"]);
    }

    [Fact]
    public async Task CreateAsync_DryRun_ValidatesButStoresNothing()
    {
        var name = EmulatorFixture.Unique("s");

        var answer = await _client.Secrets.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = name } }, new WriteOptions { DryRun = true });

        Assert.Equal(name, answer.Metadata.Name);
        Assert.Null(await _client.Secrets.FindAsync("kubeflow", name));
    }
}
