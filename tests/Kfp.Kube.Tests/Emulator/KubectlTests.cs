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

    private static string ConfigMapYaml(string name, string value) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {name}
          labels:
            app.kubernetes.io/managed-by: pulumi-kfp
        data:
          command: {value}
        """;

    [Fact]
    public async Task ApplyServerSide_TwiceThenSecondManager_ConflictsUntilForced()
    {
        var name = EmulatorFixture.Unique("fw");
        var first = await _kubectl.RunWithInputAsync(ConfigMapYaml(name, "v1"), "apply", "--server-side", "-f", "-");
        var again = await _kubectl.RunWithInputAsync(ConfigMapYaml(name, "v1"), "apply", "--server-side", "-f", "-");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains($"configmap/{name} serverside-applied", again.Stdout, StringComparison.Ordinal);

        var conflict = await _kubectl.RunWithInputAsync(ConfigMapYaml(name, "v2"), "apply", "--server-side", "--field-manager=other", "-f", "-");
        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \"kubectl\" using v1: .data.command", conflict.Stderr, StringComparison.Ordinal);

        (await _kubectl.RunWithInputAsync(ConfigMapYaml(name, "v2"), "apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", "-")).EnsureSuccess();
        var json = JsonNode.Parse((await _kubectl.RunAsync("get", "configmap", name, "-o", "json", "--show-managed-fields")).EnsureSuccess().Stdout)!;
        Assert.Equal("v2", (string?)json["data"]!["command"]);
        var managers = json["metadata"]!["managedFields"]!.AsArray().Select(m => (string)m!["manager"]!).ToArray();
        Assert.Equal(["kubectl", "other"], managers);
    }

    [Fact]
    public async Task Patch_StrategicMergeAndJson_ChangeOnlyTheirFields()
    {
        var name = EmulatorFixture.Unique("cm");
        (await _kubectl.RunAsync("create", "configmap", name, "--from-literal=a=1", "--from-literal=b=2")).EnsureSuccess();

        var smp = await _kubectl.RunAsync("patch", "configmap", name, "-p", "{\"data\":{\"a\":\"10\"}}");
        var jsonPatch = await _kubectl.RunAsync("patch", "configmap", name, "--type=json", "-p", "[{\"op\":\"remove\",\"path\":\"/data/b\"}]");

        Assert.Contains($"configmap/{name} patched", smp.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, jsonPatch.ExitCode);
        var data = (await _kubectl.RunAsync("get", "configmap", name, "-o", "jsonpath={.data}")).EnsureSuccess().Stdout;
        Assert.Equal("{\"a\":\"10\"}", data);
    }

    [Fact]
    public async Task PatchServiceAccount_ImagePullSecrets_IsVisibleInGet()
    {
        var name = EmulatorFixture.Unique("sa");
        (await _kubectl.RunAsync("create", "serviceaccount", name)).EnsureSuccess();

        (await _kubectl.RunAsync("patch", "serviceaccount", name, "-p", "{\"imagePullSecrets\":[{\"name\":\"regcred\"}]}")).EnsureSuccess();

        var json = JsonNode.Parse((await _kubectl.RunAsync("get", "serviceaccount", name, "-o", "json")).EnsureSuccess().Stdout)!;
        Assert.Equal("regcred", (string?)json["imagePullSecrets"]![0]!["name"]);
    }

    [Fact]
    public async Task Delete_ExistingThenMissing_DeletesThenReportsNotFound()
    {
        var name = EmulatorFixture.Unique("s");
        (await _kubectl.RunAsync("create", "secret", "generic", name, "--from-literal=k=v")).EnsureSuccess();

        var deleted = await _kubectl.RunAsync("delete", "secret", name);
        var again = await _kubectl.RunAsync("delete", "secret", name);

        Assert.Contains($"secret \"{name}\" deleted", deleted.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains($"secrets \"{name}\" not found", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownField_IsRejectedByStrictFieldValidation()
    {
        var yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {EmulatorFixture.Unique("cm")}\ndatta:\n  a: b\n";

        var result = await _kubectl.RunWithInputAsync(yaml, "create", "-f", "-");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unknown field \"datta\"", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidName_ShowsServerValidationMessage()
    {
        var result = await _kubectl.RunAsync("create", "configmap", "Not_Valid");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ConfigMap \"Not_Valid\" is invalid: metadata.name: Invalid value: \"Not_Valid\": a lowercase RFC 1123 subdomain", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiResources_Discovery_ListsTheServedKinds()
    {
        var result = (await _kubectl.RunAsync("api-resources", "--no-headers", "-o", "name")).EnsureSuccess();

        Assert.Equal(["configmaps", "events", "jobs.batch", "namespaces", "pods", "secrets", "serviceaccounts"], result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Explain_Secret_ReadsTheServedOpenApi()
    {
        var result = (await _kubectl.RunAsync("explain", "secret.type")).EnsureSuccess();

        Assert.Contains("FIELD: type <string>", result.Stdout, StringComparison.Ordinal);
    }
}
