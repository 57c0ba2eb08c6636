using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Yaml;

/// <summary>
/// A fast path of <see cref="KfpYaml"/> for the YAML that the KFP SDK (PyYAML) and <see cref="IrYamlWriter"/> write:
/// block mappings and sequences (indentless ones too), one-line plain and quoted scalars, literal block scalars, empty
/// <c>{}</c>/<c>[]</c>, comments and <c>---</c>-separated documents, all in ASCII or plain Unicode text. It reads the
/// text once, straight into JSON values, with none of YamlDotNet's per-token objects. Anything else (anchors, tags,
/// flow collections, folded or multi-line scalars, tabs, duplicate keys, a value that would be an error, text near a
/// <see cref="YamlLimits"/> bound) makes it give up, and the caller reads the text with YamlDotNet, which reports
/// errors with their position. Scalars resolve through the same code as that path, so what it reads is the same.
/// </summary>
internal sealed partial class BlockYamlReader
{
    /// <summary>Nesting this reader follows itself (it recurses once per level); deeper files take the full path.</summary>
    private const int MaxOwnDepth = 64;

    /// <summary>PyYAML and YamlDotNet refuse an implicit key longer than this.</summary>
    private const int MaxKeyLength = 1024;

    /// <summary>Characters this reader leaves to YamlDotNet: controls but line feed (tab too), other line breaks, the BOM, non-characters.</summary>
    private static readonly SearchValues<char> Unsupported = SearchValues.Create(UnsupportedChars());

    private static readonly SearchValues<char> PlainStops = SearchValues.Create(":#\n*&!");

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
            var key = ReadKey();
            if (mapping.ContainsKey(key))
            {
                throw new GiveUpException();
            }

            mapping.Add(key, ReadValue(column, depth, isMappingValue: true));
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

    /// <summary>
    /// The plain value whose first line runs from <paramref name="start"/> to <paramref name="end"/>, with the lines
    /// that continue it (indented past <paramref name="column"/>) folded in as PyYAML folds them: one line break
    /// becomes a space, each empty line between a line feed. Leaves the reader at the next content line.
    /// </summary>
    private string ReadPlain(int start, int end, PlainStop stop, int column)
    {
        pos = end;
        if (stop != PlainStop.LineEnd)
        {
            EndLine();
            return text[start..end];
        }

        var folded = false;
        var breaks = 0;
        var lineEnd = text.IndexOf('\n', end);
        var resume = lineEnd < 0 ? text.Length : lineEnd + 1;
        for (var line = resume; line < text.Length;)
        {
            var spaces = 0;
            while (line + spaces < text.Length && text[line + spaces] == ' ')
            {
                spaces++;
            }

            var content = line + spaces;
            if (content < text.Length && text[content] == '\n')
            {
                breaks++;
                line = content + 1;
                continue;
            }

            if (content == text.Length || spaces <= column)
            {
                break;
            }

            pos = content;
            if (text[content] == '#' || IsEntryIndicator(content))
            {
                throw new GiveUpException();
            }

            var segmentEnd = PlainEnd(out var segmentStop, continuation: true);
            if (segmentStop != PlainStop.LineEnd)
            {
                throw new GiveUpException();
            }

            if (!folded)
            {
                scratch.Clear().Append(text, start, end - start);
                folded = true;
            }

            (breaks == 0 ? scratch.Append(' ') : scratch.Append('\n', breaks)).Append(text, content, segmentEnd - content);
            breaks = 0;
            lineEnd = text.IndexOf('\n', segmentEnd);
            line = resume = lineEnd < 0 ? text.Length : lineEnd + 1;
        }

        ScanFrom(resume);
        return folded ? scratch.ToString() : text[start..end];
    }

    /// <summary>A mapping key at <see cref="pos"/> and its <c>:</c>; leaves <see cref="pos"/> after the colon.</summary>
    private string ReadKey()
    {
        string key;
        if (pos < text.Length && text[pos] is '"' or '\'')
        {
            var start = pos;
            key = text[pos] == '"' ? ReadDoubleQuoted(OneLine) : ReadSingleQuoted(OneLine);
            if (pos - start > MaxKeyLength || !IsKeyColon())
            {
                throw new GiveUpException();
            }
        }
        else
        {
            var start = pos;
            var end = PlainEnd(out var stop);
            if (stop != PlainStop.Colon || end - start > MaxKeyLength)
            {
                throw new GiveUpException();
            }

            var plain = text[start..end];
            key = plain == "<<" ? throw new GiveUpException() : KeyText(plain);
            pos = text.IndexOf(':', end);
        }

        Count(0, key.Length);
        pos++;
        return key;
    }

    /// <summary>True when the text after a quoted scalar (spaces, then <c>:</c> and a space or line end) makes it a key.</summary>
    private bool IsKeyColon()
    {
        SkipSpaces();
        return pos < text.Length && text[pos] == ':' && (pos + 1 == text.Length || text[pos + 1] is ' ' or '\n');
    }

