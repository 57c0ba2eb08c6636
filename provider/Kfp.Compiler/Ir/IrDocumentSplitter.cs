using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Kfp.Compiler;

/// <summary>Sorts parsed documents into the PipelineSpec and the optional PlatformSpec.</summary>
internal static class IrDocumentSplitter
{
    private static readonly Dictionary<string, string> SnakeCaseTopLevel = new(StringComparer.Ordinal)
    {
        ["pipeline_info"] = "pipelineInfo",
        ["deployment_spec"] = "deploymentSpec",
        ["sdk_version"] = "sdkVersion",
        ["schema_version"] = "schemaVersion",
        ["default_pipeline_root"] = "defaultPipelineRoot",
    };

    public static IrDocument? Split(IReadOnlyList<JsonNode?> documents, ImmutableArray<CompileProblem>.Builder problems)
    {
        var objects = documents.Where(d => d is not null).ToList();
        if (objects.Count == 0)
        {
            problems.Add(new CompileProblem(string.Empty,
                "the file holds no pipeline: it is empty or only comments; compile the pipeline to KFP IR (schemaVersion 2.1.0) first."));
            return null;
        }

        JsonObject? pipeline = null;
        JsonObject? platform = null;
        for (var i = 0; i < objects.Count; i++)
        {
            if (objects[i] is not JsonObject obj)
            {
                problems.Add(new CompileProblem($"(document {i + 1})", "a YAML/JSON document must be a mapping, not a list or a scalar."));
                continue;
            }

            if (obj.ContainsKey("pipeline_spec") || obj.ContainsKey("pipelineSpec"))
            {
                pipeline = Assign(pipeline, (obj["pipeline_spec"] ?? obj["pipelineSpec"]) as JsonObject, "PipelineSpec", i, problems);
                platform = Assign(platform, (obj["platform_spec"] ?? obj["platformSpec"]) as JsonObject, "PlatformSpec", i, problems);
            }
            else if (obj.ContainsKey("platforms") && obj.Count == 1)
            {
                platform = Assign(platform, obj, "PlatformSpec", i, problems);
            }
            else
            {
                pipeline = Assign(pipeline, obj, "PipelineSpec", i, problems);
            }
        }

        if (pipeline is null)
        {
            problems.Add(new CompileProblem(string.Empty,
                "the file holds a PlatformSpec but no PipelineSpec; put the PipelineSpec first and the PlatformSpec after '---'."));
            return null;
        }

        // The parsed documents belong to this load: take the specs out of them instead of copying them.
        return new IrDocument(RenameSnakeCase(Detach(pipeline)), platform is null ? null : Detach(platform));
    }

    private static JsonObject Detach(JsonObject node)
    {
        if (node.Parent is JsonObject parent)
        {
            parent.Remove(node.GetPropertyName());
        }

        return node;
    }

    private static JsonObject? Assign(JsonObject? current, JsonObject? next, string kind, int index, ImmutableArray<CompileProblem>.Builder problems)
    {
        if (next is null)
        {
            return current;
        }

        if (current is not null)
        {
            problems.Add(new CompileProblem($"(document {index + 1})",
                $"the file holds more than one {kind}; KFP accepts at most one PipelineSpec and one PlatformSpec per file."));
            return current;
        }

        return next;
    }

    private static JsonObject RenameSnakeCase(JsonObject spec)
    {
        foreach (var (snake, camel) in SnakeCaseTopLevel)
        {
            if (spec.ContainsKey(snake) && !spec.ContainsKey(camel))
            {
                var value = spec[snake];
                spec.Remove(snake);
                spec[camel] = value;
            }
        }

        return spec;
    }
}
