using System.Text.Json;
using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// The CEL trigger condition of a condition group, written as the KFP SDK writes it:
/// channel operands as <c>inputs.parameter_values['pipelinechannel--…']</c> (wrapped in <c>int()</c> for
/// integers), string constants in single quotes, and mixed types promoted (string &gt; boolean &gt; double &gt; integer).
/// </summary>
internal static class ConditionExpression
{
    public static string? Build(Binding left, Binding right, string op, Action<string> problem)
    {
        var leftType = TypeOf(left);
        var rightType = TypeOf(right);
        if (leftType is null || rightType is null)
        {
            problem("condition operands must be strings, numbers or booleans (not lists, structs or artifacts).");
            return null;
        }

        var canonical = leftType == rightType ? leftType
            : leftType == "STRING" || rightType == "STRING" ? "STRING"
            : leftType == "BOOLEAN" || rightType == "BOOLEAN" ? "BOOLEAN"
            : "NUMBER_DOUBLE";
        return $"{Operand(left, leftType, canonical)} {op} {Operand(right, rightType, canonical)}";
    }

    private static string? TypeOf(Binding binding)
    {
        if (binding.Channel is { } channel)
        {
            return channel.Type.ParameterType is "STRING" or "BOOLEAN" or "NUMBER_INTEGER" or "NUMBER_DOUBLE" && binding.Field is null
                ? channel.Type.ParameterType
                : null;
        }

        return binding.Constant?.GetValueKind() switch
        {
            JsonValueKind.String => "STRING",
            JsonValueKind.True or JsonValueKind.False => "BOOLEAN",
            JsonValueKind.Number => PythonJson.Number(binding.Constant.AsValue()).Contains('.', StringComparison.Ordinal) ? "NUMBER_DOUBLE" : "NUMBER_INTEGER",
            _ => null,
        };
    }

    private static string Operand(Binding binding, string type, string canonical)
    {
        var text = binding.Channel is { } channel
            ? type == "NUMBER_INTEGER" ? $"int(inputs.parameter_values['{channel.InputName}'])" : $"inputs.parameter_values['{channel.InputName}']"
            : type switch
            {
                "STRING" => $"'{binding.Constant!.GetValue<string>()}'",
                "BOOLEAN" => binding.Constant!.GetValueKind() == JsonValueKind.True ? "true" : "false",
                _ => PythonJson.Number(binding.Constant!.AsValue()),
            };
        if (type == canonical)
        {
            return text;
        }

        return canonical switch
        {
            "STRING" => $"'{text}'",
            "BOOLEAN" => text == "0" ? "true" : "false",
            _ => $"double({text})",
        };
    }
}
