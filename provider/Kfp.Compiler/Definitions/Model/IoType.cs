namespace Kfp.Compiler.Definitions.Model;

/// <summary>The type of a parameter (<see cref="ParameterType"/>) or of an artifact (<see cref="SchemaTitle"/>).</summary>
internal sealed record IoType(string? ParameterType, string? SchemaTitle)
{
    public const string ArtifactSchemaVersion = "0.0.1";

    public bool IsArtifact => SchemaTitle is not null;

    public static IoType Parameter(string type) => new(type, null);

    public static IoType Artifact(string schemaTitle) => new(null, schemaTitle);

    public override string ToString() => ParameterType ?? SchemaTitle ?? "?";
}
