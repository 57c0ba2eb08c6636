namespace Kfp.Compiler;

/// <summary>Names of the frameworks that need no definition.</summary>
public static class BuiltInFrameworks
{
    /// <summary>The source already is KFP IR (YAML or JSON).</summary>
    public const string Ir = "ir";

    /// <summary>The source is a declarative pipeline definition (see docs/definition-format.md).</summary>
    public const string Definition = "definition";

    /// <summary>True when <paramref name="name"/> is a built-in framework name.</summary>
    public static bool IsBuiltIn(string name) => name is Ir or Definition;
}
