using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler.Compilation;
using Kfp.Compiler.Hashing;

namespace Kfp.Compiler.Caching;

/// <summary>
/// Compile results on disk, shared by every provider process (preview and up are separate processes): one file per
/// cache key, <c>&lt;key&gt;.kfpc</c> under <c>compile-v1/</c>, holding a one-line JSON header and then the canonical JSON
/// whose SHA-256 is the spec hash. Writes go to a temp file that is renamed into place (atomic; two processes writing
/// the same entry both succeed and the entries are identical). A read checks the format, the key and that the body
/// hashes to the recorded spec hash, so a corrupt or truncated entry is deleted and compiled again. A hit touches the
/// file's modification time, which orders the least-recently-used eviction that keeps the directory under its size bound.
/// Every failure of the disk is swallowed: the cache only ever saves work.
/// </summary>
internal sealed class DiskCompileCache(string root, long maxBytes, TimeProvider time)
{
    private const string Format = "kfp-compile-cache/1";
    private const string Extension = ".kfpc";

    public string Directory { get; } = Path.Combine(root, "compile-v1");

    public CompileArtifact? TryRead(string key)
    {
        var path = PathOf(key);
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (Parse(key, bytes) is { } artifact)
            {
                Touch(path);
                return artifact;
            }

            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Missing or unreadable: compile.
        }

        return null;
    }

    public void Write(string key, CompileArtifact artifact)
    {
        var path = PathOf(key);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                file.Write(Encoding.UTF8.GetBytes(Header(key, artifact).ToJsonString()));
                file.WriteByte((byte)'\n');
                artifact.WriteCanonical(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            Evict();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
        }
    }

    private string PathOf(string key) => Path.Combine(Directory, key + Extension);

    private static JsonObject Header(string key, CompileArtifact artifact) => new()
    {
        ["format"] = Format,
        ["key"] = key,
        ["sourceFile"] = artifact.SourceFile,
        ["framework"] = artifact.Framework,
        ["pipelineName"] = artifact.PipelineName,
        ["specHash"] = artifact.SpecHash,
        ["hasPlatform"] = artifact.HasPlatform,
        ["volatile"] = artifact.VolatileKeys.DeepClone(),
    };

    private static CompileArtifact? Parse(string key, byte[] bytes)
    {
        var newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline < 0)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(bytes.AsSpan(0, newline)) is not JsonObject header
                || Text(header, "format") != Format || Text(header, "key") != key
                || Text(header, "specHash") is not { } specHash || Text(header, "sourceFile") is not { } sourceFile
                || Text(header, "framework") is not { } framework || Text(header, "pipelineName") is not { } name
                || header["hasPlatform"] is not JsonValue hasPlatform || header["volatile"] is not JsonObject volatileKeys)
            {
                return null;
            }

            var body = bytes[(newline + 1)..];
            using var hash = new HashingStream();
            hash.Write(body);
            return "sha256:" + hash.HexDigest() == specHash
                ? CompileArtifact.FromCanonical(sourceFile, framework, name, specHash, hasPlatform.GetValue<bool>(), (JsonObject)volatileKeys.DeepClone(), body)
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject header, string name) =>
        header[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, time.GetUtcNow().UtcDateTime);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process may be replacing or evicting it: the order is a hint.
        }
    }

    /// <summary>Deletes least-recently-used entries until the directory is under 80% of its bound; drops temp files older than an hour.</summary>
    private void Evict()
    {
        var entries = new DirectoryInfo(Directory).EnumerateFiles().ToList();
        var staleBefore = time.GetUtcNow().UtcDateTime.AddHours(-1);
        foreach (var temp in entries.Where(f => f.Name.EndsWith(".tmp", StringComparison.Ordinal) && f.LastWriteTimeUtc < staleBefore))
        {
            TryDelete(temp.FullName);
        }

        var kept = entries.Where(f => f.Name.EndsWith(Extension, StringComparison.Ordinal)).ToList();
        var total = kept.Sum(f => f.Length);
        if (total <= maxBytes)
        {
            return;
        }

        foreach (var entry in kept.OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            if (total <= maxBytes * 8 / 10)
            {
                break;
            }

            TryDelete(entry.FullName);
            total -= entry.Length;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Already gone, or another process holds it: harmless.
        }
    }
}
