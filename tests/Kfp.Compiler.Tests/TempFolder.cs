namespace Kfp.Compiler.Tests;

/// <summary>A temporary folder for one test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("kfp-compiler-tests-").FullName;

    public string Path { get; }

    public string Write(string name, string content, bool executable = false)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return file;
    }

    public string Copy(string testDataFile, string? name = null) =>
        Write(name ?? System.IO.Path.GetFileName(testDataFile), TestFiles.Read(testDataFile));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
