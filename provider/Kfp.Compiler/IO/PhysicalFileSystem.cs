namespace Kfp.Compiler.IO;

/// <summary>The real file system.</summary>
internal sealed class PhysicalFileSystem : IFileSystem
{
    public bool FileExists(string path) => File.Exists(path);

    public Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken) =>
        File.ReadAllBytesAsync(path, cancellationToken);

    public IReadOnlyList<string> FilesWithExtension(string directory, string extension) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*" + extension).Order(StringComparer.Ordinal)]
            : [];

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
