namespace Kfp.Provider.Engine.Binding;

/// <summary>
/// What a field declares about its property, beyond its type and description: the attributes the schema,
/// Check, Diff and the secret marking read.
/// </summary>
[Flags]
internal enum Prop
{
    None = 0,

    /// <summary>The user must set it (Check fails otherwise; schema <c>requiredInputs</c>).</summary>
    Required = 1,

    /// <summary>A change replaces the resource.</summary>
    Replace = 2,

    /// <summary>Compared with the live object during Diff, so out-of-band changes show as drift.</summary>
    Drift = 4,

    /// <summary>Stored and shown as a secret, whatever the input was.</summary>
    Secret = 8,

    /// <summary>Not set by the user but computed by Check (recorded with the inputs; an output in the schema).</summary>
    Computed = 16,

    /// <summary>
    /// With <see cref="Computed"/>: a detail that explains a change of another computed property (a pipeline's
    /// <c>tasks</c> explain its <c>specHash</c>). Diff compares it entry by entry, but only when the recorded state
    /// has it, so state written before it existed shows no change.
    /// </summary>
    Explains = 32,

    /// <summary>With <see cref="Computed"/>: for people to read (a chart); known in preview, never compared by Diff.</summary>
    Display = 64,

    /// <summary>For an output: absent when it does not apply (left out of the schema's <c>required</c> list).</summary>
    Optional = 128,
}
