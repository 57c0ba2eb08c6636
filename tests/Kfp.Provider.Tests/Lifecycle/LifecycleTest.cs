using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>One step of a lifecycle: the program's inputs and what to check once the engine would be done.</summary>
internal sealed record LifecycleStep(PropertyMap Inputs, Action<LifecycleState>? Verify = null)
{
    /// <summary>What the diff must decide: null = do not check.</summary>
    public DiffResponse.Types.DiffChanges? ExpectChanges { get; init; }

    public bool? ExpectReplace { get; init; }
}

/// <summary>The resource as the engine's state would hold it after a step.</summary>
internal sealed record LifecycleState(string Id, PropertyMap Inputs, PropertyMap Outputs, DiffResponse? LastDiff);

/// <summary>
/// Drives one resource through the engine's script (pulumi-go-provider's LifeCycleTest): Check → Create
/// preview → Create; for each update Check → Diff → Update (preview, then real) or a replacement in the
/// order the engine uses; finally Delete. Every answer is checked as the engine would check it.
/// </summary>
internal sealed class LifecycleTest(ProviderClient client, string type, string name)
{
    public string Urn { get; } = $"urn:pulumi:test::lifecycle::{type}::{name}";

    public async Task<LifecycleState> RunAsync(LifecycleStep create, params LifecycleStep[] updates)
    {
        var state = await CreateAsync(create.Inputs, olds: PropertyMap.Empty);
        create.Verify?.Invoke(state);
        foreach (var step in updates)
        {
            state = await UpdateAsync(state, step);
            step.Verify?.Invoke(state);
        }
        await client.DeleteAsync(Urn, state.Id, state.Outputs, state.Inputs);
        return state;
    }

    public async Task<LifecycleState> CreateAsync(PropertyMap inputs, PropertyMap olds)
    {
        var check = await client.CheckAsync(Urn, olds, inputs);
        Assert.True(check.Failures.Count == 0, "Check failed: " + string.Join("; ", check.Failures.Select(f => $"{f.Property}: {f.Reason}")));
        var checkedInputs = PropertyValueCodec.FromStruct(check.Inputs);
        var preview = await client.CreateAsync(Urn, checkedInputs, preview: true);
        var previewOutputs = PropertyValueCodec.FromStruct(preview.Properties);
        Assert.All(checkedInputs, p => Assert.True(previewOutputs.ContainsKey(p.Key), $"preview dropped input {p.Key}"));
        var created = await client.CreateAsync(Urn, checkedInputs, preview: false);
        Assert.False(string.IsNullOrEmpty(created.Id), "Create returned no ID");
        var outputs = PropertyValueCodec.FromStruct(created.Properties);
        Assert.False(outputs.Values.Any(v => v.ContainsUnknowns), "Create returned unknown outputs");
        return new LifecycleState(created.Id, checkedInputs, outputs, null);
    }

    private async Task<LifecycleState> UpdateAsync(LifecycleState state, LifecycleStep step)
    {
        var check = await client.CheckAsync(Urn, state.Inputs, step.Inputs);
        Assert.True(check.Failures.Count == 0, "Check failed: " + string.Join("; ", check.Failures.Select(f => $"{f.Property}: {f.Reason}")));
        var news = PropertyValueCodec.FromStruct(check.Inputs);
        var diff = await client.DiffAsync(Urn, state.Id, state.Outputs, state.Inputs, news);
        Assert.NotEqual(DiffResponse.Types.DiffChanges.DiffUnknown, diff.Changes);
        if (step.ExpectChanges is { } expected)
        {
            Assert.Equal(expected, diff.Changes);
        }
        var replace = diff.Replaces.Count > 0
            || diff.DetailedDiff.Values.Any(d => d.Kind is PropertyDiff.Types.Kind.AddReplace or PropertyDiff.Types.Kind.UpdateReplace or PropertyDiff.Types.Kind.DeleteReplace);
        if (step.ExpectReplace is { } expectReplace)
        {
            Assert.Equal(expectReplace, replace);
        }
        if (diff.Changes == DiffResponse.Types.DiffChanges.DiffNone)
        {
            return state with { LastDiff = diff };
        }
        if (!replace)
        {
            await client.UpdateAsync(Urn, state.Id, state.Outputs, state.Inputs, news, preview: true);
            var updated = await client.UpdateAsync(Urn, state.Id, state.Outputs, state.Inputs, news, preview: false);
            var outputs = PropertyValueCodec.FromStruct(updated.Properties);
            Assert.False(outputs.Values.Any(v => v.ContainsUnknowns), "Update returned unknown outputs");
            return new LifecycleState(state.Id, news, outputs, diff);
        }
        if (diff.DeleteBeforeReplace)
        {
            await client.DeleteAsync(Urn, state.Id, state.Outputs, state.Inputs);
            return await CreateAsync(step.Inputs, PropertyMap.Empty) with { LastDiff = diff };
        }
        var replacement = await CreateAsync(step.Inputs, PropertyMap.Empty);
        await client.DeleteAsync(Urn, state.Id, state.Outputs, state.Inputs);
        return replacement with { LastDiff = diff };
    }
}
