using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Text as Python's <c>json.dumps(value, sort_keys=True)</c> and <c>str(float)</c> write it, which
/// is how the KFP SDK renders literal loop items and numbers in conditions.
/// </summary>
internal static class PythonJson
{
    public static string Dumps(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return text.ToString();
    }

    public static string Number(JsonValue value)
    {
        if (value.TryGetValue<long>(out var whole) || value.TryGetValue<int>(out var small) && (whole = small) == small)
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }

        var raw = value.ToJsonString();
        if (value.TryGetValue<JsonElement>(out var element) && element.TryGetInt64(out whole) && !raw.Contains('.', StringComparison.Ordinal))
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }

        return Float(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    public static string Float(double number)
    {
        if (Math.Floor(number) == number && Math.Abs(number) < 1e16)
        {
            return number.ToString("F1", CultureInfo.InvariantCulture);
        }

        var text = number.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        var exponent = text.IndexOf('e', StringComparison.Ordinal);
        if (exponent > 0 && text[exponent + 1] != '-' && text[exponent + 1] != '+')
        {
            text = text.Insert(exponent + 1, "+");
        }

        return text;
    }

    private static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                text.AppendJoin(", ", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Quote(p.Key)}: {Dumps(p.Value)}"));
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                text.AppendJoin(", ", array.Select(Dumps));
                text.Append(']');
                break;
            case JsonValue value:
                text.Append(value.GetValueKind() switch
                {
                    JsonValueKind.String => Quote(value.GetValue<string>()),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => Number(value),
                    _ => "null",
                });
                break;
        }
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when c < ' ' || c > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
