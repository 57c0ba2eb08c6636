namespace Kfp.Compiler.Frameworks;

/// <summary>The framework a compile uses: a built-in one or an external definition.</summary>
internal sealed record ChosenFramework(string Name, FrameworkDefinition? External)
{
    public static ChosenFramework BuiltIn(string name) => new(name, null);
}
