using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary><c>pinImageDigests</c>: tags resolved against the emulated registry during Check.</summary>
public sealed class PipelineDigestPinningTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Urn = "urn:pulumi:test::p::kfp:index:Pipeline::pinned";

    private string Host => fixture.Emulator.RegistryUrl.Authority;

    private string Definition(string tag) => $$"""
        pipeline:
          name: pinned
          tasks:
            - component: train
        components:
          train:
            image: {{Host}}/team/trainer:{{tag}}
            command: [python, -m, train]
        """;

    private PropertyMap Inputs(string source, string password) => PropertyMap.Empty
        .With("name", PropertyValue.Of("pinned"))
        .With("source", PropertyValue.Of(source))
        .With("pinImageDigests", PropertyValue.Of(true))
        .With("registries", PropertyValue.Of([PropertyValue.Of(PropertyMap.Empty
            .With("server", PropertyValue.Of(Host))
            .With("username", PropertyValue.Of("robot"))
            .With("password", PropertyValue.MakeSecret(PropertyValue.Of(password)))
            .With("insecure", PropertyValue.Of(true)))]));

    private async Task<string> SeedAsync(string tag)
    {
        using var http = new HttpClient { BaseAddress = fixture.Emulator.RegistryUrl };
        (await http.PostAsJsonAsync("/_emulator/users", new { username = "robot", password = "s3cret" })).EnsureSuccessStatusCode();
        var answer = await http.PostAsJsonAsync("/_emulator/images", new { repository = "team/trainer", tag });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonObject>())!["digest"]!.GetValue<string>();
    }

    [Fact]
    public async Task Check_TagMovedInRegistry_ChangesSpecHashAndPinsTheNewDigest()
    {
        var first = await SeedAsync("v1");
        var source = fixture.AddSource("pinned.yaml", Definition("v1"));
        var before = PropertyValueCodec.FromStruct((await fixture.Client.CheckAsync(Urn, PropertyMap.Empty, Inputs(source, "s3cret"))).Inputs);
        var test = new LifecycleTest(fixture.Client, "kfp:index:Pipeline", "pinned");
        var created = await test.CreateAsync(Inputs(source, "s3cret"), PropertyMap.Empty);
        using var kfp = new KfpProbe(fixture.Emulator);
        var version = await kfp.GetAsync($"/apis/v2beta1/pipelines/{created.Id}/versions/{((StringValue)created.Outputs.Get("versionId").Plain).Value}");

        var moved = await SeedAsync("v1");
        var after = PropertyValueCodec.FromStruct((await fixture.Client.CheckAsync(Urn, before, Inputs(source, "s3cret"))).Inputs);
        var diff = await fixture.Client.DiffAsync(test.Urn, created.Id, created.Outputs, created.Inputs, after);

        Assert.Contains($"{Host}/team/trainer:v1@{first}", version.ToJsonString(), StringComparison.Ordinal);
        Assert.NotEqual(first, moved);
        Assert.NotEqual(before.Get("specHash").Plain, after.Get("specHash").Plain);
        Assert.Equal(PropertyDiff.Types.Kind.Update, diff.DetailedDiff["specHash"].Kind);
        Assert.True(created.Outputs.Get("registries").IsSecret, "registries carry passwords: they must stay secret in state");
        await fixture.Client.DeleteAsync(test.Urn, created.Id, created.Outputs, created.Inputs);
    }

    [Fact]
    public async Task Check_WrongRegistryPassword_FailsOnPinImageDigestsNamingTheImage()
    {
        await SeedAsync("v2");
        var source = fixture.AddSource("pinned-bad.yaml", Definition("v2"));

        var check = await fixture.Client.CheckAsync(Urn, PropertyMap.Empty, Inputs(source, "wrong-password"));

        var failure = Assert.Single(check.Failures);
        Assert.Equal("pinImageDigests", failure.Property);
        Assert.Contains($"{Host}/team/trainer:v2", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", failure.Reason, StringComparison.Ordinal);
    }
}
