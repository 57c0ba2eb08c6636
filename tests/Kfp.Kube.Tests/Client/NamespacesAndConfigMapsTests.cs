using System.Text.Json.Nodes;
using Kfp.Kube.Client;
using Kfp.Kube.Http;
using k8s.Models;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Client;

public sealed class NamespacesAndConfigMapsTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private readonly IKubeClient _client = emu.Client;

    [Fact]
    public async Task Namespaces_CreateListDelete_RoundTrip()
    {
        var name = EmulatorFixture.Unique("team");

        var created = await _client.Namespaces.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        Assert.Equal("Active", created.Status!.Phase);
        Assert.Contains(name, (await _client.Namespaces.ListAsync()).Items.Select(n => n.Metadata.Name));

        await _client.ConfigMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "inside", NamespaceProperty = name } });
        Assert.True(await _client.Namespaces.DeleteAsync(name));

        Assert.Null(await _client.Namespaces.FindAsync(name));
        Assert.Null(await _client.ConfigMaps.FindAsync(name, "inside"));
    }

    [Fact]
    public async Task ConfigMaps_CreateInMissingNamespace_ThrowsNamespaceNotFound()
    {
        var e = await Assert.ThrowsAsync<KubeApiException>(() =>
            _client.ConfigMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "no-such-ns" } }));

        Assert.True(e.IsNotFound);
        Assert.Contains("namespaces \"no-such-ns\" not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigMaps_InvalidNameAndKey_ThrowsInvalidWithBothCauses()
    {
        var e = await Assert.ThrowsAsync<KubeApiException>(() => _client.ConfigMaps.CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "Bad_Name" },
            Data = new Dictionary<string, string> { ["bad key"] = "v" },
        }));

        Assert.True(e.IsInvalid);
        Assert.Equal("Invalid", e.Reason);
        Assert.Contains(e.Causes, c => c.Field == "metadata.name" && c.Reason == "FieldValueInvalid");
        Assert.Contains(e.Causes, c => c.Field == "data[bad key]");
        Assert.StartsWith("Kubernetes API POST /api/v1/namespaces/kubeflow/configmaps failed (Invalid): ConfigMap \"Bad_Name\" is invalid: [", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigMaps_ImmutableData_CannotChangeButLabelsCan()
    {
        var name = EmulatorFixture.Unique("cm");
        var created = await _client.ConfigMaps.CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = name },
            Data = new Dictionary<string, string> { ["a"] = "1" },
            Immutable = true,
        });

        var e = await Assert.ThrowsAsync<KubeApiException>(() =>
            _client.ConfigMaps.MergePatchAsync("kubeflow", name, new JsonObject { ["data"] = new JsonObject { ["a"] = "2" } }));
        Assert.Contains(e.Causes, c => c.Field == "data" && c.Message!.Contains("field is immutable when `immutable` is set", StringComparison.Ordinal));

        var relabelled = await _client.ConfigMaps.MergePatchAsync("kubeflow", name,
            new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["x"] = "y" } } });
        Assert.Equal("y", relabelled.Metadata.Labels!["x"]);
        Assert.NotEqual(created.Metadata.ResourceVersion, relabelled.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task ConfigMaps_ListWithLimit_PagesWithContinue()
    {
        var label = EmulatorFixture.Unique("page");
        for (var i = 0; i < 3; i++)
        {
            await _client.ConfigMaps.CreateAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = $"{label}-{i}", Labels = new Dictionary<string, string> { ["page"] = label } },
            });
        }

        var first = await _client.ConfigMaps.ListAsync("kubeflow", new ListOptions { LabelSelector = $"page={label}", Limit = 2 });
        var second = await _client.ConfigMaps.ListAsync("kubeflow", new ListOptions { LabelSelector = $"page={label}", Limit = 2, Continue = first.Metadata.ContinueProperty });

        Assert.Equal(2, first.Items.Count);
        Assert.Equal(1, first.Metadata.RemainingItemCount);
        Assert.Equal($"{label}-2", Assert.Single(second.Items).Metadata.Name);
        Assert.Null(second.Metadata.ContinueProperty);
    }

    [Fact]
    public async Task ConfigMaps_ListAllNamespaces_IncludesOtherNamespaces()
    {
        var name = EmulatorFixture.Unique("cm");
        await _client.ConfigMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" } });

        var all = await _client.ConfigMaps.ListAsync(null, new ListOptions { FieldSelector = $"metadata.name={name}" });

        Assert.Equal("default", Assert.Single(all.Items).Metadata.NamespaceProperty);
    }

    [Fact]
    public async Task DeleteAsync_StalePrecondition_ThrowsConflict()
    {
        var name = EmulatorFixture.Unique("cm");
        await _client.ConfigMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } });

        var e = await Assert.ThrowsAsync<KubeApiException>(() =>
            _client.ConfigMaps.DeleteAsync("kubeflow", name, new DeleteOptions { ResourceVersion = "1" }));

        Assert.True(e.IsConflict);
        Assert.Contains("Precondition failed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_InjectedServerError_BecomesTypedException()
    {
        using var http = emu.Http();
        // A GET is retried: the fault outlasts every attempt.
        await Faults.InjectAsync(http, "/api/v1/namespaces/kubeflow/configmaps/flaky", 503, RetryHandler.MaxAttempts);

        var e = await Assert.ThrowsAsync<KubeApiException>(() => _client.ConfigMaps.GetAsync("kubeflow", "flaky"));

        Assert.Equal(503, e.Code);
        Assert.Equal("ServiceUnavailable", e.Reason);
    }
}
