namespace Kfp.Compiler.Yaml;

/// <summary>Where <see cref="BlockYamlReader"/> stands: lines, columns, comments, document markers and the bounds it counts.</summary>
internal sealed partial class BlockYamlReader
{
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

    /// <summary>
    /// From the start of a line inside a scalar, skips the lines that hold only spaces: where the next line's content
    /// starts (the end of the text when there is none), its indentation, and how many line breaks were skipped.
    /// </summary>
    private (int Content, int Spaces, int Breaks) SkipBlankLines(int line)
    {
        var breaks = 0;
        while (true)
        {
            var spaces = 0;
            while (line + spaces < text.Length && text[line + spaces] == ' ')
            {
                spaces++;
            }

            var content = line + spaces;
            if (content == text.Length || text[content] != '\n')
            {
                return (content, spaces, breaks);
            }

            breaks++;
            line = content + 1;
        }
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
}
