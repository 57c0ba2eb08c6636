using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>Checks each component: its interface, and that it is either a leaf with an executor or a DAG.</summary>
internal static class ComponentRules
{
    private static readonly string[] Sections = ["inputDefinitions", "outputDefinitions"];

    public static void Check(SpecIndex index, ProblemSink problems)
    {
        foreach (var (name, node) in Json.Entries(index.Spec, "components"))
        {
            var path = Json.Path("components", name);
            if (node is not JsonObject component)
            {
                problems.Add(path, "a component must be a mapping with 'executorLabel' or 'dag'.");
                continue;
            }

            CheckInterface(component, path, problems);
            var label = component["executorLabel"];
            var dag = component["dag"];
            if (label is not null && dag is not null)
            {
                problems.Add(path, "a component has either 'executorLabel' or 'dag', not both; remove one.");
            }
            else if (label is null && dag is null)
            {
                problems.Add(path, "the component has neither 'executorLabel' nor 'dag'; add the executor label of a deploymentSpec executor or a dag.");
            }
            else if (label is not null)
            {
                var text = Json.Str(component, "executorLabel");
                if (text is null || !index.Executors.ContainsKey(text))
                {
                    problems.Add(Json.Path(path, "executorLabel"),
                        $"executor {label.ToJsonString()} is not defined in deploymentSpec.executors; add it or fix the label.");
                }
            }
            else
            {
                DagRules.Check(index, component, path, problems);
            }
        }

        if (index.Spec["root"] is JsonObject root && root["dag"] is JsonObject)
        {
            CheckInterface(root, "root", problems);
            DagRules.Check(index, root, "root", problems);
        }
    }

    private static void CheckInterface(JsonObject component, string path, ProblemSink problems)
    {
        foreach (var section in Sections)
        {
            foreach (var (name, spec) in Json.Entries(Json.Obj(component, section), "parameters"))
            {
                var type = Json.Str(spec, "parameterType");
                if (type is null || !ParameterTypes.IsKnown(type))
                {
                    problems.Add(Json.Path(path, section, "parameters", name, "parameterType"),
                        $"parameterType must be one of {string.Join(", ", ParameterTypes.All)}.");
                    continue;
                }

                if ((spec as JsonObject)?.TryGetPropertyValue("defaultValue", out var value) == true
                    && ParameterTypes.Mismatch(type, value) is { } found)
                {
                    problems.Add(Json.Path(path, section, "parameters", name, "defaultValue"),
                        $"the default is {found} but the parameter is {type}; change the default or the type.");
                }
            }

            foreach (var (name, spec) in Json.Entries(Json.Obj(component, section), "artifacts"))
            {
                if (Json.Str(Json.Obj(spec, "artifactType"), "schemaTitle") is null
                    && Json.Str(Json.Obj(spec, "artifactType"), "instanceSchema") is null)
                {
                    problems.Add(Json.Path(path, section, "artifacts", name, "artifactType"),
                        "an artifact needs artifactType.schemaTitle (e.g. system.Dataset) and schemaVersion.");
                }
            }
        }
    }
}
