namespace Kfp.Compiler.IO;

/// <summary>The file access the compiler needs; faked in tests.</summary>
internal interface IFileSystem
{
    bool FileExists(string path);

    Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken);

    /// <summary>Files directly in <paramref name="directory"/> whose names end with <paramref name="extension"/>.</summary>
    IReadOnlyList<string> FilesWithExtension(string directory, string extension);

    string CreateTempDirectory();

    void DeleteDirectory(string path);
}
