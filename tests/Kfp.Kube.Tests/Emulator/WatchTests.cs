using System.Text.Json.Nodes;
using k8s.Models;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Emulator;

public sealed class WatchTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Watch_FromListVersion_StreamsAddedModifiedDeleted()
    {
        var label = EmulatorFixture.Unique("w");
        var list = await emu.Client.ConfigMaps.ListAsync("kubeflow");
        using var http = emu.Http();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var url = $"/api/v1/namespaces/kubeflow/configmaps?watch=true&labelSelector=w%3D{label}&resourceVersion={list.Metadata.ResourceVersion}";
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var name = EmulatorFixture.Unique("cm");
        var labels = new Dictionary<string, string> { ["w"] = label };
        await emu.Client.ConfigMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "unlabelled-" + name } });
        var created = await emu.Client.ConfigMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels } });
        await emu.Client.ConfigMaps.ReplaceAsync(created.With(o => o.Data = new Dictionary<string, string> { ["a"] = "1" }));
        await emu.Client.ConfigMaps.DeleteAsync("kubeflow", name);

        var events = new List<(string Type, string Name)>();
        for (var i = 0; i < 3; i++)
        {
            var line = JsonNode.Parse((await reader.ReadLineAsync(timeout.Token))!)!;
            events.Add(((string)line["type"]!, (string)line["object"]!["metadata"]!["name"]!));
        }

        Assert.Equal([("ADDED", name), ("MODIFIED", name), ("DELETED", name)], events);
    }

    [Fact]
    public async Task KubectlDelete_WithFinalizer_WaitsUntilItIsRemoved()
    {
        var kubectl = new Kubectl(emu.Kubeconfig);
        var name = EmulatorFixture.Unique("fin");
        await emu.Client.ConfigMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Finalizers = ["example.com/hold"] } });

        var delete = kubectl.RunAsync("delete", "configmap", name, "--timeout=20s");
        var marked = await WaitForAsync(async () => (await emu.Client.ConfigMaps.GetAsync("kubeflow", name)).Metadata.DeletionTimestamp is not null);
        Assert.True(marked);
        Assert.False(delete.IsCompleted);
        await emu.Client.ConfigMaps.MergePatchAsync("kubeflow", name, new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } });

        var result = await delete;
        Assert.Equal(0, result.ExitCode);
        Assert.Null(await emu.Client.ConfigMaps.FindAsync("kubeflow", name));
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Yield();
            await Task.Delay(10);
        }
        return false;
    }
}
