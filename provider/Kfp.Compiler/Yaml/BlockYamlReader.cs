using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Yaml;

/// <summary>
/// A fast path of <see cref="KfpYaml"/> for the YAML that the KFP SDK (PyYAML) and <see cref="IrYamlWriter"/> write:
/// block mappings and sequences (indentless and compact ones too), plain and quoted scalars (folded over lines as
/// PyYAML folds them), literal block scalars, empty <c>{}</c>/<c>[]</c>, comments and <c>---</c>-separated documents.
/// It reads the text once, straight into JSON values, with none of YamlDotNet's per-token objects. Anything else
/// (anchors, aliases, tags, merge keys, flow collections, folded <c>&gt;</c> scalars, tabs, duplicate keys, a value
/// that would be an error, text near a <see cref="YamlLimits"/> bound) makes it give up, and the caller reads the text
/// with YamlDotNet, which reports errors with their position. Scalars and keys resolve through the same code as that
/// path, so where this reader reads a text it reads the same values.
/// </summary>
internal sealed partial class BlockYamlReader
{
    /// <summary>Nesting this reader follows itself (it recurses once per level); deeper files take the full path.</summary>
    private const int MaxOwnDepth = 64;

    /// <summary>PyYAML and YamlDotNet refuse an implicit key longer than this.</summary>
    private const int MaxKeyLength = 1024;

    /// <summary>Characters this reader leaves to YamlDotNet: controls but line feed (tab too), other line breaks, the BOM, non-characters.</summary>
    private static readonly SearchValues<char> Unsupported = SearchValues.Create(UnsupportedChars());

    private readonly string text;
    private readonly YamlLimits limits;
    private readonly StringBuilder scratch = new();
    private long nodes;
    private long scalarChars;

    /// <summary>Index of the current content (the first character that is not a space), or of the end.</summary>
    private int pos;

    /// <summary>Index where the current line starts.</summary>
    private int lineStart;

    /// <summary>Spaces before the current line's content; -1 at the end of the text or at a document marker.</summary>
    private int indent;

    private BlockYamlReader(string text, YamlLimits limits)
    {
        this.text = text;
        this.limits = limits;
    }

    /// <summary>Every document of <paramref name="text"/>, or null when the text needs the full reader.</summary>
    public static List<JsonNode?>? TryRead(string text, YamlLimits limits)
    {
        if (text.AsSpan().ContainsAny(Unsupported) || !HasWholeSurrogatePairs(text))
        {
            return null;
        }

        try
        {
            return new BlockYamlReader(text, limits).ReadDocuments();
        }
        catch (GiveUpException)
        {
            return null;
        }
    }

    private List<JsonNode?> ReadDocuments()
    {
        var documents = new List<JsonNode?>(1);
        ScanFrom(0);
        var explicitStart = AtMarker("---");
        while (true)
        {
            if (explicitStart)
            {
                pos += 3;
                EndLine();
            }

            if (indent < 0)
            {
                throw new GiveUpException(); // an empty document or stream, or "...": rare, left to the full reader
            }

            documents.Add(ReadBlockNode(indent, 1));
            if (pos >= text.Length)
            {
                return documents;
            }

            explicitStart = AtMarker("---") ? true : throw new GiveUpException();
        }
    }

    /// <summary>A block mapping or sequence whose first content is at <see cref="pos"/>, in column <paramref name="column"/>.</summary>
    private JsonNode ReadBlockNode(int column, int depth) =>
        IsEntryIndicator(pos) ? ReadSequence(column, depth) : ReadMapping(column, depth);

    private JsonObject ReadMapping(int column, int depth)
    {
        Count(depth, 0);
        var mapping = new JsonObject();
        while (true)
        {
            if (!mapping.TryAdd(ReadKey(), null, out var index))
            {
                throw new GiveUpException();
            }

            mapping.SetAt(index, ReadValue(column, depth, isMappingValue: true));
            if (indent < column)
            {
                return mapping;
            }

            if (indent > column)
            {
                throw new GiveUpException();
            }
        }
    }

    private JsonArray ReadSequence(int column, int depth)
    {
        Count(depth, 0);
        var sequence = new JsonArray();
        while (true)
        {
            if (!IsEntryIndicator(pos))
            {
                throw new GiveUpException();
            }

            pos++;
            sequence.Add(ReadValue(column, depth, isMappingValue: false));
            if (indent < column || (indent == column && !IsEntryIndicator(pos)))
            {
                return sequence;
            }

            if (indent > column)
            {
                throw new GiveUpException();
            }
        }
    }

    /// <summary>
    /// The value after a key's <c>:</c> or an entry's <c>-</c> (at <see cref="pos"/>); leaves the reader at the next
    /// content line. <paramref name="column"/> is the column of the mapping or sequence that holds the value.
    /// </summary>
    private JsonNode? ReadValue(int column, int depth, bool isMappingValue)
    {
        SkipSpaces();
        if (pos >= text.Length || text[pos] is '\n' or '#')
        {
            NextLine();
            if (indent > column)
            {
                return ReadBlockNode(indent, depth + 1);
            }

            if (isMappingValue && indent == column && IsEntryIndicator(pos))
            {
                return ReadSequence(column, depth + 1);
            }

            Count(depth, 0);
            return null;
        }

        var start = pos;
        switch (text[pos])
        {
            case '"' or '\'':
                var quoted = text[pos] == '"' ? ReadDoubleQuoted(column) : ReadSingleQuoted(column);
                if (!isMappingValue && IsKeyColon())
                {
                    pos = start;
                    return ReadMapping(Column(start), depth + 1);
                }

                EndLine();
                Count(depth, quoted.Length);
                return JsonValue.Create(quoted);
            case '|':
                var literal = ReadLiteral(column);
                Count(depth, literal.Length);
                return JsonValue.Create(literal);
            case '{' or '[':
                JsonNode empty = text[pos] == '{' ? new JsonObject() : new JsonArray();
                pos += 2;
                if (pos > text.Length || text[pos - 1] != (text[start] == '{' ? '}' : ']'))
                {
                    throw new GiveUpException();
                }

                EndLine();
                Count(depth + 1, 0);
                return empty;
            case '-' when IsEntryIndicator(pos):
                return isMappingValue ? throw new GiveUpException() : ReadSequence(Column(start), depth + 1);
            default:
                var end = PlainEnd(out var stop);
                if (stop == PlainStop.Colon)
                {
                    return isMappingValue ? throw new GiveUpException() : ReadMapping(Column(start), depth + 1);
                }

                var plain = ReadPlain(start, end, stop, column);
                Count(depth, plain.Length);
                return ResolvePlain(plain);
        }
    }

    /// <summary>False when a surrogate stands alone (YAML readers differ on those; the full reader decides).</summary>
    private static bool HasWholeSurrogatePairs(string text)
    {
        for (var i = text.AsSpan().IndexOfAnyInRange('\ud800', '\udfff'); i >= 0 && i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string UnsupportedChars()
    {
        var chars = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c != '\n')
            {
                chars.Append(c);
            }
        }

        for (var c = '\u007f'; c <= '\u009f'; c++)
        {
            chars.Append(c);
        }

        return chars.Append("\u2028\u2029\ufeff\ufffe\uffff").ToString();
    }

    private enum PlainStop
    {
        LineEnd,
        Comment,
        Colon,
    }

    /// <summary>Thrown inside the reader when the text needs the full reader; never leaves it.</summary>
    private sealed class GiveUpException : Exception;
}
