using System.Text;

namespace Kfp.Compiler.IO;

/// <summary>Keeps the last <c>limit</c> characters written to it; thread-safe.</summary>
internal sealed class OutputTail(int limit)
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();
    private bool _truncated;

    public void AppendLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _text.Append(line).Append('\n');
            if (_text.Length > limit)
            {
                _text.Remove(0, _text.Length - limit);
                _truncated = true;
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return (_truncated ? "…" : string.Empty) + _text.ToString().TrimEnd('\n');
        }
    }
}
