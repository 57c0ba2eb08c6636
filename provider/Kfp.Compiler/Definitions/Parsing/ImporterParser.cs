using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>
/// Reads a task's <c>importer: {uri, type, reimport, metadata}</c>, the definition's <c>dsl.importer</c>:
/// <c>uri</c> is a constant, <c>{parameter}</c> or <c>{task, output}</c>; <c>type</c> an artifact type (default Artifact).
/// </summary>
internal static class ImporterParser
{
    public static (ImporterDefinition Importer, ValueRef Uri)? Parse(Reader reader, JsonObject task, string taskPath)
    {
        if (reader.Mapping(task, "importer", taskPath) is not { } importer)
        {
            return null;
        }

        var path = Json.Path(taskPath, "importer");
        reader.CheckKeys(importer, path, "uri", "type", "reimport", "metadata");
        if (!importer.ContainsKey("uri"))
        {
            reader.Add(Json.Path(path, "uri"), "'uri' is required: the artifact's URI, e.g. gs://bucket/data.csv, or {parameter: name}.");
        }

        var typeName = reader.OptionalString(importer, "type", path) ?? "Artifact";
        var type = TypeParser.Parse(typeName);
        if (type is not { IsArtifact: true, IsList: false })
        {
            reader.Add(Json.Path(path, "type"), $"'{typeName}' is not an artifact type; use Artifact, Dataset, Model, … or a schema title such as system.Dataset.");
            type = IoType.Artifact("system.Artifact");
        }

        return (new ImporterDefinition(type, reader.Bool(importer, "reimport", path, false), reader.Mapping(importer, "metadata", path)?.DeepClone().AsObject()),
            ValueParser.Parse(reader, importer["uri"], Json.Path(path, "uri")));
    }
}
