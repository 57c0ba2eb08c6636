using System.Text;
using System.Text.Json.Nodes;
using Kfp.Kube.Models;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Models;

public sealed class DockerConfigJsonTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void Create_TwoRegistries_SortedWithAuthField()
    {
        var bytes = DockerConfigJson.Create([
            new DockerRegistryCredential("z.example.com", "zed", "pw"),
            new DockerRegistryCredential("a.example.com:5000", "bot", "s3cret", "bot@example.com"),
        ]);

        Assert.Equal(
            """{"auths":{"a.example.com:5000":{"username":"bot","password":"s3cret","email":"bot@example.com","auth":"Ym90OnMzY3JldA=="},"z.example.com":{"username":"zed","password":"pw","auth":"emVkOnB3"}}}""",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Create_SameServerTwice_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => DockerConfigJson.Create([
            new DockerRegistryCredential("r.example.com", "a", "1"),
            new DockerRegistryCredential("r.example.com", "b", "2"),
        ]));

        Assert.Contains("r.example.com", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullSecret_MatchesWhatKubectlWrites()
    {
        var name = EmulatorFixture.Unique("pull");
        var ours = await emu.Client.Secrets.CreateAsync(DockerConfigJson.PullSecret(name, "kubeflow", [new DockerRegistryCredential("registry.example.com", "bot", "s3cret")]));
        var kubectl = new Kubectl(emu.Kubeconfig);
        (await kubectl.RunAsync("create", "secret", "docker-registry", name + "-kubectl",
            "--docker-server=registry.example.com", "--docker-username=bot", "--docker-password=s3cret")).EnsureSuccess();

        var theirs = await emu.Client.Secrets.GetAsync("kubeflow", name + "-kubectl");

        Assert.Equal(theirs.Type, ours.Type);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse(theirs.Data![Secret.DockerConfigJsonKey]),
            JsonNode.Parse(ours.Data![Secret.DockerConfigJsonKey])));
    }
}
