using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>Reads a <c>tasks</c> list: tasks, and condition / loop / exitHandler groups with their own <c>tasks</c>.</summary>
internal static class TaskParser
{
    private static readonly string[] Operators = ["==", "!=", "<", "<=", ">", ">="];

    private static readonly string[] NotForImporters = ["arguments", "kubernetes", "resources"];

    public static ImmutableArray<TaskNode> ParseList(Reader reader, JsonObject owner, string path)
    {
        var node = owner["tasks"];
        var listPath = Json.Path(path, "tasks");
        if (node is not JsonArray list)
        {
            reader.Add(listPath, "'tasks' must be a list of tasks; add at least one task.");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<TaskNode>();
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = $"{listPath}[{i}]";
            if (list[i] is not JsonObject item)
            {
                reader.Add(itemPath, "a task must be a mapping with 'component' (or 'pipeline', 'importer', 'condition', 'branches', 'loop', 'exitHandler').");
                continue;
            }

            result.Add(Parse(reader, item, itemPath));
        }

        return result.ToImmutable();
    }

    private static TaskNode Parse(Reader reader, JsonObject item, string path)
    {
        if (item.ContainsKey("branches"))
        {
            reader.CheckKeys(item, path, "branches");
            return ParseBranches(reader, item["branches"], Json.Path(path, "branches"), path);
        }

        if (item.ContainsKey("condition"))
        {
            reader.CheckKeys(item, path, "condition", "tasks");
            var test = ParseTest(reader, item, path);
            return new ConditionGroup(test.Left, test.Operator, test.Right, ParseList(reader, item, path), path);
        }

        if (item.ContainsKey("loop"))
        {
            reader.CheckKeys(item, path, "loop", "tasks");
            var loop = reader.Mapping(item, "loop", path) ?? [];
            var loopPath = Json.Path(path, "loop");
            reader.CheckKeys(loop, loopPath, "items", "as", "itemType", "parallelism");
            if (!loop.ContainsKey("items"))
            {
                reader.Add(Json.Path(loopPath, "items"), "'items' is required: a list, {parameter: name} or {task: name, output: key}.");
            }

            return new LoopGroup(
                ValueParser.Parse(reader, loop["items"], Json.Path(loopPath, "items")),
                reader.OptionalString(loop, "as", loopPath) ?? "item",
                reader.OptionalString(loop, "itemType", loopPath),
                reader.Int(loop, "parallelism", loopPath, 0),
                ParseList(reader, item, path), path);
        }

        if (item.ContainsKey("exitHandler"))
        {
            reader.CheckKeys(item, path, "exitHandler", "tasks");
            var handler = reader.Mapping(item, "exitHandler", path) ?? [];
            var handlerPath = Json.Path(path, "exitHandler");
            reader.CheckKeys(handler, handlerPath, "exitTask");
            var exitPath = Json.Path(handlerPath, "exitTask");
            var exitTask = reader.Mapping(handler, "exitTask", handlerPath);
            if (exitTask is null)
            {
                reader.Add(exitPath, "'exitTask' is required: the task that runs when the group ends.");
            }

            return new ExitHandlerGroup(ParseTask(reader, exitTask ?? [], exitPath), ParseList(reader, item, path), path);
        }

        return ParseTask(reader, item, path);
    }

    /// <summary>A list of two or more <c>{condition, tasks}</c>; the last may be just <c>{tasks}</c>, the else.</summary>
    private static BranchesGroup ParseBranches(Reader reader, JsonNode? node, string listPath, string path)
    {
        var branches = ImmutableArray.CreateBuilder<Branch>();
        if (node is not JsonArray list || list.Count < 2)
        {
            reader.Add(listPath, "'branches' must list two or more {condition, tasks} (the if and elifs), the last may be {tasks} alone (the else); use 'condition' for a single branch.");
            return new BranchesGroup([], path);
        }

        for (var i = 0; i < list.Count; i++)
        {
            var branchPath = $"{listPath}[{i}]";
            if (list[i] is not JsonObject branch)
            {
                reader.Add(branchPath, "a branch must be a mapping with 'condition' and 'tasks'.");
                continue;
            }

            reader.CheckKeys(branch, branchPath, "condition", "tasks");
            ConditionTest? test = null;
            if (branch.ContainsKey("condition"))
            {
                test = ParseTest(reader, branch, branchPath);
            }
            else if (i < list.Count - 1)
            {
                reader.Add(Json.Path(branchPath, "condition"), "only the last branch (the else) may have no condition.");
            }

            branches.Add(new Branch(test, ParseList(reader, branch, branchPath), branchPath));
        }

        return new BranchesGroup(branches.ToImmutable(), path);
    }

