using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kfp.Execution;

/// <summary>
/// Evaluates a task's <c>triggerPolicy.condition</c>, the CEL subset the KFP SDK writes (<c>!</c>, <c>&amp;&amp;</c>,
/// <c>||</c>, <c>== != &lt; &lt;= &gt; &gt;=</c>, <c>int()</c>, <c>double()</c>, string, number and boolean literals and
/// <c>inputs.parameter_values['…']</c>), against the task's input values that are known before the run starts
/// (pipeline parameters and constants). Null when the condition reads a value that is not known (a task output) or
/// does not parse: such a condition is taken, as the emulator did for every condition before.
/// </summary>
internal sealed class ConditionEvaluator
{
    private readonly string text;
    private readonly IReadOnlyDictionary<string, JsonNode?> inputs;
    private int at;

    private ConditionEvaluator(string text, IReadOnlyDictionary<string, JsonNode?> inputs) => (this.text, this.inputs) = (text, inputs);

    public static bool? Evaluate(string condition, IReadOnlyDictionary<string, JsonNode?> inputs)
    {
        var evaluator = new ConditionEvaluator(condition, inputs);
        try
        {
            var value = evaluator.Or();
            evaluator.Skip();
            return evaluator.at == condition.Length && value is bool b ? b : null;
        }
        catch (UnknownValue)
        {
            return null;
        }
    }

    private object Or()
    {
        var left = And();
        while (Accept("||"))
        {
            var right = And();
            left = Bool(left) || Bool(right);
        }
        return left;
    }

    private object And()
    {
        var left = Unary();
        while (Accept("&&"))
        {
            var right = Unary();
            left = Bool(left) && Bool(right);
        }
        return left;
    }

    private object Unary() => Accept("!") ? !Bool(Unary()) : Comparison();

    private object Comparison()
    {
        var left = Primary();
        foreach (var op in (string[])["==", "!=", "<=", ">=", "<", ">"])
        {
            if (Accept(op))
            {
                return Compare(left, op, Primary());
            }
        }
        return left;
    }

    private object Primary()
    {
        Skip();
        if (Accept("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }
        if (Accept("int("))
        {
            var value = Or();
            Expect(")");
            return value switch
            {
                double d => Math.Truncate(d),
                string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => (double)l,
                _ => throw new UnknownValue(),
            };
        }
        if (Accept("double("))
        {
            var value = Or();
            Expect(")");
            return value switch
            {
                double d => d,
                string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => throw new UnknownValue(),
            };
        }
        if (Accept("inputs.parameter_values["))
        {
            var key = StringLiteral();
            Expect("]");
            return inputs.TryGetValue(key, out var node) && node is JsonValue value ? Value(value) : throw new UnknownValue();
        }
        if (Accept("true"))
        {
            return true;
        }
        if (Accept("false"))
        {
            return false;
        }
        if (at < text.Length && text[at] is '\'' or '"')
        {
            return StringLiteral();
        }
        var start = at;
        while (at < text.Length && (char.IsDigit(text[at]) || text[at] is '.' or '-' or 'e' or 'E' or '+'))
        {
            at++;
        }
        return double.TryParse(text.AsSpan(start, at - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new UnknownValue();
    }

    private string StringLiteral()
    {
        Skip();
        if (at >= text.Length || text[at] is not ('\'' or '"'))
        {
            throw new UnknownValue();
        }
        var quote = text[at++];
        var value = new System.Text.StringBuilder();
        while (at < text.Length && text[at] != quote)
        {
            if (text[at] == '\\' && at + 1 < text.Length)
            {
                at++;
            }
            value.Append(text[at++]);
        }
        Expect(quote.ToString());
        return value.ToString();
    }

    private static object Value(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.GetValue<double>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new UnknownValue(),
    };

    private static bool Compare(object left, string op, object right)
    {
        var order = (left, right) switch
        {
            (double l, double r) => l.CompareTo(r),
            (string l, string r) => string.CompareOrdinal(l, r),
            (bool l, bool r) when op is "==" or "!=" => l == r ? 0 : 1,
            _ => throw new UnknownValue(), // CEL refuses mixed types; leave the decision to "taken"
        };
        return op switch
        {
            "==" => order == 0,
            "!=" => order != 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        };
    }

    private static bool Bool(object value) => value as bool? ?? throw new UnknownValue();

    private bool Peek(string token) => string.CompareOrdinal(text, at, token, 0, token.Length) == 0;

    private bool Accept(string token)
    {
        Skip();
        if (!Peek(token))
        {
            return false;
        }
        at += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw new UnknownValue();
        }
    }

    private void Skip()
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }
    }

    private sealed class UnknownValue : Exception;
}
