namespace Kfp.Compiler.Yaml;

/// <summary>
/// Bounds on what one YAML load may cost, so a small hostile file (an alias bomb, a deeply nested
/// document) fails fast instead of growing the process. The defaults admit any pipeline KFP itself
/// accepts (its uploads stop at 32 MiB) with room to spare.
/// </summary>
public sealed record YamlLimits
{
    /// <summary>The defaults used by the compiler.</summary>
    public static YamlLimits Default { get; } = new();

    /// <summary>Largest accepted text, in characters (KFP's own upload limit is 32 MiB).</summary>
    public int MaxChars { get; init; } = 32 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>Most alias uses (<c>*name</c>) in one file.</summary>
    public int MaxAliases { get; init; } = 10_000;

    /// <summary>Most values (mappings, sequences, scalars) that aliases may copy in one file.</summary>
    public long MaxAliasCopies { get; init; } = 200_000;

    /// <summary>Most values (mappings, sequences, scalars) built, counting every copy an alias makes.</summary>
    public long MaxNodes { get; init; } = 2_000_000;

    /// <summary>Most scalar characters built, counting every copy an alias makes.</summary>
    public long MaxScalarChars { get; init; } = 64L * 1024 * 1024;
}
