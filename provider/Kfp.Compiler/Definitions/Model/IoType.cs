namespace Kfp.Compiler.Definitions.Model;

/// <summary>The type of a parameter (<see cref="ParameterType"/>) or of an artifact (<see cref="SchemaTitle"/>).</summary>
internal sealed record IoType(string? ParameterType, string? SchemaTitle, bool IsList = false)
{
    public const string ArtifactSchemaVersion = "0.0.1";

    public bool IsArtifact => SchemaTitle is not null;

    public static IoType Parameter(string type) => new(type, null);

    public static IoType Artifact(string schemaTitle) => new(null, schemaTitle);

    /// <summary>True when a value of this type may feed an input of type <paramref name="target"/>.</summary>
    public bool Fits(IoType target) => IsArtifact == target.IsArtifact && (IsArtifact
        ? IsList == target.IsList && (SchemaTitle == target.SchemaTitle || target.SchemaTitle == "system.Artifact")
        : Validation.ParameterTypes.Compatible(ParameterType, target.ParameterType));

    public override string ToString() => ParameterType ?? (IsList ? $"{SchemaTitle}[]" : SchemaTitle) ?? "?";
}
