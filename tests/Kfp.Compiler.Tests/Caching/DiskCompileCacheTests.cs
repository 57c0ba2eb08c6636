using Kfp.Compiler.IO;

namespace Kfp.Compiler.Tests.Caching;

/// <summary>
/// The disk cache as separate provider processes see it: each compiler instance here has a fresh memory cache and shares
/// only the cache directory, as preview and up do.
/// </summary>
public sealed class DiskCompileCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TempFolder _cache = new();

    public void Dispose()
    {
        _folder.Dispose();
        _cache.Dispose();
    }

    [Fact]
    public async Task CompileAsync_SecondInstance_CompilesNothing()
    {
        var runner = new CountingRunner(TestFiles.Read("ir/samples/hello_world.yaml"));
        _folder.Write("pipeline.py", "# pipeline source\n");

        var first = await Compiler(runner).CompileAsync(Request("pipeline.py"), CancellationToken.None);
        var second = await Compiler(runner).CompileAsync(Request("pipeline.py"), CancellationToken.None);

        Assert.Equal(1, runner.Calls);
        Assert.Equal(first.SpecHash, second.SpecHash);
        Assert.Equal(first.PipelineName, second.PipelineName);
        Assert.Equal(first.Yaml, second.Yaml);
        Assert.Equal(first.Spec.ToJsonString(), second.Spec.ToJsonString());
        Assert.Single(Directory.GetFiles(Path.Combine(_cache.Path, "compile-v1"), "*.kfpc"));
    }

    [Fact]
    public async Task CompileAsync_BuiltInFromDisk_KeepsVolatileKeysInYaml()
    {
        _folder.Copy("ir/samples/hello_world.yaml", "pipeline.yaml");
        var request = new CompileRequest("pipeline.yaml") { BaseDirectory = _folder.Path };

        var fresh = await Compiler(new CountingRunner("")).CompileAsync(request, CancellationToken.None);
        var fromDisk = await Compiler(new CountingRunner("")).CompileAsync(request, CancellationToken.None);

        Assert.Contains("sdkVersion", fresh.Yaml, StringComparison.Ordinal);
        Assert.Equal(fresh.Yaml, fromDisk.Yaml);
        Assert.Equal(SpecHasher.ComputeHash(fromDisk.Document), fromDisk.SpecHash);
    }

    [Fact]
    public async Task CompileAsync_DirectorySourceFileChanged_Recompiles()
    {
        var runner = new CountingRunner(TestFiles.Read("ir/samples/hello_world.yaml"));
        var package = Path.Combine(_folder.Path, "train");
        Directory.CreateDirectory(Path.Combine(package, "steps"));
        Directory.CreateDirectory(Path.Combine(package, "__pycache__"));
        File.WriteAllText(Path.Combine(package, "pipeline.py"), "from steps import prep\n");
        File.WriteAllText(Path.Combine(package, "steps", "prep.py"), "X = 1\n");

        await Compiler(runner).CompileAsync(Request("train"), CancellationToken.None);
        File.WriteAllText(Path.Combine(package, "__pycache__", "prep.cpython-312.pyc"), "bytecode");
        await Compiler(runner).CompileAsync(Request("train"), CancellationToken.None);
        Assert.Equal(1, runner.Calls);

        File.WriteAllText(Path.Combine(package, "steps", "prep.py"), "X = 2\n");
        await Compiler(runner).CompileAsync(Request("train"), CancellationToken.None);
        Assert.Equal(2, runner.Calls);
    }

    [Fact]
    public async Task CompileAsync_TwoInstancesAtOnce_BothSucceed()
    {
        // Both compiles are inside the compiler at once (neither can finish before the other has started), as when
        // preview and up of two stacks compile the same source together.
        var runner = new CountingRunner(TestFiles.Read("ir/samples/hello_world.yaml"), together: 2);
        _folder.Write("pipeline.py", "# pipeline source\n");

        var results = await Task.WhenAll(
            Task.Run(() => Compiler(runner).CompileAsync(Request("pipeline.py"), CancellationToken.None)),
            Task.Run(() => Compiler(runner).CompileAsync(Request("pipeline.py"), CancellationToken.None)));
        var third = await Compiler(runner).CompileAsync(Request("pipeline.py"), CancellationToken.None);

        Assert.Equal(results[0].SpecHash, results[1].SpecHash);
        Assert.Equal(results[0].SpecHash, third.SpecHash);
        Assert.Equal(2, runner.Calls);
        Assert.Empty(Directory.GetFiles(Path.Combine(_cache.Path, "compile-v1"), "*.tmp"));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("body changed")]
    public async Task CompileAsync_CorruptEntry_IsIgnoredAndRebuilt(string damage)
    {
        var runner = new CountingRunner(TestFiles.Read("ir/samples/hello_world.yaml"));
        _folder.Write("pipeline.py", "# pipeline source\n");
        var expected = await Compiler(runner).CompileAsync(Request("pipeline.py"), CancellationToken.None);
        var entry = Assert.Single(Directory.GetFiles(Path.Combine(_cache.Path, "compile-v1"), "*.kfpc"));
        var bytes = File.ReadAllBytes(entry);
        File.WriteAllBytes(entry, damage switch
        {
            "truncated" => bytes[..(bytes.Length * 2 / 3)],
            "garbage" => "not a cache entry"u8.ToArray(),
            _ => [.. bytes[..^2], (byte)'x', bytes[^1]],
        });

        var rebuilt = await Compiler(runner).CompileAsync(Request("pipeline.py"), CancellationToken.None);
        var again = await Compiler(runner).CompileAsync(Request("pipeline.py"), CancellationToken.None);

        Assert.Equal(2, runner.Calls);
        Assert.Equal(expected.SpecHash, rebuilt.SpecHash);
        Assert.Equal(expected.Yaml, again.Yaml);
    }

    [Fact]
    public async Task CompileAsync_OverSizeBound_EvictsLeastRecentlyUsed()
    {
        var runner = new CountingRunner(TestFiles.Read("ir/samples/hello_world.yaml"));
        var entries = Path.Combine(_cache.Path, "compile-v1");
        var options = new PipelineCompilerOptions { DiskCache = true, CacheDirectory = _cache.Path };
        _folder.Write("a.py", "# a\n");
        await Compiler(runner, options).CompileAsync(Request("a.py"), CancellationToken.None);
        var first = Assert.Single(Directory.GetFiles(entries));
        options = options with { CacheMaxBytes = new FileInfo(first).Length * 2 + 100 };
        File.SetLastWriteTimeUtc(first, DateTime.UtcNow.AddHours(-2));
        _folder.Write("b.py", "# b\n");
        await Compiler(runner, options).CompileAsync(Request("b.py"), CancellationToken.None);
        Assert.Equal(2, Directory.GetFiles(entries).Length);
        foreach (var entry in Directory.GetFiles(entries).Where(e => e != first))
        {
            File.SetLastWriteTimeUtc(entry, DateTime.UtcNow.AddHours(-1));
        }

        _folder.Write("c.py", "# c\n");
        await Compiler(runner, options).CompileAsync(Request("c.py"), CancellationToken.None);

        Assert.DoesNotContain(first, Directory.GetFiles(entries));
        Assert.Single(Directory.GetFiles(entries));
    }

    [Fact]
    public void Options_NoDirectoryGiven_UsesXdgCacheHomeThenHome()
    {
        var options = new PipelineCompilerOptions { DiskCache = true };
        var runner = new CountingRunner("");

        var xdg = new PipelineCompiler(new PhysicalFileSystem(), runner, TimeProvider.System, options, new FakeHost(("XDG_CACHE_HOME", "/xdg"), ("HOME", "/home/u")));
        var home = new PipelineCompiler(new PhysicalFileSystem(), runner, TimeProvider.System, options, new FakeHost(("HOME", "/home/u")));
        var given = new PipelineCompiler(new PhysicalFileSystem(), runner, TimeProvider.System, options with { CacheDirectory = "/srv/cache" }, new FakeHost(("HOME", "/home/u")));

        Assert.Equal("/xdg/pulumi-kfp/compile-v1", xdg.CacheDirectory);
        Assert.Equal("/home/u/.cache/pulumi-kfp/compile-v1", home.CacheDirectory);
        Assert.Equal("/srv/cache/compile-v1", given.CacheDirectory);
    }

    private PipelineCompiler Compiler(IProcessRunner runner, PipelineCompilerOptions? options = null) =>
        new(new PhysicalFileSystem(), runner, TimeProvider.System,
            options ?? new PipelineCompilerOptions { DiskCache = true, CacheDirectory = _cache.Path }, new FakeHost());

    private CompileRequest Request(string source) => new(source)
    {
        BaseDirectory = _folder.Path,
        ExternalFramework = new FrameworkDefinition("kfp-sdk", ["compile", "{source}", "{output}"]),
    };
}
