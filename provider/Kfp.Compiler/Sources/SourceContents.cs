using System.Buffers;
using System.Security.Cryptography;
using Kfp.Compiler.IO;

namespace Kfp.Compiler.Sources;

/// <summary>
/// Reads source files and remembers, per path, the last content read with its SHA-256. A file read again with the same
/// bytes (every Check of an unchanged pipeline) costs a read into a pooled buffer and a compare: no hash, no new array.
/// A changed byte is seen by the compare and hashed afresh, so the answer is always the hash of what is on disk now.
/// At most <see cref="Capacity"/> bytes are remembered; beyond that, files are hashed on every read as before. Thread-safe.
/// </summary>
internal sealed class SourceContents
{
    /// <summary>The most bytes remembered over all paths.</summary>
    public const int Capacity = 16 * 1024 * 1024;

    private readonly Dictionary<string, SourceContent> _last = new(StringComparer.Ordinal);
    private readonly IFileSystem _files;
    private long _bytes;

    public SourceContents(IFileSystem files) => _files = files;

    /// <summary>The bytes remembered now, over all paths.</summary>
    public long RememberedBytes
    {
        get
        {
            lock (_last)
            {
                return _bytes;
            }
        }
    }

    /// <summary>
    /// The file's bytes and their SHA-256 (lowercase hex). The array is shared: callers must not write to it. The read
    /// is synchronous: a source file comes from the page cache, and an asynchronous read would only hop threads.
    /// </summary>
    public SourceContent Read(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var stream = _files.OpenRead(path);
        // One byte more than the length said, so a file that grew since is read to its end in the same buffer.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(stream.Length, 0) + 1, Array.MaxLength));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = stream.Read(buffer.AsSpan(length));
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return Remember(path, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private SourceContent Remember(string path, ReadOnlySpan<byte> read)
    {
        lock (_last)
        {
            if (_last.TryGetValue(path, out var known) && read.SequenceEqual(known.Bytes))
            {
                return known;
            }
        }

        var bytes = read.ToArray();
        var content = new SourceContent(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        lock (_last)
        {
            if (_last.Remove(path, out var replaced))
            {
                _bytes -= replaced.Bytes.Length;
            }

            // Room is made by forgetting other files; one larger than the whole capacity is not remembered at all.
            if (bytes.Length <= Capacity)
            {
                while (_bytes + bytes.Length > Capacity)
                {
                    var (other, forgotten) = _last.First();
                    _last.Remove(other);
                    _bytes -= forgotten.Bytes.Length;
                }

                _last[path] = content;
                _bytes += bytes.Length;
            }
        }

        return content;
    }
}

/// <summary>A source file's bytes, and their SHA-256 as lowercase hex.</summary>
internal sealed record SourceContent(byte[] Bytes, string Sha256);
