using System.Collections.Immutable;
using Kfp.Compiler.IO;
using Kfp.Compiler.Tests.Caching;

namespace Kfp.Compiler.Tests.Frameworks;

/// <summary>
/// The container executor through a real process: a stand-in <c>docker</c> on PATH (TestData/frameworks/docker) records
/// the arguments it gets, checks the mounts and runs the container's command locally.
/// </summary>
public sealed class ContainerExecutorTests : IDisposable
{
    private const string Literal = "a b; echo $HOME";
    private readonly TempFolder _folder = new();
    private readonly TempFolder _bin = new();
    private readonly string _package;

    public ContainerExecutorTests()
    {
        _bin.Write("docker", TestFiles.Read("frameworks/docker"), executable: true);
        _package = Path.Combine(_folder.Path, "train");
        Directory.CreateDirectory(Path.Combine(_package, "steps"));
        File.WriteAllText(Path.Combine(_package, "pipeline.py"), "from steps import prep\n");
        File.WriteAllText(Path.Combine(_package, "steps", "prep.py"), "X = 1\n");
        File.WriteAllText(Path.Combine(_package, "compile.sh"), TestFiles.Read("frameworks/compile.sh"));
        File.WriteAllText(Path.Combine(_package, "ir.yaml"), TestFiles.Read("ir/samples/hello_world.yaml"));
    }

    private string Log => Path.Combine(_bin.Path, "docker.log");

    public void Dispose()
    {
        _folder.Dispose();
        _bin.Dispose();
    }

    [Fact]
    public async Task CompileAsync_Container_PassesMountsUserNetworkAndArgvWithoutShell()
    {
        var result = await Compiler().CompileAsync(Request(Framework(FrameworkExecutors.Container)), CancellationToken.None);

        var call = Calls().Single();
        Assert.Equal("run", call[0]);
        Assert.Equal("none", After(call, "--network"));
        Assert.Equal("1000:1000", After(call, "--user"));
        Assert.Contains($"{_package}:/kfp/source:ro", call);
        Assert.Equal("/kfp/source", After(call, "-w"));
        Assert.Equal("GREETING", After(call, "-e"));
        Assert.DoesNotContain(call, a => a.Contains("hello", StringComparison.Ordinal));
        Assert.StartsWith("kfp-compile-", After(call, "--name"), StringComparison.Ordinal);
        Assert.Equal(["--entrypoint", "bash", "registry.example/kfp-compiler:2.9", "/kfp/source/compile.sh", "/kfp/source/pipeline.py", "/kfp/output/pipeline.yaml", Literal],
            call[call.IndexOf("--entrypoint")..]);
        Assert.Equal("echo", result.PipelineName);
    }

    [Fact]
    public async Task CompileAsync_ContainerAndLocal_GiveTheSameSpecHash()
    {
        var container = await Compiler().CompileAsync(Request(Framework(FrameworkExecutors.Container)), CancellationToken.None);
        var local = await Compiler().CompileAsync(Request(Framework(FrameworkExecutors.Local) with
        {
            Command = ["bash", "{sourceDir}/compile.sh", "{source}", "{output}", Literal],
        }), CancellationToken.None);

        Assert.Equal(local.SpecHash, container.SpecHash);
        Assert.Single(Calls());
    }

    [Fact]
    public async Task CompileAsync_ImageWithoutExecutorAndNoCluster_UsesContainerWithNetworkAsked()
    {
        await Compiler().CompileAsync(Request(Framework(null) with { Network = "bridge" }), CancellationToken.None);

        Assert.Equal("bridge", After(Calls().Single(), "--network"));
    }

    [Fact]
    public async Task CompileAsync_ContainerTimesOut_RemovesItsContainer()
    {
        File.WriteAllText(Path.Combine(_package, "compile.sh"), "sleep 30 &\nwait\n");
        var time = new ManualTimeProvider();
        var compiler = new PipelineCompiler(new PhysicalFileSystem(), new SystemProcessRunner(), time, new PipelineCompilerOptions(), Host());

        var compile = compiler.CompileAsync(Request(Framework(FrameworkExecutors.Container) with { TimeoutSeconds = 5 }), CancellationToken.None);
        await time.TimerCreated.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await WaitForAsync(() => File.Exists(Log));
        time.FireAll();
        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => compile.WaitAsync(TimeSpan.FromSeconds(20)));

        var calls = Calls();
        var name = After(calls[0], "--name");
        Assert.Equal(["rm", "-f", name], calls[1]);
        Assert.Contains("did not finish within 5 s", error.Message, StringComparison.Ordinal);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_ContainerNotTrusted_RunsNothing()
    {
        var framework = Framework(FrameworkExecutors.Container);
        var compiler = new PipelineCompiler(new PhysicalFileSystem(), new SystemProcessRunner(), TimeProvider.System,
            new PipelineCompilerOptions { Trust = FrameworkTrust.Parse(["other"]) }, Host());

        var error = await Assert.ThrowsAsync<UntrustedFrameworkException>(() => compiler.CompileAsync(Request(framework), CancellationToken.None));

        Assert.False(File.Exists(Log));
        Assert.Equal(FrameworkDigest.Compute(framework), error.Digest);
        Assert.Contains("registry.example/kfp-compiler:2.9", error.Message, StringComparison.Ordinal);
        var approved = await compiler.CompileAsync(Request(framework) with { ApprovedFrameworkDigest = error.Digest }, CancellationToken.None);
        Assert.Equal("echo", approved.PipelineName);
    }

    [Fact]
    public async Task CompileAsync_ContainerWithoutEngine_SaysWhatIsMissing()
    {
        var compiler = new PipelineCompiler(new PhysicalFileSystem(), new SystemProcessRunner(), TimeProvider.System, new PipelineCompilerOptions(),
            new FakeHost(("PATH", _folder.Path)));

        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => compiler.CompileAsync(Request(Framework(null)), CancellationToken.None));

        Assert.Equal("framework.executor", Assert.Single(error.Problems).Path);
        Assert.Contains("docker nor podman", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }

    private static string After(List<string> call, string option) => call[call.IndexOf(option) + 1];

    private List<List<string>> Calls() => File.ReadAllText(Log).Split("--- call\n", StringSplitOptions.RemoveEmptyEntries)
        .Select(c => c.TrimEnd('\n').Split('\n').ToList()).ToList();

    private FakeHost Host() => new(("PATH", _bin.Path + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH")));

    private PipelineCompiler Compiler() =>
        new(new PhysicalFileSystem(), new SystemProcessRunner(), TimeProvider.System, new PipelineCompilerOptions(), Host());

    private static FrameworkDefinition Framework(string? executor) =>
        new("kfp-sdk", ["bash", "{sourceDir}/compile.sh", "{source}", "{output}", Literal])
        {
            Image = "registry.example/kfp-compiler:2.9",
            Executor = executor,
            Env = ImmutableSortedDictionary<string, string>.Empty.Add("GREETING", "hello"),
        };

    private CompileRequest Request(FrameworkDefinition framework) =>
        new("train") { BaseDirectory = _folder.Path, ExternalFramework = framework };
}
