using System.Text;
using System.Text.Json.Nodes;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Emulator;

/// <summary>kubectl, a real client, driven against the emulator (issue #4's proof list).</summary>
public sealed class KubectlTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private readonly Kubectl _kubectl = new(emu.Kubeconfig);

    [Fact]
    public async Task CreateSecretDockerRegistry_ThenGetJson_ReturnsDockerConfig()
    {
        var name = EmulatorFixture.Unique("regcred");
        var created = await _kubectl.RunAsync("create", "secret", "docker-registry", name,
            "--docker-server=registry.example.com", "--docker-username=bot", "--docker-password=s3cret");
        Assert.Equal(0, created.ExitCode);
        Assert.Contains($"secret/{name} created", created.Stdout, StringComparison.Ordinal);

        var get = (await _kubectl.RunAsync("get", "secret", name, "-o", "json")).EnsureSuccess();

        var secret = JsonNode.Parse(get.Stdout)!;
        Assert.Equal("kubernetes.io/dockerconfigjson", (string?)secret["type"]);
        var config = JsonNode.Parse(Convert.FromBase64String((string)secret["data"]![".dockerconfigjson"]!))!;
        Assert.Equal("bot", (string?)config["auths"]!["registry.example.com"]!["username"]);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:s3cret")), (string?)config["auths"]!["registry.example.com"]!["auth"]);
    }

    [Fact]
    public async Task GetServiceAccount_Seeded_ListsKfpServiceAccounts()
    {
        var result = (await _kubectl.RunAsync("get", "serviceaccount")).EnsureSuccess();

        Assert.Contains("pipeline-runner", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("default-editor", result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("NAME", result.Stdout, StringComparison.Ordinal);
    }
}
