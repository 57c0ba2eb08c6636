using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

public sealed class PullSecretLifecycleTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Type = "kfp:index:PullSecret";
    private const string Password = "hunter2-do-not-leak";

    private static PropertyValue Registry(string server, string user, string password) => PropertyValue.Of(PropertyMap.Empty
        .With("server", PropertyValue.Of(server))
        .With("username", PropertyValue.Of(user))
        .With("password", PropertyValue.MakeSecret(PropertyValue.Of(password))));

    private static PropertyMap Inputs(string name, string password, params string[] serviceAccounts) => PropertyMap.Empty
        .With("name", PropertyValue.Of(name))
        .With("registries", PropertyValue.Of([Registry("ghcr.io", "robot", password)]))
        .With("serviceAccounts", PropertyValue.Of(serviceAccounts.Select(PropertyValue.Of)));

    /// <summary>Every string inside a value, joined (PropertyValue records cannot be formatted with ToString).</summary>
    private static string Text(PropertyValue value) => value.Plain switch
    {
        StringValue s => s.Value,
        ArrayValue a => string.Join(",", a.Items.Select(Text)),
        ObjectValue o => string.Join(",", o.Map.Values.Select(Text)),
        _ => "",
    };

    private static JsonObject DockerConfig(JsonObject secret) =>
        JsonNode.Parse(Convert.FromBase64String(secret["data"]![".dockerconfigjson"]!.GetValue<string>()))!.AsObject();

    [Fact]
    public async Task Lifecycle_AttachAddAccountDriftRepairRotateDelete_TouchesOnlyOwnEntry()
    {
        using var kube = new PullSecretKubeProbe(fixture.Emulator);
        await kube.SetPullSecretsAsync("pipeline-runner", "existing-secret");
        var test = new LifecycleTest(fixture.Client, Type, "team-pull");

        await test.RunAsync(
            new LifecycleStep(Inputs("team-pull", Password, "pipeline-runner"), s =>
            {
                var secret = kube.Secret("team-pull")!;
                Assert.Equal("kubernetes.io/dockerconfigjson", secret["type"]!.GetValue<string>());
                Assert.Equal("pulumi-kfp", secret["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]!.GetValue<string>());
                Assert.Equal("robot", DockerConfig(secret)["auths"]!["ghcr.io"]!["username"]!.GetValue<string>());
                Assert.Equal(["existing-secret", "team-pull"], kube.PullSecrets("pipeline-runner"));
                Assert.Equal($"{PullSecretKubeProbe.Namespace}/team-pull", s.Id);
                Assert.Equal("team-pull", Assert.IsType<StringValue>(s.Outputs["secretName"]).Value);
                Assert.True(s.Outputs["registries"].IsSecret, "registries (with passwords) must be secret in outputs");
            }),
            new LifecycleStep(Inputs("team-pull", Password, "pipeline-runner")) { ExpectChanges = DiffResponse.Types.DiffChanges.DiffNone },
            new LifecycleStep(Inputs("team-pull", Password, "pipeline-runner", "default-editor"), s =>
            {
                Assert.Equal(["existing-secret", "team-pull"], kube.PullSecrets("pipeline-runner"));
                Assert.Equal(["team-pull"], kube.PullSecrets("default-editor"));
                // Out of band: someone removes our entry from pipeline-runner.
                kube.SetPullSecrets("pipeline-runner", "existing-secret");
            }) { ExpectReplace = false },
            new LifecycleStep(Inputs("team-pull", Password, "pipeline-runner", "default-editor"), s =>
            {
                var change = s.LastDiff!.DetailedDiff["serviceAccounts"];
                Assert.False(change.InputDiff, "the removed entry is drift, not an input change");
                Assert.Equal(["existing-secret", "team-pull"], kube.PullSecrets("pipeline-runner"));
            }) { ExpectChanges = DiffResponse.Types.DiffChanges.DiffSome, ExpectReplace = false },
            new LifecycleStep(Inputs("team-pull", "rotated-password", "default-editor"), s =>
            {
                Assert.Equal("rotated-password", DockerConfig(kube.Secret("team-pull")!)["auths"]!["ghcr.io"]!["password"]!.GetValue<string>());
                Assert.Equal(["existing-secret"], kube.PullSecrets("pipeline-runner"));
                Assert.Equal(["team-pull"], kube.PullSecrets("default-editor"));
            }) { ExpectReplace = false });

        Assert.Null(await kube.SecretAsync("team-pull"));
        Assert.Equal(["existing-secret"], await kube.PullSecretsAsync("pipeline-runner"));
        Assert.Empty(await kube.PullSecretsAsync("default-editor"));
    }

    [Fact]
    public async Task Diff_SecretDeletedOutOfBand_ShowsReplacementAndReadReportsGone()
    {
        using var kube = new PullSecretKubeProbe(fixture.Emulator);
        var test = new LifecycleTest(fixture.Client, Type, "gone-pull");
        var state = await test.CreateAsync(Inputs("gone-pull", Password), PropertyMap.Empty);
        await kube.DeleteSecretAsync("gone-pull");

        var diff = await fixture.Client.DiffAsync(test.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs);
        var read = await fixture.Client.ReadAsync(test.Urn, state.Id, state.Outputs, state.Inputs);

        Assert.Equal(PropertyDiff.Types.Kind.UpdateReplace, diff.DetailedDiff["secretName"].Kind);
        Assert.Equal("", read.Id);
        await fixture.Client.DeleteAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
    }

    [Fact]
    public async Task Diff_SecretDataEditedByHand_ShowsDriftOnRegistries()
    {
        using var kube = new PullSecretKubeProbe(fixture.Emulator);
        var test = new LifecycleTest(fixture.Client, Type, "edited-pull");
        var state = await test.CreateAsync(Inputs("edited-pull", Password), PropertyMap.Empty);
        await kube.ReplaceDockerConfigAsync("edited-pull", """{"auths":{"ghcr.io":{"username":"someone-else","password":"x"}}}""");

        var diff = await fixture.Client.DiffAsync(test.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs);

        Assert.False(diff.DetailedDiff["registries"].InputDiff);
        await fixture.Client.DeleteAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
    }

    [Fact]
    public async Task Read_Import_AdoptsSecretAndReferencingAccounts()
    {
        var test = new LifecycleTest(fixture.Client, Type, "import-pull");
        var state = await test.CreateAsync(Inputs("import-pull", Password, "default-editor"), PropertyMap.Empty);

        var read = await fixture.Client.ReadAsync(test.Urn, state.Id, null, null);

        var inputs = PropertyValueCodec.FromStruct(read.Inputs);
        Assert.Equal(state.Id, read.Id);
        Assert.True(inputs["registries"].IsSecret);
        Assert.Equal(["default-editor"], Assert.IsType<ArrayValue>(inputs["serviceAccounts"].Plain).Items.Select(i => Assert.IsType<StringValue>(i).Value));
        await fixture.Client.DeleteAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
    }

    [Fact]
    public async Task Create_UnknownServiceAccount_FailsNamingItWithoutLeakingPassword()
    {
        using var kube = new PullSecretKubeProbe(fixture.Emulator);
        var test = new LifecycleTest(fixture.Client, Type, "partial-pull");
        var check = await fixture.Client.CheckAsync(test.Urn, PropertyMap.Empty, Inputs("partial-pull", Password, "no-such-account"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            fixture.Client.CreateAsync(test.Urn, PropertyValueCodec.FromStruct(check.Inputs), preview: false));

        Assert.Contains("service account kubeflow/no-such-account does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.NotNull(await kube.SecretAsync("partial-pull"));
        await fixture.Client.DeleteAsync(test.Urn, "kubeflow/partial-pull", PropertyMap.Empty, PropertyMap.Empty);
        Assert.Null(await kube.SecretAsync("partial-pull"));
    }

    [Fact]
    public async Task Check_NoName_AutonamesDnsSafeLowercase()
    {
        var urn = $"urn:pulumi:test::lifecycle::{Type}::Team_Pull";

        var check = await fixture.Client.CheckAsync(urn, PropertyMap.Empty, Inputs("x", Password).Without("name"));

        Assert.Empty(check.Failures);
        var name = Assert.IsType<StringValue>(PropertyValueCodec.FromStruct(check.Inputs)["name"]).Value;
        Assert.StartsWith("team-pull-", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BadRegistries_FailPerItemField()
    {
        var news = PropertyMap.Empty
            .With("name", PropertyValue.Of("Bad_Name"))
            .With("registries", PropertyValue.Of([PropertyValue.Of(PropertyMap.Empty.With("username", PropertyValue.Of("u")).With("colour", PropertyValue.Of("red")))]));

        var check = await fixture.Client.CheckAsync($"urn:pulumi:test::lifecycle::{Type}::bad", PropertyMap.Empty, news);

        Assert.Contains(check.Failures, f => f.Property == "name");
        Assert.Contains(check.Failures, f => f.Property == "registries[0].server");
        Assert.Contains(check.Failures, f => f.Property == "registries[0].colour");
    }

    [Fact]
    public async Task Delete_AlreadyGone_Succeeds()
    {
        await fixture.Client.DeleteAsync($"urn:pulumi:test::lifecycle::{Type}::gone", "kubeflow/never-existed",
            PropertyMap.Empty, Inputs("never-existed", Password, "pipeline-runner"));
    }

    [Fact]
    public async Task Create_Outputs_NeverHoldPasswordInPlainText()
    {
        var test = new LifecycleTest(fixture.Client, Type, "plain-pull");
        var check = await fixture.Client.CheckAsync(test.Urn, PropertyMap.Empty,
            Inputs("plain-pull", Password).With("registries", PropertyValue.Of([PropertyValue.Of(PropertyMap.Empty
                .With("server", PropertyValue.Of("ghcr.io")).With("username", PropertyValue.Of("u")).With("password", PropertyValue.Of(Password)))])));

        var created = await fixture.Client.CreateAsync(test.Urn, PropertyValueCodec.FromStruct(check.Inputs), preview: false);

        var outputs = PropertyValueCodec.FromStruct(created.Properties);
        Assert.True(outputs["registries"].IsSecret, "a password given in plain text is still secret in outputs");
        Assert.All(outputs.Where(p => p.Key != "registries"), p => Assert.DoesNotContain(Password, Text(p.Value), StringComparison.Ordinal));
        await fixture.Client.DeleteAsync(test.Urn, created.Id, outputs, PropertyValueCodec.FromStruct(check.Inputs));
    }
}
