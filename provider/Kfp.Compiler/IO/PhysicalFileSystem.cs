namespace Kfp.Compiler.IO;

/// <summary>The real file system.</summary>
internal sealed class PhysicalFileSystem : IFileSystem
{
    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken) =>
        File.ReadAllBytesAsync(path, cancellationToken);

    public Stream OpenRead(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);

    public IReadOnlyList<string> FilesWithExtension(string directory, string extension) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*" + extension).Order(StringComparer.Ordinal)]
            : [];

    public IReadOnlyList<string> FilesUnder(string directory, Func<string, bool> enter)
    {
        var found = new List<string>();
        var pending = new Stack<string>([directory]);
        while (pending.Count > 0)
        {
            var current = new DirectoryInfo(pending.Pop());
            foreach (var entry in current.EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo sub)
                {
                    if (sub.LinkTarget is null && enter(sub.Name))
                    {
                        pending.Push(sub.FullName);
                    }
                }
                else
                {
                    found.Add(entry.FullName);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    public string CreateTempDirectory() => Directory.CreateTempSubdirectory("kfp-compile-").FullName;

    public void DeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