    private static ConditionTest ParseTest(Reader reader, JsonObject item, string path)
    {
        var condition = reader.Mapping(item, "condition", path) ?? [];
        var conditionPath = Json.Path(path, "condition");
        reader.CheckKeys(condition, conditionPath, "left", "operator", "right");
        var op = reader.RequiredString(condition, "operator", conditionPath, $"use one of {string.Join(" ", Operators)}.");
        if (op.Length > 0 && !Operators.Contains(op, StringComparer.Ordinal))
        {
            reader.Add(Json.Path(conditionPath, "operator"), $"unknown operator '{op}'; use one of {string.Join(" ", Operators)}.");
        }

        return new ConditionTest(
            ValueParser.Parse(reader, condition["left"], Json.Path(conditionPath, "left")), op,
            ValueParser.Parse(reader, condition["right"], Json.Path(conditionPath, "right")), path);
    }

    private static TaskDefinition ParseTask(Reader reader, JsonObject item, string path)
    {
        reader.CheckKeys(item, path, "name", "component", "pipeline", "importer", "createPvc", "deletePvc", "displayName", "arguments", "after", "caching", "retry", "kubernetes", "resources");
        var component = reader.OptionalString(item, "component", path);
        var pipeline = reader.OptionalString(item, "pipeline", path);
        var importer = ImporterParser.Parse(reader, item, path);
        var pvc = PvcTaskParser.Parse(reader, item, path);
        if ((component is null ? 0 : 1) + (pipeline is null ? 0 : 1) + (importer is null ? 0 : 1) + (pvc is null ? 0 : 1) != 1)
        {
            reader.Add(path, "a task needs exactly one of 'component' (a key of components), 'pipeline' (a key of pipelines), 'importer', 'createPvc' or 'deletePvc'.");
        }

        var arguments = ImmutableArray.CreateBuilder<KeyValuePair<string, ValueRef>>();
        foreach (var (name, value) in reader.Mapping(item, "arguments", path) ?? [])
        {
            arguments.Add(KeyValuePair.Create(name, ValueParser.Parse(reader, value, Json.Path(Json.Path(path, "arguments"), name))));
        }

        if (importer is { } imported)
        {
            foreach (var key in NotForImporters.Where(item.ContainsKey))
            {
                reader.Add(Json.Path(path, key), $"an importer task takes no '{key}'; give the URI as importer.uri.");
            }

            arguments.Clear();
            arguments.Add(KeyValuePair.Create(ImporterDefinition.UriInput, imported.Uri));
        }

        if (pvc is { } builtIn)
        {
            if (item.ContainsKey("arguments"))
            {
                reader.Add(Json.Path(path, "arguments"), $"a {builtIn.Component} task takes its values under its own key, not 'arguments'.");
            }

            arguments.Clear();
            arguments.AddRange(builtIn.Arguments);
        }

        var kubernetes = KubernetesParser.Parse(reader, item, path);
        return new TaskDefinition(
            reader.OptionalString(item, "name", path), component, pipeline,
            reader.OptionalString(item, "displayName", path), arguments.ToImmutable(),
            reader.Strings(item, "after", path), reader.Bool(item, "caching", path, true),
            ParseRetry(reader, item, path), path)
        {
            Kubernetes = kubernetes?.Config,
            KubernetesDependencies = kubernetes?.Dependencies ?? [],
            Resources = TaskResourcesParser.Parse(reader, item, path),
            Importer = importer?.Importer,
            BuiltIn = pvc?.Component,
        };
    }

    private static RetryDefinition? ParseRetry(Reader reader, JsonObject item, string path)
    {
        var node = item["retry"];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number)
        {
            return new RetryDefinition(reader.Int(item, "retry", path, 0), "0s", 2.0, "3600s");
        }

        var retry = reader.Mapping(item, "retry", path) ?? [];
        var retryPath = Json.Path(path, "retry");
        reader.CheckKeys(retry, retryPath, "maxRetryCount", "backoffDuration", "backoffFactor", "backoffMaxDuration");
        var factor = retry["backoffFactor"]?.GetValueKind() == JsonValueKind.Number ? retry["backoffFactor"]!.GetValue<double>() : 2.0;
        return new RetryDefinition(
            reader.Int(retry, "maxRetryCount", retryPath, 0),
            reader.OptionalString(retry, "backoffDuration", retryPath) ?? "0s", factor,
            reader.OptionalString(retry, "backoffMaxDuration", retryPath) ?? "3600s");
    }
}
