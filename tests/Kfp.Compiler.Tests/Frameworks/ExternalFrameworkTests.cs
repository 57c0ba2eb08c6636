using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler.IO;

namespace Kfp.Compiler.Tests.Frameworks;

/// <summary>External frameworks run as real processes: small python3/bash scripts stand in for the KFP SDK compiler.</summary>
public sealed class ExternalFrameworkTests : IDisposable
{
    private const string StandInCompiler = """
        import json, os, sys
        source, output, parameters = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
        assert open(source).read().startswith("# pipeline source")
        spec = {
            "pipelineInfo": {"name": parameters["name"]},
            "schemaVersion": "2.1.0",
            "components": {"comp-echo": {"executorLabel": "exec-echo"}},
            "deploymentSpec": {"executors": {"exec-echo": {"container": {
                "image": "alpine", "command": ["echo", os.environ["GREETING"], sys.argv[3], os.getcwd()]}}}},
            "root": {"dag": {"tasks": {"echo": {"componentRef": {"name": "comp-echo"}, "taskInfo": {"name": "echo"}}}}},
        }
        with open(output, "w") as f:
            json.dump(spec, f)
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CompileAsync_StandInCompiler_FillsPlaceholdersEnvAndParameters()
    {
        var script = _folder.Write("compile.py", StandInCompiler);
        _folder.Write("pipeline.py", "# pipeline source\n");
        var framework = new FrameworkDefinition("kfp-sdk", ["python3", script, "{source}", "{output}", "{parameters}"])
        {
            Env = ImmutableSortedDictionary.Create<string, string>().Add("GREETING", "from-framework"),
            DefaultParameters = ImmutableSortedDictionary.Create<string, JsonNode?>().Add("name", "default-name").Add("extra", 1),
        };
        var request = new CompileRequest("pipeline.py")
        {
            BaseDirectory = _folder.Path,
            ExternalFramework = framework,
            FrameworkParameters = ImmutableSortedDictionary.Create<string, JsonNode?>().Add("name", "from-request"),
            Env = ImmutableSortedDictionary.Create<string, string>().Add("GREETING", "from-request"),
        };

        var result = await new PipelineCompiler().CompileAsync(request, CancellationToken.None);

        Assert.Equal("from-request", result.PipelineName);
        Assert.Equal("kfp-sdk", result.Framework);
        var command = result.Spec["deploymentSpec"]!["executors"]!["exec-echo"]!["container"]!["command"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(["echo", "from-request", "{\"extra\":1,\"name\":\"from-request\"}", _folder.Path], command);
    }

    [Fact]
    public async Task CompileAsync_CompilerFails_ReportsExitCodeAndErrorOutput()
    {
        var script = _folder.Write("fail.sh", "echo 'Traceback: ModuleNotFoundError: kfp' >&2\nexit 3\n");
        _folder.Write("pipeline.py", "# pipeline source\n");

        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => Compile(new FrameworkDefinition("kfp-sdk", ["bash", script])));

        Assert.Equal("kfp-sdk", error.Framework);
        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("ModuleNotFoundError: kfp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_CompilerWritesNothing_SaysToUseOutputPlaceholder()
    {
        var script = _folder.Write("noop.sh", "echo compiled\n");
        _folder.Write("pipeline.py", "# pipeline source\n");

        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => Compile(new FrameworkDefinition("kfp-sdk", ["bash", script])));

        Assert.Contains("{output} placeholder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_ProgramMissing_SaysToFixCommand()
    {
        _folder.Write("pipeline.py", "# pipeline source\n");

        var error = await Assert.ThrowsAsync<PipelineCompileException>(
            () => Compile(new FrameworkDefinition("kfp-sdk", [Path.Combine(_folder.Path, "no-such-compiler")])));

        Assert.Equal("framework.command", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public async Task CompileAsync_CompilerWritesInvalidIr_ReportsValidationProblems()
    {
        var script = _folder.Write("bad.sh", "echo '{\"pipelineInfo\": {\"name\": \"x\"}, \"schemaVersion\": \"2.1.0\"}' > \"$1\"\n");
        _folder.Write("pipeline.py", "# pipeline source\n");

        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => Compile(new FrameworkDefinition("kfp-sdk", ["bash", script, "{output}"])));

        Assert.Equal("kfp-sdk", error.Framework);
        Assert.Contains(error.Problems, p => p.Path == "root");
    }

    [Fact]
    public async Task CompileAsync_CompilerTooSlow_IsStoppedAtTimeout()
    {
        var script = _folder.Write("slow.sh", "sleep 30 &\nwait\n");
        _folder.Write("pipeline.py", "# pipeline source\n");
        var time = new ManualTimeProvider();
        var compiler = new PipelineCompiler(new PhysicalFileSystem(), new SystemProcessRunner(), time);
        var request = new CompileRequest("pipeline.py")
        {
            BaseDirectory = _folder.Path,
            ExternalFramework = new FrameworkDefinition("kfp-sdk", ["bash", script]) { TimeoutSeconds = 5 },
        };

        var compile = compiler.CompileAsync(request, CancellationToken.None);
        await time.TimerCreated.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.FireAll();
        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => compile.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("framework.timeoutSeconds", Assert.Single(error.Problems).Path);
        Assert.Contains("did not finish within 5 s", error.Message, StringComparison.Ordinal);
    }

    private Task<CompiledPipeline> Compile(FrameworkDefinition framework) => new PipelineCompiler().CompileAsync(
        new CompileRequest("pipeline.py") { BaseDirectory = _folder.Path, ExternalFramework = framework }, CancellationToken.None);
}
