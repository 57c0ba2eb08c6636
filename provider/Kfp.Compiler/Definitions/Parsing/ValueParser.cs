using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>
/// Reads a value reference: a plain value (constant), <c>{value: ...}</c>, <c>{parameter: name}</c>,
/// <c>{task: name, output: key}</c>, <c>{loopItem: name, field: key}</c> or <c>{template: "text {{task.t.out}}"}</c>.
/// </summary>
internal static class ValueParser
{
    public static ValueRef Parse(Reader reader, JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            return new ConstantRef(node?.DeepClone(), path);
        }

        if (obj.ContainsKey("value"))
        {
            reader.CheckKeys(obj, path, "value");
            return new ConstantRef(obj["value"]?.DeepClone(), path);
        }

        if (obj.ContainsKey("template"))
        {
            reader.CheckKeys(obj, path, "template");
            return TemplateParser.Parse(reader, reader.RequiredString(obj, "template", path, "write the text with {{...}} references."), path);
        }

        if (obj.ContainsKey("parameter"))
        {
            reader.CheckKeys(obj, path, "parameter");
            return new ParameterRef(reader.RequiredString(obj, "parameter", path, "name a pipeline parameter."), path);
        }

        if (obj.ContainsKey("task"))
        {
            reader.CheckKeys(obj, path, "task", "output");
            return new TaskOutputRef(
                reader.RequiredString(obj, "task", path, "name the producing task."),
                reader.RequiredString(obj, "output", path, "name an output of the producing task's component."),
                path);
        }

        if (obj.ContainsKey("oneOf"))
        {
            reader.CheckKeys(obj, path, "oneOf");
            return ParseOneOf(reader, obj["oneOf"], Json.Path(path, "oneOf"), path);
        }

        if (obj.ContainsKey("loopItem"))
        {
            reader.CheckKeys(obj, path, "loopItem", "field");
            return new LoopItemRef(reader.RequiredString(obj, "loopItem", path, "name the loop's item (its 'as')."),
                reader.OptionalString(obj, "field", path), path);
        }

        reader.Add(path, "a mapping value needs one of the keys value, parameter, task (with output), loopItem, template or oneOf; write {value: {...}} for a constant mapping.");
        return new ConstantRef(null, Json.Path(path, "value"));
    }

    private static ValueRef ParseOneOf(Reader reader, JsonNode? node, string listPath, string path)
    {
        var options = System.Collections.Immutable.ImmutableArray.CreateBuilder<TaskOutputRef>();
        if (node is JsonArray list && list.Count >= 2)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (Parse(reader, list[i], $"{listPath}[{i}]") is TaskOutputRef option)
                {
                    options.Add(option);
                }
                else
                {
                    reader.Add($"{listPath}[{i}]", "each oneOf option must be {task: name, output: key} of a task in a branch.");
                }
            }
        }
        else
        {
            reader.Add(listPath, "'oneOf' must be a list of two or more {task, output}, one from each branch of a 'branches' group.");
        }

        return new OneOfRef(options.ToImmutable(), path);
    }
}
