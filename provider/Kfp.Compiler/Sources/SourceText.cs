using System.Text;
using System.Text.Unicode;

namespace Kfp.Compiler.Sources;

/// <summary>
/// A source file's contents, byte order marks removed: as the UTF-8 bytes read and, decoded on first use, as text. A
/// JSON spec is parsed from the bytes and never decoded unless an error quotes it; YAML and definitions use the text.
/// Invalid UTF-8 is read as the text decodes it (U+FFFD for each bad sequence), so it is never parsed from the bytes.
/// </summary>
internal sealed class SourceText
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly ReadOnlyMemory<byte>? _utf8;
    private string? _text;

    private SourceText(ReadOnlyMemory<byte>? utf8, string? text)
    {
        _utf8 = utf8;
        _text = text;
    }

    /// <summary>The contents as text, decoded once.</summary>
    public string Text => _text ??= Encoding.UTF8.GetString(_utf8!.Value.Span);

    /// <summary>The bytes read, when there are any and they are valid UTF-8; null for text given as a string.</summary>
    public ReadOnlyMemory<byte>? ValidUtf8 =>
        // Typed, not a bare null: null converts to an empty ReadOnlyMemory (through byte[]) as well.
        _utf8 is { } bytes && Utf8.IsValid(bytes.Span) ? bytes : default(ReadOnlyMemory<byte>?);

    /// <summary>Contents read from a file.</summary>
    public static SourceText FromUtf8(ReadOnlyMemory<byte> utf8)
    {
        while (utf8.Span.StartsWith(Bom))
        {
            utf8 = utf8[Bom.Length..];
        }

        return new SourceText(utf8, null);
    }

    /// <summary>Contents already decoded (a compiler's output, a test's string).</summary>
    public static SourceText FromString(string text) => new(default(ReadOnlyMemory<byte>?), text.TrimStart('\uFEFF'));
}
