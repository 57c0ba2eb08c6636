using System.Text;

namespace Kfp.Compiler.Tests;

/// <summary>A small line diff (longest common subsequence) for readable assertion messages.</summary>
internal static class LineDiff
{
    public static string Unified(string expected, string actual, int context = 3)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', b[y++]));
            }
            else
            {
                lines.Add(('-', a[x++]));
            }
        }

        var text = new StringBuilder("--- expected (KFP SDK)\n+++ actual (definition)\n");
        for (var i = 0; i < lines.Count; i++)
        {
            var near = lines.Skip(Math.Max(0, i - context)).Take((2 * context) + 1).Any(l => l.Mark != ' ');
            if (near)
            {
                text.Append(lines[i].Mark).Append(' ').Append(lines[i].Text).Append('\n');
            }
        }

        return text.ToString();
    }
}
