using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Writes an importer's executor as the KFP SDK does: <c>{importer: {artifactUri, typeSchema, metadata, reimport}}</c>,
/// the URI as a constant when the task's <c>uri</c> is one, else as the runtime parameter <c>uri</c>.
/// </summary>
internal static class ImporterEmitter
{
    public static JsonObject Emit(ImporterDefinition importer, GraphNode node)
    {
        var uri = node.ParameterInputs.GetValueOrDefault(ImporterDefinition.UriInput)?["runtimeValue"]?["constant"] is { } constant
            ? new JsonObject { ["constant"] = constant.DeepClone() }
            : new JsonObject { ["runtimeParameter"] = ImporterDefinition.UriInput };
        var spec = new JsonObject
        {
            ["artifactUri"] = uri,
            ["typeSchema"] = new JsonObject { ["schemaTitle"] = importer.Type.SchemaTitle, ["schemaVersion"] = IoType.ArtifactSchemaVersion },
        };
        if (importer.Metadata is { Count: > 0 } metadata)
        {
            spec["metadata"] = metadata.DeepClone();
        }

        if (importer.Reimport)
        {
            spec["reimport"] = true;
        }

        return new JsonObject { ["importer"] = spec };
    }
}
