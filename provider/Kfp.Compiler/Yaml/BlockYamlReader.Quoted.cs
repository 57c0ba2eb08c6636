using System.Buffers;
using System.Globalization;

namespace Kfp.Compiler.Yaml;

/// <summary>The quoted scalars of <see cref="BlockYamlReader"/>, on one line or folded over several.</summary>
internal sealed partial class BlockYamlReader
{
    /// <summary>The column passed for a quoted scalar that must end on its line (a key).</summary>
    private const int OneLine = int.MaxValue;

    private static readonly SearchValues<char> DoubleQuotedStops = SearchValues.Create("\"\\\n");
    private static readonly SearchValues<char> SingleQuotedStops = SearchValues.Create("'\n");

    /// <summary>
    /// The double-quoted scalar at <see cref="pos"/>, inside a collection at <paramref name="column"/>; leaves
    /// <see cref="pos"/> after its closing quote. Lines are folded as PyYAML folds them.
    /// </summary>
    private string ReadDoubleQuoted(int column)
    {
        var start = pos + 1;
        var found = text.AsSpan(start).IndexOfAny(DoubleQuotedStops);
        if (found >= 0 && text[start + found] == '"')
        {
            pos = start + found + 1;
            return text.Substring(start, found);
        }

        scratch.Clear();
        var i = start;
        while (true)
        {
            found = text.AsSpan(i).IndexOfAny(DoubleQuotedStops);
            if (found < 0)
            {
                throw new GiveUpException();
            }

            var stop = i + found;
            switch (text[stop])
            {
                case '"':
                    scratch.Append(text, i, found);
                    pos = stop + 1;
                    return scratch.ToString();
                case '\n':
                    AppendTrimmed(i, stop);
                    i = Fold(stop, column, escaped: false);
                    break;
                default:
                    scratch.Append(text, i, found);
                    i = stop + 1 < text.Length && text[stop + 1] == '\n'
                        ? Fold(stop + 1, column, escaped: true)
                        : Unescape(stop + 1);
                    break;
            }
        }
    }

    /// <summary>
    /// The single-quoted scalar at <see cref="pos"/>, inside a collection at <paramref name="column"/>; leaves
    /// <see cref="pos"/> after its closing quote.
    /// </summary>
    private string ReadSingleQuoted(int column)
    {
        scratch.Clear();
        var i = pos + 1;
        while (true)
        {
            var found = text.AsSpan(i).IndexOfAny(SingleQuotedStops);
            if (found < 0)
            {
                throw new GiveUpException();
            }

            var stop = i + found;
            if (text[stop] == '\n')
            {
                AppendTrimmed(i, stop);
                i = Fold(stop, column, escaped: false);
                continue;
            }

            if (stop + 1 < text.Length && text[stop + 1] == '\'')
            {
                scratch.Append(text, i, found + 1);
                i = stop + 2;
                continue;
            }

            pos = stop + 1;
            return scratch.Length == 0 ? text.Substring(i, found) : scratch.Append(text, i, found).ToString();
        }
    }

    /// <summary>Appends the text from <paramref name="from"/> to a line break at <paramref name="to"/> without its trailing spaces.</summary>
    private void AppendTrimmed(int from, int to)
    {
        while (to > from && text[to - 1] == ' ')
        {
            to--;
        }

        scratch.Append(text, from, to - from);
    }

    /// <summary>
    /// Folds the line break at <paramref name="at"/> inside a quoted scalar as PyYAML does: a lone break becomes a
    /// space (nothing when it is escaped), each empty line after it a line feed, and the next line's leading spaces
    /// go. Gives up where YamlDotNet needs <see cref="QuotedScalarRepair"/> (a line at or left of
    /// <paramref name="column"/>) or refuses the text (a document marker). Returns where the next line's text starts.
    /// </summary>
    private int Fold(int at, int column, bool escaped)
    {
        if (column == OneLine)
        {
            throw new GiveUpException();
        }

        var (content, spaces, breaks) = SkipBlankLines(at + 1);
        if (content == text.Length || IsDocumentMarker(content - spaces) || spaces <= column)
        {
            throw new GiveUpException();
        }

        if (breaks == 0 && !escaped)
        {
            scratch.Append(' ');
        }

        scratch.Append('\n', breaks);
        return content;
    }

    /// <summary>Appends the escape whose letter is at <paramref name="at"/>; returns the index after it.</summary>
    private int Unescape(int at)
    {
        if (at >= text.Length)
        {
            throw new GiveUpException();
        }

        switch (text[at])
        {
            case '0': scratch.Append('\0'); return at + 1;
            case 'a': scratch.Append('\a'); return at + 1;
            case 'b': scratch.Append('\b'); return at + 1;
            case 't': scratch.Append('\t'); return at + 1;
            case 'n': scratch.Append('\n'); return at + 1;
            case 'v': scratch.Append('\v'); return at + 1;
            case 'f': scratch.Append('\f'); return at + 1;
            case 'r': scratch.Append('\r'); return at + 1;
            case 'e': scratch.Append('\u001b'); return at + 1;
            case ' ': scratch.Append(' '); return at + 1;
            case '"': scratch.Append('"'); return at + 1;
            case '\\': scratch.Append('\\'); return at + 1;
            case 'N': scratch.Append('\u0085'); return at + 1;
            case '_': scratch.Append('\u00a0'); return at + 1;
            case 'L': scratch.Append('\u2028'); return at + 1;
            case 'P': scratch.Append('\u2029'); return at + 1;
            case 'x': return AppendCodePoint(at + 1, 2);
            case 'u': return AppendCodePoint(at + 1, 4);
            case 'U': return AppendCodePoint(at + 1, 8);
            default: throw new GiveUpException();
        }
    }

    private int AppendCodePoint(int at, int digits)
    {
        if (at + digits > text.Length
            || !int.TryParse(text.AsSpan(at, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            throw new GiveUpException();
        }

        scratch.Append(char.ConvertFromUtf32(code));
        return at + digits;
    }
}
