namespace Kfp.Compiler.IO;

/// <summary>The file access the compiler needs; faked in tests.</summary>
internal interface IFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken);

    /// <summary>The file opened for reading, shared with writers (a file being saved is read as it is).</summary>
    Stream OpenRead(string path);

    /// <summary>Files directly in <paramref name="directory"/> whose names end with <paramref name="extension"/>.</summary>
    IReadOnlyList<string> FilesWithExtension(string directory, string extension);

    /// <summary>
    /// Every file under <paramref name="directory"/>, recursively, in ordinal order of their paths; a sub-directory is
    /// entered only when <paramref name="enter"/> accepts its name, and symbolic links to directories are never followed.
    /// </summary>
    IReadOnlyList<string> FilesUnder(string directory, Func<string, bool> enter);

    string CreateTempDirectory();

    void DeleteDirectory(string path);
}
