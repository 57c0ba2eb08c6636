using System.Buffers;
using System.Security.Cryptography;
using Kfp.Compiler.IO;

namespace Kfp.Compiler.Sources;

/// <summary>
/// Reads source files and remembers, per path, the last content read with its SHA-256. A file read again with the same
/// bytes (every Check of an unchanged pipeline) costs a read a chunk at a time and a compare: no hash, no new array.
/// A changed byte is seen by the compare and hashed afresh, so the answer is always the hash of what is on disk now.
/// At most <see cref="Capacity"/> bytes are remembered; beyond that, files are hashed on every read as before. Thread-safe.
/// </summary>
internal sealed class SourceContents
{
    /// <summary>The most bytes remembered over all paths.</summary>
    public const int Capacity = 16 * 1024 * 1024;

    private const int ChunkSize = 64 * 1024;

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
        SourceContent? known;
        lock (_last)
        {
            _last.TryGetValue(path, out known);
        }

        using var stream = _files.OpenRead(path);
        if (known is not null && Unchanged(stream, known.Bytes))
        {
            return known;
        }

        stream.Position = 0;
        return Remember(path, ReadToEnd(stream));
    }

    /// <summary>True when the stream holds exactly <paramref name="bytes"/>: compared a chunk at a time, never copied whole.</summary>
    private static bool Unchanged(Stream stream, byte[] bytes)
    {
        if (stream.Length != bytes.Length)
        {
            return false;
        }

        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var offset = 0;
            while (true)
            {
                var read = stream.Read(chunk, 0, ChunkSize);
                if (read == 0)
                {
                    return offset == bytes.Length;
                }

                if (offset + read > bytes.Length || !chunk.AsSpan(0, read).SequenceEqual(bytes.AsSpan(offset, read)))
                {
                    return false;
                }

                offset += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The whole stream, in an array of exactly its length (a file that grew while read is read to its end).</summary>
    private static byte[] ReadToEnd(Stream stream)
    {
        var bytes = new byte[stream.Length];
        var length = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (length < bytes.Length)
        {
            return bytes[..length];
        }

        using var rest = new MemoryStream();
        stream.CopyTo(rest);
        return rest.Length == 0 ? bytes : [.. bytes, .. rest.GetBuffer().AsSpan(0, (int)rest.Length)];
    }

    private SourceContent Remember(string path, byte[] bytes)
    {
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
