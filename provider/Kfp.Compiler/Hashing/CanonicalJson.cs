using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Hashing;

/// <summary>
/// Writes JSON in one fixed form, independent of the .NET version: object keys sorted (ordinal),
/// numbers via <see cref="CanonicalNumber"/>, strings escaped only where JSON requires it
/// (<c>"</c>, <c>\</c> and control characters); everything else is written as is.
/// </summary>
internal static class CanonicalJson
{
    public static string Write(JsonNode? node, bool indented)
    {
        var text = new StringBuilder();
        WriteNode(text, node, indented ? 0 : -1);
        return text.ToString();
    }

    private static void WriteNode(StringBuilder text, JsonNode? node, int depth)
    {
        switch (node)
        {
            case JsonObject obj:
                WriteContainer(text, '{', '}', obj.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(), depth, (pair, inner) =>
                {
                    WriteString(text, pair.Key);
                    text.Append(depth >= 0 ? ": " : ":");
                    WriteNode(text, pair.Value, inner);
                });
                break;
            case JsonArray array:
                WriteContainer(text, '[', ']', array.ToList(), depth, (item, inner) => WriteNode(text, item, inner));
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(text, value.GetValue<string>());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                text.Append(CanonicalNumber.Format(value));
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void WriteContainer<T>(StringBuilder text, char open, char close, List<T> items, int depth, Action<T, int> write)
    {
        text.Append(open);
        var inner = depth >= 0 ? depth + 1 : -1;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            NewLine(text, inner);
            write(items[i], inner);
        }

        if (items.Count > 0)
        {
            NewLine(text, depth);
        }

        text.Append(close);
    }

    private static void NewLine(StringBuilder text, int depth)
    {
        if (depth >= 0)
        {
            text.Append('\n').Append(' ', depth * 2);
        }
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case < ' ':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
