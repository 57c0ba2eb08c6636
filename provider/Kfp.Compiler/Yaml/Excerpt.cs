using System.Text;

namespace Kfp.Compiler.Yaml;

/// <summary>
/// Short, safe quotes of file content for error messages: a pipeline <c>source</c> may name any file, so
/// an error shows at most a few dozen characters around the problem, never whole lines, with control
/// characters escaped.
/// </summary>
public static class Excerpt
{
    /// <summary>Characters shown on each side of a position.</summary>
    public const int Radius = 20;

    /// <summary>Longest quoted name (a key, a task name) shown whole.</summary>
    public const int MaxQuoted = 40;

    /// <summary><paramref name="text"/> cut to <paramref name="max"/> characters (with "…"), control characters escaped.</summary>
    public static string Clip(string text, int max = MaxQuoted)
    {
        var cut = text.Length > max ? text[..max] + "…" : text;
        return Escape(cut);
    }

    /// <summary>
    /// The characters of line <paramref name="line"/> around column <paramref name="column"/> (both 1-based),
    /// at most <see cref="Radius"/> on each side; empty when the position is outside the text.
    /// </summary>
    public static string Around(string text, long line, long column)
    {
        var start = 0;
        for (var current = 1L; current < line; current++)
        {
            start = text.IndexOf('\n', start);
            if (start < 0)
            {
                return string.Empty;
            }

            start++;
        }

        var end = text.IndexOf('\n', start);
        end = end < 0 ? text.Length : end;
        var at = (int)Math.Clamp(start + column - 1, start, end);
        var from = Math.Max(start, at - Radius);
        var to = Math.Min(end, at + Radius);
        var excerpt = new StringBuilder();
        excerpt.Append(from > start ? "…" : string.Empty)
            .Append(Escape(text[from..to].TrimEnd('\r')))
            .Append(to < end ? "…" : string.Empty);
        return excerpt.ToString();
    }

    private static string Escape(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '\t' => "\\t",
                '\r' => "\\r",
                '\n' => "\\n",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }
}
