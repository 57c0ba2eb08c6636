using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

public sealed class ImageRegistryLifecycleTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>, IAsyncLifetime
{
    private const string Type = "kfp:index:ImageRegistry";
    private const string Password = "s3cret-registry-pw";

    private string Server => fixture.Emulator.RegistryUrl.Authority;

    public async Task InitializeAsync()
    {
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(new Uri(fixture.Emulator.RegistryUrl, "/_emulator/users"),
            new Dictionary<string, string> { ["username"] = "robot", ["password"] = Password })).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private PropertyMap Inputs(string password, bool verify = true, string? server = null) => PropertyMap.Empty
        .With("server", PropertyValue.Of(server ?? Server))
        .With("username", PropertyValue.Of("robot"))
        .With("password", PropertyValue.MakeSecret(PropertyValue.Of(password)))
        .With("insecure", PropertyValue.Of(true))
        .With("verify", PropertyValue.Of(verify));

    [Fact]
    public async Task Lifecycle_VerifyRotateReplaceServer_OutputsStaySecret()
    {
        var test = new LifecycleTest(fixture.Client, Type, "registry");

        await test.RunAsync(
            new LifecycleStep(Inputs(Password), s =>
            {
                Assert.Equal(Server, s.Id);
                Assert.True(s.Outputs["password"].IsSecret);
                Assert.True(s.Outputs["dockerConfigJson"].IsSecret);
                var config = JsonNode.Parse(Assert.IsType<StringValue>(s.Outputs["dockerConfigJson"].Plain).Value)!;
                Assert.Equal("robot", config["auths"]![Server]!["username"]!.GetValue<string>());
            }),
            new LifecycleStep(Inputs(Password)) { ExpectChanges = DiffResponse.Types.DiffChanges.DiffNone },
            new LifecycleStep(Inputs("rotated", verify: false), s =>
            {
                Assert.Equal(Server, s.Id);
                var config = JsonNode.Parse(Assert.IsType<StringValue>(s.Outputs["dockerConfigJson"].Plain).Value)!;
                Assert.Equal("rotated", config["auths"]![Server]!["password"]!.GetValue<string>());
                Assert.True(s.Outputs["dockerConfigJson"].IsSecret);
            }) { ExpectReplace = false },
            new LifecycleStep(Inputs("rotated", verify: false, server: "ghcr.io"), s => Assert.Equal("ghcr.io", s.Id)) { ExpectReplace = true });
    }

    [Fact]
    public async Task Create_VerifyWrongPassword_FailsNamingServerWithoutPassword()
    {
        var test = new LifecycleTest(fixture.Client, Type, "bad-login");
        var check = await fixture.Client.CheckAsync(test.Urn, PropertyMap.Empty, Inputs("wrong-password-value"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            fixture.Client.CreateAsync(test.Urn, PropertyValueCodec.FromStruct(check.Inputs), preview: false));

        Assert.Contains($"registry {Server}", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad-login", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_VerifyUnreachable_FailsNamingServer()
    {
        var test = new LifecycleTest(fixture.Client, Type, "no-registry");
        var inputs = Inputs(Password, server: fixture.Emulator.KfpUrl.Authority);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Client.CreateAsync(test.Urn, inputs, preview: false));

        Assert.Contains(fixture.Emulator.KfpUrl.Authority, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a container registry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PlainPasswordInput_IsSecretInOutputs()
    {
        var test = new LifecycleTest(fixture.Client, Type, "plain");
        var inputs = Inputs(Password).With("password", PropertyValue.Of(Password));

        var created = await fixture.Client.CreateAsync(test.Urn, inputs, preview: false);

        var outputs = PropertyValueCodec.FromStruct(created.Properties);
        Assert.True(outputs["password"].IsSecret);
        Assert.True(outputs["dockerConfigJson"].IsSecret);
    }

    [Fact]
    public async Task Read_RecordedState_ReturnedAsIs()
    {
        var test = new LifecycleTest(fixture.Client, Type, "read");
        var state = await test.CreateAsync(Inputs(Password, verify: false), PropertyMap.Empty);

        var read = await fixture.Client.ReadAsync(test.Urn, state.Id, state.Outputs, state.Inputs);

        Assert.Equal(state.Id, read.Id);
        var outputs = PropertyValueCodec.FromStruct(read.Properties);
        Assert.True(PropertyValueComparer.DeepEquals(state.Outputs["dockerConfigJson"], outputs["dockerConfigJson"]));
        Assert.True(outputs["password"].IsSecret);
    }

    [Fact]
    public async Task Check_PasswordWithoutUsername_Fails()
    {
        var news = PropertyMap.Empty.With("server", PropertyValue.Of("ghcr.io")).With("password", PropertyValue.MakeSecret(PropertyValue.Of("x")));

        var check = await fixture.Client.CheckAsync($"urn:pulumi:test::lifecycle::{Type}::nouser", PropertyMap.Empty, news);

        Assert.Contains(check.Failures, f => f.Property == "username");
    }
}
