namespace Kfp.Compiler.Tests.Sources;

public sealed class DirectorySourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CompileAsync_DirectoryWithDefaultEntry_CompilesItsPipelineYaml()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "pkg"));
        File.WriteAllText(Path.Combine(_folder.Path, "pkg", "pipeline.yaml"), TestFiles.Read("ir/samples/hello_world.yaml"));

        var result = await new PipelineCompiler().CompileAsync(new CompileRequest("pkg") { BaseDirectory = _folder.Path }, CancellationToken.None);

        Assert.Equal(Path.Combine(_folder.Path, "pkg", "pipeline.yaml"), result.SourceFile);
        Assert.Equal(BuiltInFrameworks.Ir, result.Framework);
    }

    [Theory]
    [InlineData("../outside.py", "inside the source directory")]
    [InlineData("missing.py", "does not exist")]
    public async Task CompileAsync_BadEntryPoint_SaysWhatToSet(string entry, string expected)
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "pkg"));

        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => new PipelineCompiler().CompileAsync(
            new CompileRequest("pkg") { BaseDirectory = _folder.Path, EntryPoint = entry }, CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_DirectoryWithoutEntry_NamesTheCandidates()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "pkg"));

        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => new PipelineCompiler().CompileAsync(
            new CompileRequest("pkg") { BaseDirectory = _folder.Path }, CancellationToken.None));

        Assert.Contains("pipeline.py", error.Message, StringComparison.Ordinal);
        Assert.Contains("entryPoint", error.Message, StringComparison.Ordinal);
    }
}