    /// <summary>
    /// Where the plain scalar at <see cref="pos"/> ends (trailing spaces left out) and why: the line's end, a comment,
    /// or a <c>:</c> that makes it a key. Gives up on a scalar that cannot start plain (unless it is a
    /// <paramref name="continuation"/> line, where indicators are text).
    /// </summary>
    private int PlainEnd(out PlainStop stop, bool continuation = false)
    {
        if (pos >= text.Length || (!continuation && IsIndicator(text[pos])))
        {
            throw new GiveUpException();
        }

        var i = pos;
        while (true)
        {
            var found = text.AsSpan(i).IndexOfAny(PlainStops);
            var at = found < 0 ? text.Length : i + found;
            if (at == text.Length || text[at] == '\n')
            {
                stop = PlainStop.LineEnd;
                return TrimEnd(at);
            }

            if (text[at] == ':' && (at + 1 == text.Length || text[at + 1] is ' ' or '\n'))
            {
                stop = PlainStop.Colon;
                return TrimEnd(at);
            }

            if (text[at] == '#' && text[at - 1] == ' ')
            {
                stop = PlainStop.Comment;
                return TrimEnd(at);
            }

            if (text[at] is '*' or '&' or '!' && text[at - 1] == ' ')
            {
                throw new GiveUpException(); // YamlDotNet reads a word starting with these unlike PyYAML; its path refuses or reads it
            }

            i = at + 1;
        }
    }

    private int TrimEnd(int end)
    {
        while (end > pos && text[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// True for the characters a plain scalar may not start with here; <c>-</c> may when a non-space follows, <c>?</c>
    /// and <c>:</c> are left to the full reader.
    /// </summary>
    private bool IsIndicator(char c) => c switch
    {
        '-' => IsEntryIndicator(pos),
        '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' => true,
        _ => false,
    };

    /// <summary>True when <paramref name="at"/> holds a sequence entry's <c>-</c>: followed by a space or the line's end.</summary>
    private bool IsEntryIndicator(int at) =>
        at < text.Length && text[at] == '-' && (at + 1 == text.Length || text[at + 1] is ' ' or '\n');

    private bool AtMarker(string marker) =>
        indent < 0 && pos < text.Length && string.CompareOrdinal(text, pos, marker, 0, 3) == 0;

    private int Column(int at) => at - lineStart;

    private void SkipSpaces()
    {
        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }
    }

    /// <summary>Checks that only spaces and a comment are left on the line, then moves to the next content line.</summary>
    private void EndLine()
    {
        var before = pos;
        SkipSpaces();
        if (pos < text.Length && text[pos] != '\n' && !(text[pos] == '#' && pos > before))
        {
            throw new GiveUpException();
        }

        NextLine();
    }

    /// <summary>Moves past the current line to the next line with content.</summary>
    private void NextLine()
    {
        var end = text.IndexOf('\n', pos);
        ScanFrom(end < 0 ? text.Length : end + 1);
    }

    /// <summary>From the start of a line, skips blank and comment lines; sets <see cref="indent"/> and <see cref="pos"/>.</summary>
    private void ScanFrom(int at)
    {
        while (at < text.Length)
        {
            var spaces = 0;
            while (at + spaces < text.Length && text[at + spaces] == ' ')
            {
                spaces++;
            }

            var content = at + spaces;
            if (content < text.Length && text[content] is not ('\n' or '#'))
            {
                lineStart = at;
                pos = content;
                indent = spaces == 0 && IsDocumentMarker(content) ? -1 : spaces;
                return;
            }

            var end = content < text.Length ? text.IndexOf('\n', content) : -1;
            at = end < 0 ? text.Length : end + 1;
        }

        lineStart = pos = text.Length;
        indent = -1;
    }

    private bool IsDocumentMarker(int at) =>
        at + 3 <= text.Length
        && (string.CompareOrdinal(text, at, "---", 0, 3) == 0 || string.CompareOrdinal(text, at, "...", 0, 3) == 0)
        && (at + 3 == text.Length || text[at + 3] is ' ' or '\n');

    /// <summary>Charges one value of <paramref name="chars"/> characters; gives up where the full reader's bounds would apply.</summary>
    private void Count(int depth, int chars)
    {
        nodes++;
        scalarChars += chars;
        if (depth > MaxOwnDepth || depth > limits.MaxDepth || nodes > limits.MaxNodes || scalarChars > limits.MaxScalarChars)
        {
            throw new GiveUpException();
        }
    }

    /// <summary>A plain value as <see cref="JsonEventBuilder"/> resolves it; infinity and NaN are left to its error.</summary>
    private static JsonNode? ResolvePlain(string plain)
    {
        var value = YamlScalarResolver.ResolvePlain(plain);
        return value is JsonValue number && number.TryGetValue<double>(out var d) && !double.IsFinite(d)
            ? throw new GiveUpException()
            : value;
    }

    /// <summary>A plain key's text as <see cref="JsonEventBuilder"/> makes it (numbers and booleans as their text).</summary>
    private static string KeyText(string plain) =>
        YamlScalarResolver.IsPlainString(plain) ? plain : JsonEventBuilder.KeyText(ResolvePlain(plain));

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
