using System.Text;
using YamlDotNet.Core;

namespace Kfp.Compiler.Yaml;

/// <summary>
/// PyYAML (which the KFP SDK writes with) and Go's yaml.v3 (which the KFP server reads with) accept a
/// multi-line double-quoted scalar whose continuation lines sit at or left of the block's indentation,
/// e.g. a long shell command wrapped under a <c>- "...</c> entry. YamlDotNet refuses it. Leading blanks of a
/// continuation line are never part of a double-quoted scalar's value (the YAML spec strips them, escaped
/// line breaks included), so indenting those lines past the opening quote changes nothing but the layout.
/// This file is also compiled into the emulator (linked, not referenced), so both read the same YAML.
/// </summary>
internal static class QuotedScalarRepair
{
    /// <summary>The phrase of YamlDotNet's error for exactly this case.</summary>
    public const string ErrorPhrase = "multi-line double-quoted scalar, found wrong indentation";

    /// <summary>How many scalars one text may need repaired (each repair reads the text again).</summary>
    public const int MaxRepairs = 2_000;

    /// <summary>
    /// The text repaired for the scalar YamlDotNet refused with <paramref name="error"/>; null when the error is
    /// another one or there is nothing to change. Read the returned text again; it may hold more such scalars.
    /// </summary>
    public static string? TryRepair(string text, YamlException error)
    {
        if (!error.Message.Contains(ErrorPhrase, StringComparison.Ordinal))
        {
            return null;
        }

        var index = (int)Math.Min(error.Start.Index, int.MaxValue);
        return index < text.Length && text[index] == '"'
            ? Indent(text, index)
            : Indent(text, IndexOf(text, error.Start.Line, error.Start.Column));
    }

    private static int IndexOf(string text, long line, long column)
    {
        var index = 0;
        for (var current = 1L; current < line && index >= 0; current++)
        {
            index = text.IndexOf('\n', index);
            index = index < 0 ? -1 : index + 1;
        }

        return index < 0 ? -1 : index + (int)column - 1;
    }

    /// <summary>
    /// The text with every continuation line of the double-quoted scalar that opens at
    /// <paramref name="quoteIndex"/> indented one column past the quote; null when there is nothing to change.
    /// Lines that start with a document marker are left alone, so the scanner still reports them.
    /// </summary>
    public static string? Indent(string text, int quoteIndex)
    {
        if (quoteIndex < 0 || quoteIndex >= text.Length || text[quoteIndex] != '"')
        {
            return null;
        }

        var lineStart = text.LastIndexOfAny(['\n', '\r'], Math.Max(quoteIndex - 1, 0)) + 1;
        if (quoteIndex == 0)
        {
            lineStart = 0;
        }

        var pad = new string(' ', quoteIndex - lineStart + 1);
        var continuationStarts = ContinuationLineStarts(text, quoteIndex);
        if (continuationStarts.Count == 0)
        {
            return null;
        }

        var result = new StringBuilder(text.Length + (continuationStarts.Count * pad.Length));
        var copied = 0;
        foreach (var start in continuationStarts)
        {
            result.Append(text, copied, start - copied);
            if (!IsDocumentMarker(text, start))
            {
                result.Append(pad);
            }

            copied = start;
        }

        result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }

    /// <summary>Where each line after the first begins, up to the closing quote (or the end of the text).</summary>
    private static List<int> ContinuationLineStarts(string text, int quoteIndex)
    {
        var starts = new List<int>();
        for (var i = quoteIndex + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                if (i + 1 < text.Length && text[i + 1] is '\n' or '\r')
                {
                    continue;
                }

                i++;
                continue;
            }

            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static bool IsDocumentMarker(string text, int start) =>
        start + 3 <= text.Length
        && (string.CompareOrdinal(text, start, "---", 0, 3) == 0 || string.CompareOrdinal(text, start, "...", 0, 3) == 0)
        && (start + 3 == text.Length || text[start + 3] is ' ' or '\t' or '\n' or '\r');
}
