using System.Globalization;
using System.Text;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// Upper bounds for the text the provider sends. An error travels in HTTP/2 trailers, and clients refuse
/// (or stall on) header blocks over their limit (Node's default is 64 KiB for the whole block), so one long
/// error must never reach the wire whole: messages are cut in the middle, keeping the start (what failed) and
/// the end (usually why, and what to do), and saying how much was left out.
/// </summary>
internal static class MessageBounds
{
    /// <summary>An error message: at most 8 KiB of UTF-8 (24 KiB once percent-encoded in the worst case).</summary>
    public const int ErrorBytes = 8 * 1024;

    /// <summary>The whole <c>grpc-status-details-bin</c> trailer before base64 (about 32 KiB encoded).</summary>
    public const int DetailsBytes = 24 * 1024;

    /// <summary>A message for the Pulumi CLI (Engine/Log) or a check failure's reason.</summary>
    public const int LogBytes = 16 * 1024;

    private const int NoteBytes = 64;

    /// <summary>
    /// <paramref name="text"/> when it fits in <paramref name="maxBytes"/> of UTF-8; otherwise its first three
    /// quarters and last quarter (cut at character boundaries) around a note of how many characters were cut.
    /// </summary>
    public static string Cut(string text, int maxBytes)
    {
        if (text.Length <= maxBytes / 3 || Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }
        var budget = maxBytes - NoteBytes;
        var head = Prefix(text, budget * 3 / 4);
        var tail = Suffix(text, budget / 4);
        return string.Create(CultureInfo.InvariantCulture, $"{head} …({text.Length - head.Length - tail.Length} more characters cut)… {tail}");
    }

    private static string Prefix(string text, int maxBytes)
    {
        var (length, bytes) = (0, 0);
        while (length < text.Length)
        {
            var width = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(length, width));
            if (bytes + size > maxBytes)
            {
                break;
            }
            (length, bytes) = (length + width, bytes + size);
        }
        return text[..length];
    }

    private static string Suffix(string text, int maxBytes)
    {
        var (start, bytes) = (text.Length, 0);
        while (start > 0)
        {
            var width = char.IsLowSurrogate(text[start - 1]) && start > 1 ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(start - width, width));
            if (bytes + size > maxBytes)
            {
                break;
            }
            (start, bytes) = (start - width, bytes + size);
        }
        return text[start..];
    }
}
