using System.Net.Http.Json;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

public sealed class ExperimentLifecycleTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Type = "kfp:index:Experiment";

    private static PropertyMap Inputs(string? name, string? description = null)
    {
        var map = PropertyMap.Empty;
        if (name is not null)
        {
            map = map.With("name", PropertyValue.Of(name));
        }
        return description is null ? map : map.With("description", PropertyValue.Of(description));
    }

    private static string Text(PropertyMap map, string key) => Assert.IsType<StringValue>(map.Get(key).Plain).Value;

    [Fact]
    public async Task Lifecycle_CreateNoChangeReplaceDelete_MatchesKfp()
    {
        var test = new LifecycleTest(fixture.Client, Type, "exp-life");
        string? firstId = null;

        var final = await test.RunAsync(
            new LifecycleStep(Inputs("nightly", "first"), s =>
            {
                firstId = s.Id;
                Assert.Equal(s.Id, Text(s.Outputs, "experimentId"));
                Assert.Equal("AVAILABLE", Text(s.Outputs, "storageState"));
            }),
            new LifecycleStep(Inputs("nightly", "first")) { ExpectChanges = DiffResponse.Types.DiffChanges.DiffNone },
            new LifecycleStep(Inputs("nightly", "second"), s =>
            {
                Assert.NotEqual(firstId, s.Id);
                Assert.True(s.LastDiff!.DeleteBeforeReplace, "same name: KFP's uniqueness rule needs delete-before-replace");
                Assert.Equal(PropertyDiff.Types.Kind.UpdateReplace, s.LastDiff.DetailedDiff["description"].Kind);
            }) { ExpectReplace = true });

        var read = await fixture.Client.ReadAsync(test.Urn, final.Id, final.Outputs, final.Inputs);
        Assert.Equal("", read.Id);
    }

    [Fact]
    public async Task Check_NoName_AutonamesStablyFromSeed()
    {
        var urn = $"urn:pulumi:test::lifecycle::{Type}::auto";

        var first = PropertyValueCodec.FromStruct((await fixture.Client.CheckAsync(urn, PropertyMap.Empty, PropertyMap.Empty)).Inputs);
        var again = PropertyValueCodec.FromStruct((await fixture.Client.CheckAsync(urn, PropertyMap.Empty, PropertyMap.Empty)).Inputs);
        var kept = PropertyValueCodec.FromStruct((await fixture.Client.CheckAsync(urn, first, PropertyMap.Empty, seed: [9, 9, 9])).Inputs);

        Assert.StartsWith("auto-", Text(first, "name"), StringComparison.Ordinal);
        Assert.Equal(Text(first, "name"), Text(again, "name"));
        Assert.Equal(Text(first, "name"), Text(kept, "name"));
    }

    [Fact]
    public async Task Check_WrongTypesAndUnknownKeys_FailPerProperty()
    {
        var news = PropertyMap.Empty.With("name", PropertyValue.Of([PropertyValue.Of("x")])).With("colour", PropertyValue.Of("red"));

        var check = await fixture.Client.CheckAsync($"urn:pulumi:test::lifecycle::{Type}::bad", PropertyMap.Empty, news);

        Assert.Contains(check.Failures, f => f.Property == "name" && f.Reason.Contains("expected a string", StringComparison.Ordinal));
        Assert.Contains(check.Failures, f => f.Property == "colour" && f.Reason.Contains("not an input", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreatePreview_UnknownInput_ReturnsInputsAndUnknownOutputs()
    {
        var inputs = Inputs("preview-only").With("description", PropertyValue.Unknown);

        var preview = await fixture.Client.CreateAsync($"urn:pulumi:test::lifecycle::{Type}::p", inputs, preview: true);

        var outputs = PropertyValueCodec.FromStruct(preview.Properties);
        Assert.Equal("preview-only", Text(outputs, "name"));
        Assert.IsType<UnknownValue>(outputs["experimentId"]);
        Assert.IsType<UnknownValue>(outputs["description"]);
        Assert.Equal("", preview.Id);
    }

    [Fact]
    public async Task Diff_DeletedOutOfBand_ShowsReplacementAndReadReportsGone()
    {
        var test = new LifecycleTest(fixture.Client, Type, "oob");
        var state = await test.CreateAsync(Inputs("deleted-by-hand"), PropertyMap.Empty);
        using var http = new HttpClient();
        (await http.DeleteAsync(new Uri(fixture.Emulator.KfpUrl, $"/apis/v2beta1/experiments/{state.Id}"))).EnsureSuccessStatusCode();

        var diff = await fixture.Client.DiffAsync(test.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs);
        var read = await fixture.Client.ReadAsync(test.Urn, state.Id, state.Outputs, state.Inputs);

        Assert.Equal(DiffResponse.Types.DiffChanges.DiffSome, diff.Changes);
        Assert.Equal(PropertyDiff.Types.Kind.UpdateReplace, diff.DetailedDiff["experimentId"].Kind);
        Assert.False(diff.DetailedDiff["experimentId"].InputDiff);
        Assert.Equal("", read.Id);
        await fixture.Client.DeleteAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
    }

    [Fact]
    public async Task Read_ImportWithIdOnly_ReturnsInputs()
    {
        using var http = new HttpClient();
        var created = await http.PostAsJsonAsync(new Uri(fixture.Emulator.KfpUrl, "/apis/v2beta1/experiments"),
            new Dictionary<string, string> { ["display_name"] = "made-in-ui", ["description"] = "by hand" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["experiment_id"].ToString()!;

        var read = await fixture.Client.ReadAsync($"urn:pulumi:test::lifecycle::{Type}::imported", id, null, null);

        var inputs = PropertyValueCodec.FromStruct(read.Inputs);
        Assert.Equal(id, read.Id);
        Assert.Equal("made-in-ui", Text(inputs, "name"));
        Assert.Equal("by hand", Text(inputs, "description"));
        var check = await fixture.Client.CheckAsync($"urn:pulumi:test::lifecycle::{Type}::imported", inputs, inputs);
        Assert.Empty(check.Failures);
    }

    [Fact]
    public async Task Create_NameTakenByADifferentExperiment_FailsWithImportHint()
    {
        var test = new LifecycleTest(fixture.Client, Type, "dup");
        var first = await test.CreateAsync(Inputs("taken", "the first"), PropertyMap.Empty);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Client.CreateAsync(test.Urn, Inputs("taken", "another"), preview: false));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Contains("pulumi import kfp:index:Experiment", error.Message, StringComparison.Ordinal);
        await fixture.Client.DeleteAsync(test.Urn, first.Id, first.Outputs, first.Inputs);
    }

    [Fact]
    public async Task Create_IdenticalExperimentExists_AdoptsItInsteadOfFailing()
    {
        var test = new LifecycleTest(fixture.Client, Type, "adopt");
        var first = await test.CreateAsync(Inputs("adopt-me", "same"), PropertyMap.Empty);

        var again = await fixture.Client.CreateAsync(test.Urn, first.Inputs, preview: false);

        Assert.Equal(first.Id, again.Id);
        using var kfp = new KfpProbe(fixture.Emulator);
        var list = await kfp.GetAsync("/apis/v2beta1/experiments?page_size=100");
        Assert.Single(list["experiments"]!.AsArray(), e => e!["display_name"]!.GetValue<string>() == "adopt-me");
        await fixture.Client.DeleteAsync(test.Urn, first.Id, first.Outputs, first.Inputs);
    }

    [Fact]
    public async Task Delete_AlreadyGone_Succeeds()
    {
        await fixture.Client.DeleteAsync($"urn:pulumi:test::lifecycle::{Type}::gone", "00000000-0000-0000-0000-000000000000", Inputs("gone"), Inputs("gone"));
    }
}
