using System.Buffers;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Yaml;

/// <summary>Plain scalars and keys of <see cref="BlockYamlReader"/>, resolved as <see cref="JsonEventBuilder"/> resolves them.</summary>
internal sealed partial class BlockYamlReader
{
    private static readonly SearchValues<char> PlainStops = SearchValues.Create(":#\n*&!");

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
        while (resume < text.Length)
        {
            var (content, spaces, blank) = SkipBlankLines(resume);
            breaks += blank;
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
            resume = lineEnd < 0 ? text.Length : lineEnd + 1;
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
}
