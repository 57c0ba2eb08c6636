using System.Collections.Immutable;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>
/// Decides a resource's diff from its definition: desired inputs against the recorded inputs, then against
/// the live object for properties that track drift. Pure: the live state is read before and passed in.
/// </summary>
internal static class Differ
{
    public static DiffResult Diff(ResourceDefinition definition, DiffContext context, LiveState live)
    {
        var changes = ImmutableSortedDictionary.CreateBuilder<string, PropertyChange>(StringComparer.Ordinal);
        if (live is LiveState.Gone)
        {
            changes[definition.IdProperty] = new PropertyChange(DiffKind.UpdateReplace, InputDiff: false);
        }
        var oldInputs = context.OldInputs.Count > 0 ? context.OldInputs : InputsFrom(definition, context.OldOutputs);
        var liveOutputs = (live as LiveState.Found)?.Live.Outputs;
        foreach (var spec in definition.Compared)
        {
            var desired = context.News.Get(spec.Name);
            var recorded = oldInputs.Get(spec.Name);
            if (spec.ComparedWhenRecorded && !oldInputs.Has(spec.Name))
            {
                continue;
            }
            if (!Equivalent(spec, desired, recorded))
            {
                foreach (var (path, kind) in NestedChanges.Between(spec.Name, recorded, desired, spec.ReplaceOnChanges))
                {
                    changes[path] = new PropertyChange(kind, InputDiff: true);
                }
            }
            else if (spec.TracksDrift && liveOutputs is not null && liveOutputs.ContainsKey(spec.Name)
                     && !Equivalent(spec, desired, liveOutputs.Get(spec.Name)))
            {
                changes[spec.Name] = new PropertyChange(Kind(liveOutputs.Get(spec.Name), desired, spec.ReplaceOnChanges), InputDiff: false);
            }
        }
        var result = new DiffResult(changes.ToImmutable(), DeleteBeforeReplace: false);
        // A replacement that keeps the same KFP/Kubernetes name must delete first: both cannot exist at once.
        var sameName = definition.Find("name") is { Input: true }
            && PropertyValueComparer.DeepEquals(context.News.Get("name"), oldInputs.Get("name"));
        // Also when nothing changed: a forced replacement (`--replace`) keeping the name must not find the old object
        // as "identical" and adopt it just before the old one is deleted. The engine reads this only for replacements.
        return result with { DeleteBeforeReplace = sameName && (result.IsReplace || result.Changes.Count == 0) };
    }

    /// <summary>The inputs recorded in outputs (state written before old inputs were sent to Diff).</summary>
    public static PropertyMap InputsFrom(ResourceDefinition definition, PropertyMap outputs) =>
        PropertyMap.From(definition.Compared.Where(s => outputs.Has(s.Name)).Select(s => KeyValuePair.Create(s.Name, outputs.Get(s.Name))));

    private static DiffKind Kind(PropertyValue old, PropertyValue desired, bool replace) => NestedChanges.Kind(old, desired, replace);

    /// <summary>
    /// Equal, or two spellings of one value (the property's <see cref="PropertySpec.Meaning"/>); KFP and Kubernetes
    /// omit empty fields, so an empty string, list or map equals an absent one.
    /// </summary>
    private static bool Equivalent(PropertySpec spec, PropertyValue a, PropertyValue b) =>
        PropertyValueComparer.DeepEquals(a, b) || BothEmpty(a, b)
        || (spec.Meaning is { } meaning && PropertyValueComparer.DeepEquals(meaning(a), meaning(b)));

    private static bool BothEmpty(PropertyValue a, PropertyValue b) => IsEmpty(a.Plain) && IsEmpty(b.Plain);

    private static bool IsEmpty(PropertyValue v) => v switch
    {
        NullValue => true,
        StringValue { Value.Length: 0 } => true,
        ArrayValue { Items.Length: 0 } => true,
        ObjectValue { Map.Count: 0 } => true,
        _ => false,
    };
}
