using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>
/// One property of a resource: the single source for the schema, Check's type validation, Diff's
/// replace decisions and the secret marking of outputs.
/// </summary>
internal sealed record PropertySpec(string Name, PropertyType Type, string Description)
{
    /// <summary>Set by the user (an input). Inputs are also echoed as outputs.</summary>
    public bool Input { get; init; } = true;

    /// <summary>The user must set it.</summary>
    public bool Required { get; init; }

    /// <summary>Always present in the outputs.</summary>
    public bool AlwaysOutput { get; init; }

    /// <summary>Stored and shown as a secret, whatever the input was.</summary>
    public bool Secret { get; init; }

    /// <summary>A change replaces the resource.</summary>
    public bool ReplaceOnChanges { get; init; }

    /// <summary>Compared with the live object during Diff, so out-of-band changes show as drift.</summary>
    public bool TracksDrift { get; init; }

    /// <summary>
    /// Not set by the user but computed by Check (e.g. a pipeline's <c>specHash</c>): recorded with the inputs,
    /// so preview knows it and Diff compares it; an output in the schema.
    /// </summary>
    public bool ComputedByCheck { get; init; }

    /// <summary>Diff compares it only when the recorded state has it (a detail explaining another change).</summary>
    public bool ComparedWhenRecorded { get; init; }

    /// <summary>Never compared by Diff (computed for display).</summary>
    public bool NeverCompared { get; init; }

    /// <summary>
    /// What Diff compares instead of the value itself, when two spellings mean the same (a 5-field cron and KFP's
    /// 6-field form of it): both sides are mapped through it. The value is still recorded and shown as written.
    /// </summary>
    public Func<PropertyValue, PropertyValue>? Meaning { get; init; }

    /// <summary>For <see cref="PropertyType.ObjectList"/>: the token of the item type in the schema.</summary>
    public string? ObjectType { get; init; }

    /// <summary>Schema default, shown in docs; Check applies defaults itself.</summary>
    public object? Default { get; init; }

    /// <summary>
    /// The environment variable read when the property is not set (provider configuration: <c>KFP_HOST</c> for
    /// <c>host</c>). The engine never reads the environment; whoever binds the configuration applies it.
    /// </summary>
    public string? Environment { get; init; }

    public static PropertySpec Output(string name, PropertyType type, string description) =>
        new(name, type, description) { Input = false, AlwaysOutput = true };
}
