using System.Globalization;
using Kfp.Emulator;
using Kfp.Kube.Client;
using Kfp.Kube.Config;
using k8s.Models;

namespace Kfp.Kube.Tests.Emulator;

public sealed class PersistenceTests
{
    private static async Task<T> WithClientAsync<T>(string stateDir, Func<KubeClient, Task<T>> action)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { StateDir = stateDir });
        using var client = new KubeClient(new KubeConfigLoader().Load(new KubeConfigOptions { Path = host.Endpoints.Kubeconfig }));
        return await action(client);
    }

    [Fact]
    public async Task StateDir_Restart_KeepsObjectsAndTheResourceVersionCounter()
    {
        var dir = Directory.CreateTempSubdirectory("kube-state-").FullName;
        try
        {
            var first = await WithClientAsync(dir, c => c.Secrets.CreateAsync(new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = "kept" },
                Data = new Dictionary<string, byte[]> { ["k"] = [42] },
            }));

            var (kept, next) = await WithClientAsync(dir, async c => (
                await c.Secrets.GetAsync("kubeflow", "kept"),
                await c.ConfigMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "after-restart" } })));

            Assert.Equal(first.Metadata.Uid, kept.Metadata.Uid);
            Assert.Equal(new byte[] { 42 }, kept.Data!["k"]);
            Assert.True(long.Parse(next.Metadata.ResourceVersion!, CultureInfo.InvariantCulture) > long.Parse(first.Metadata.ResourceVersion!, CultureInfo.InvariantCulture));
            Assert.True(File.Exists(Path.Combine(dir, "kubernetes.json")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
