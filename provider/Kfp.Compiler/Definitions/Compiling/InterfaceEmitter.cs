using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>Writes <c>inputDefinitions</c> / <c>outputDefinitions</c> from declared inputs, outputs and group channels.</summary>
internal static class InterfaceEmitter
{
    public static JsonObject? Definitions(IEnumerable<IoDefinition> items, bool outputs = false)
    {
        var parameters = new JsonObject();
        var artifacts = new JsonObject();
        foreach (var item in items)
        {
            var spec = Spec(item.Type);
            if (!outputs && item.HasDefault)
            {
                spec["defaultValue"] = item.Default?.DeepClone();
            }

            if (!outputs && (item.HasDefault || item.Optional))
            {
                spec["isOptional"] = true;
            }

            if (item.Description is { } description)
            {
                spec["description"] = description;
            }

            (item.Type.IsArtifact ? artifacts : parameters)[item.Name] = spec;
        }

        return Wrap(parameters, artifacts);
    }

    public static JsonObject? GroupInputs(IEnumerable<Channel> channels) =>
        Definitions(channels.Select(c => new IoDefinition(c.InputName, c.Type, null, false, false, null)), outputs: true);

    public static JsonObject? CollectedOutputs(
        IEnumerable<KeyValuePair<string, CollectedOutput>> outputs, IEnumerable<KeyValuePair<string, SurfacedOutput>> surfaced)
    {
        var parameters = new JsonObject();
        var artifacts = new JsonObject();
        foreach (var (name, output) in surfaced)
        {
            (output.Type.IsArtifact ? artifacts : parameters)[name] = Spec(output.Type);
        }

        foreach (var (name, output) in outputs)
        {
            if (output.ItemType.IsArtifact)
            {
                artifacts[name] = Spec(output.ItemType with { IsList = true });
            }
            else
            {
                parameters[name] = Spec(IoType.Parameter("LIST"));
            }
        }

        return Wrap(parameters, artifacts);
    }

    public static JsonObject Spec(IoType type)
    {
        if (!type.IsArtifact)
        {
            return new JsonObject { ["parameterType"] = type.ParameterType };
        }

        var spec = new JsonObject { ["artifactType"] = new JsonObject { ["schemaTitle"] = type.SchemaTitle, ["schemaVersion"] = IoType.ArtifactSchemaVersion } };
        if (type.IsList)
        {
            spec["isArtifactList"] = true;
        }

        return spec;
    }

    private static JsonObject? Wrap(JsonObject parameters, JsonObject artifacts)
    {
        var result = new JsonObject();
        if (artifacts.Count > 0)
        {
            result["artifacts"] = artifacts;
        }

        if (parameters.Count > 0)
        {
            result["parameters"] = parameters;
        }

        return result.Count == 0 ? null : result;
    }
}
