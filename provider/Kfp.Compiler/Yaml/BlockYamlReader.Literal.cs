namespace Kfp.Compiler.Yaml;

/// <summary>The literal block scalars (<c>|</c>) of <see cref="BlockYamlReader"/>.</summary>
internal sealed partial class BlockYamlReader
{
    /// <summary>
    /// The literal block scalar (<c>|</c>, <c>|-</c> or <c>|+</c>) whose indicator is at <see cref="pos"/>, inside a
    /// collection at <paramref name="column"/>; leaves the reader at the next content line. Gives up on an indentation
    /// indicator, a comment after the indicator, lines of only spaces deeper than the content, or no final line break.
    /// </summary>
    private string ReadLiteral(int column)
    {
        var chomp = pos + 1 < text.Length ? text[pos + 1] : '\n';
        var at = pos + (chomp is '-' or '+' ? 2 : 1);
        if (at >= text.Length || text[at] != '\n')
        {
            throw new GiveUpException();
        }

        scratch.Clear();
        var contentIndent = -1;
        var deepestBlank = 0;
        var blanks = 0;
        at++;
        while (at < text.Length)
        {
            var spaces = 0;
            while (at + spaces < text.Length && text[at + spaces] == ' ')
            {
                spaces++;
            }

            var content = at + spaces;
            if (content == text.Length || text[content] == '\n')
            {
                deepestBlank = Math.Max(deepestBlank, spaces);
                if (contentIndent >= 0 && spaces > contentIndent)
                {
                    throw new GiveUpException();
                }

                blanks++;
                at = Math.Min(content + 1, text.Length);
                continue;
            }

            if (contentIndent < 0)
            {
                contentIndent = spaces <= column || deepestBlank > spaces ? throw new GiveUpException() : spaces;
            }

            if (spaces < contentIndent)
            {
                if (chomp == '+' && text[content] == '#')
                {
                    throw new GiveUpException();
                }

                break;
            }

            var end = text.IndexOf('\n', content);
            if (end < 0)
            {
                throw new GiveUpException();
            }

            scratch.Append('\n', blanks).Append(text, at + contentIndent, end - at - contentIndent).Append('\n');
            blanks = 0;
            at = end + 1;
        }

        if (contentIndent < 0)
        {
            throw new GiveUpException();
        }

        if (chomp == '-')
        {
            scratch.Length--;
        }
        else if (chomp == '+')
        {
            scratch.Append('\n', blanks);
        }

        ScanFrom(at);
        return scratch.ToString();
    }
}
