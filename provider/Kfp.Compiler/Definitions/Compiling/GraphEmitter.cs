using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Writes a wired graph as KFP IR: one component <c>comp-&lt;task&gt;</c> and executor <c>exec-&lt;task&gt;</c>
/// per task, one DAG component per group (<c>comp-condition-1</c>, <c>comp-for-loop-2</c>, …) and the root.
/// </summary>
internal sealed class GraphEmitter(Graph graph, SubPipelines subPipelines)
{
    private readonly JsonObject _components = [];
    private readonly JsonObject _executors = [];

    public CompiledGraph Emit(IReadOnlyList<(string Name, JsonObject Output, IoType Type)> outputs)
    {
        var root = new JsonObject { ["dag"] = Dag(graph.Root) };
        if (outputs.Count > 0)
        {
            var dagOutputs = new JsonObject();
            foreach (var (name, output, type) in outputs)
            {
                var section = type.IsArtifact ? "artifacts" : "parameters";
                ((dagOutputs[section] ??= new JsonObject()) as JsonObject)![name] = output;
            }

            root["dag"]!["outputs"] = dagOutputs;
        }

        Set(root, "inputDefinitions", InterfaceEmitter.Definitions(graph.Pipeline.Parameters));
        Set(root, "outputDefinitions", InterfaceEmitter.Definitions(
            outputs.Select(o => new IoDefinition(o.Name, o.Type, null, false, false, null)), outputs: true));
        return new CompiledGraph(root, _components, _executors);
    }

    private JsonObject Dag(GraphNode owner)
    {
        var tasks = new JsonObject();
        var groups = owner.Children.Where(c => c.IsGroup).ToList();
        var groupComponents = new Dictionary<GraphNode, string>();
        foreach (var group in groups)
        {
            groupComponents[group] = Reserve("comp-" + group.Name);
        }

        foreach (var task in owner.Children.Where(c => !c.IsGroup))
        {
            if (TaskComponent(task) is { } componentName)
            {
                tasks[task.Name] = TaskSpecEmitter.Task(task, componentName);
            }
        }

        foreach (var group in groups)
        {
            var component = new JsonObject { ["dag"] = Dag(group) };
            Set(component, "inputDefinitions", InterfaceEmitter.GroupInputs(group.GroupInputs));
            Set(component, "outputDefinitions", InterfaceEmitter.CollectedOutputs(group.CollectedOutputs, group.SurfacedOutputs));
            _components[groupComponents[group]] = component;
            tasks[group.Name] = TaskSpecEmitter.Group(group, groupComponents[group]);
        }

        var dag = new JsonObject { ["tasks"] = tasks };
        Set(dag, "outputs", CollectedDagOutputs(owner));
        return dag;
    }

    private string? TaskComponent(GraphNode task)
    {
        if (task.Component is { } definition)
        {
            subPipelines.Budget.Charge(2, task.Path);
            var label = NameAllocator.MakeUnique("exec-" + task.Name, Keys(_executors));
            var executor = task.Task?.Importer is { } importer
                ? ImporterEmitter.Emit(importer, task)
                : ContainerEmitter.Emit(definition, task.Resources, graph.Problems);
            KubernetesPlatform.Attach(executor, task.Task?.Kubernetes);
            _executors[label] = executor;
            var component = new JsonObject { ["executorLabel"] = label };
            Set(component, "inputDefinitions", InterfaceEmitter.Definitions(definition.Inputs));
            Set(component, "outputDefinitions", InterfaceEmitter.Definitions(definition.Outputs, outputs: true));
            var name = Reserve("comp-" + task.Name);
            _components[name] = component;
            return name;
        }

        if (task.SubPipeline is { } pipeline && subPipelines.Get(pipeline, Json.Path(task.Path, "pipeline")) is { } compiled)
        {
            subPipelines.Budget.Charge(compiled.Components.Count + compiled.Executors.Count + 1, task.Path);
            var root = SubPipelineMerger.Merge(compiled, _components, _executors);
            var name = Reserve("comp-" + task.Name);
            _components[name] = root;
            return name;
        }

        return null;
    }

    private static JsonObject? CollectedDagOutputs(GraphNode owner)
    {
        if (owner.CollectedOutputs.Count == 0 && owner.SurfacedOutputs.Count == 0)
        {
            return null;
        }

        var parameters = new JsonObject();
        var artifacts = new JsonObject();
        foreach (var (key, output) in owner.CollectedOutputs)
        {
            if (output.ItemType.IsArtifact)
            {
                artifacts[key] = new JsonObject
                {
                    ["artifactSelectors"] = new JsonArray(new JsonObject { ["outputArtifactKey"] = output.Key, ["producerSubtask"] = output.Producer }),
                };
            }
            else
            {
                parameters[key] = new JsonObject
                {
                    ["valueFromParameter"] = new JsonObject { ["outputParameterKey"] = output.Key, ["producerSubtask"] = output.Producer },
                };
            }
        }

        foreach (var (key, output) in owner.SurfacedOutputs)
        {
            var artifact = output.Type.IsArtifact;
            var selectors = new JsonArray([.. output.Selectors.Select(s => (JsonNode)new JsonObject
            {
                [artifact ? "outputArtifactKey" : "outputParameterKey"] = s.Key,
                ["producerSubtask"] = s.Producer,
            })]);
            if (artifact)
            {
                artifacts[key] = output.OneOf ? new JsonObject { ["artifactSelectors"] = selectors } : new JsonObject { ["artifactSelectors"] = selectors };
            }
            else
            {
                parameters[key] = output.OneOf
                    ? new JsonObject { ["valueFromOneof"] = new JsonObject { ["parameterSelectors"] = selectors } }
                    : new JsonObject { ["valueFromParameter"] = selectors[0]!.DeepClone() };
            }
        }

        var result = new JsonObject();
        Set(result, "artifacts", artifacts.Count > 0 ? artifacts : null);
        Set(result, "parameters", parameters.Count > 0 ? parameters : null);
        return result;
    }

    private string Reserve(string name)
    {
        var unique = NameAllocator.MakeUnique(name, Keys(_components));
        _components[unique] = new JsonObject();
        return unique;
    }

    private static List<string> Keys(JsonObject obj) => [.. obj.Select(p => p.Key)];

    private static void Set(JsonObject target, string key, JsonObject? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }
}
