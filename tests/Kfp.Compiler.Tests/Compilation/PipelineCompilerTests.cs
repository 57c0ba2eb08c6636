using System.Collections.Immutable;

namespace Kfp.Compiler.Tests.Compilation;

public sealed class PipelineCompilerTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly PipelineCompiler _compiler = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CompileAsync_IrFile_ReturnsNameHashAndYaml()
    {
        _folder.Copy("ir/samples/hello_world.yaml");

        var result = await _compiler.CompileAsync(new CompileRequest("hello_world.yaml") { BaseDirectory = _folder.Path }, CancellationToken.None);

        Assert.Equal("echo", result.PipelineName);
        Assert.Equal("ir", result.Framework);
        Assert.Equal(Path.Combine(_folder.Path, "hello_world.yaml"), result.SourceFile);
        Assert.Equal(SpecHasher.ComputeHash(TestFiles.Load("ir/samples/hello_world.yaml")), result.SpecHash);
        Assert.False(result.Spec.ContainsKey("sdkVersion"));
        Assert.Null(result.PlatformSpec);
        Assert.Equal(result.SpecHash, SpecHasher.ComputeHash(IrLoader.Load(result.Yaml, "upload.yaml")));
    }

    [Fact]
    public async Task CompileAsync_DefaultValuedFields_HashLikeTheSpecTheServerStores()
    {
        // A hand-written IR with proto3 defaults spelled out; a KFP server stores it without them.
        _folder.Copy("ir/samples/hello_world.yaml");
        var plain = File.ReadAllText(Path.Combine(_folder.Path, "hello_world.yaml"));
        var spelled = plain.Replace("pipelineInfo:", "defaultPipelineRoot: ''\npipelineInfo:", StringComparison.Ordinal);
        Assert.NotEqual(plain, spelled);
        File.WriteAllText(Path.Combine(_folder.Path, "spelled.yaml"), spelled);

        var stored = await _compiler.CompileAsync(new CompileRequest("hello_world.yaml") { BaseDirectory = _folder.Path }, CancellationToken.None);
        var written = await _compiler.CompileAsync(new CompileRequest("spelled.yaml") { BaseDirectory = _folder.Path }, CancellationToken.None);

        Assert.Equal(stored.SpecHash, written.SpecHash);
        Assert.Equal(written.SpecHash, SpecHasher.ComputeHash(IrLoader.Load(spelled, "spelled.yaml")));
    }

    [Fact]
    public async Task CompileAsync_DefinitionFile_UsesDefinitionFramework()
    {
        _folder.Copy("definitions/container_io.yaml");

        var result = await _compiler.CompileAsync(new CompileRequest("container_io.yaml") { BaseDirectory = _folder.Path }, CancellationToken.None);

        Assert.Equal("definition", result.Framework);
        Assert.Equal(SpecHasher.ComputeHash(TestFiles.Load("ir/samples/container_io.yaml")), result.SpecHash);
    }

    [Fact]
    public async Task CompileAsync_JsonFile_UsesIrFramework()
    {
        _folder.Copy("ir/variants/hello_world.json");

        var result = await _compiler.CompileAsync(new CompileRequest(Path.Combine(_folder.Path, "hello_world.json")), CancellationToken.None);

        Assert.Equal("ir", result.Framework);
        Assert.Equal(SpecHasher.ComputeHash(TestFiles.Load("ir/samples/hello_world.yaml")), result.SpecHash);
    }

    [Fact]
    public async Task CompileAsync_MissingFile_ThrowsNamingResolvedPath()
    {
        var error = await Assert.ThrowsAsync<PipelineCompileException>(
            () => _compiler.CompileAsync(new CompileRequest("pipelines/none.yaml") { BaseDirectory = _folder.Path }, CancellationToken.None));

        Assert.Equal("pipelines/none.yaml", error.SourceFile);
        Assert.Contains(Path.Combine(_folder.Path, "pipelines", "none.yaml"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_PythonWithoutFramework_AsksForFramework()
    {
        _folder.Write("pipeline.py", "print('hi')\n");

        var error = await Assert.ThrowsAsync<PipelineCompileException>(
            () => _compiler.CompileAsync(new CompileRequest("pipeline.py") { BaseDirectory = _folder.Path }, CancellationToken.None));

        Assert.Contains("set the framework", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_UnknownBuiltInFramework_Throws()
    {
        _folder.Copy("ir/samples/hello_world.yaml");

        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => _compiler.CompileAsync(
            new CompileRequest("hello_world.yaml") { BaseDirectory = _folder.Path, Framework = "kfp-sdk" }, CancellationToken.None));

        Assert.Contains("'kfp-sdk' is not a built-in framework", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_InvalidIr_ReportsEveryProblem()
    {
        _folder.Copy("ir/invalid/bad_executors.yaml");

        var error = await Assert.ThrowsAsync<PipelineCompileException>(
            () => _compiler.CompileAsync(new CompileRequest("bad_executors.yaml") { BaseDirectory = _folder.Path }, CancellationToken.None));

        Assert.Equal(4, error.Problems.Length);
        Assert.Equal("ir", error.Framework);
    }

    [Fact]
    public async Task CompileAsync_ImagePullSecrets_ChangeHashAndReachEveryExecutor()
    {
        _folder.Copy("ir/samples/pipeline_with_after.yaml");
        var plain = new CompileRequest("pipeline_with_after.yaml") { BaseDirectory = _folder.Path };

        var without = await _compiler.CompileAsync(plain, CancellationToken.None);
        var with = await _compiler.CompileAsync(plain with { ImagePullSecrets = ["regcred", "mirror"] }, CancellationToken.None);

        Assert.NotEqual(without.SpecHash, with.SpecHash);
        var executors = with.PlatformSpec!["platforms"]!["kubernetes"]!["deploymentSpec"]!["executors"]!.AsObject();
        Assert.Equal(["exec-print-text", "exec-print-text-2", "exec-print-text-3"], executors.Select(e => e.Key));
        Assert.Contains("\n---\nplatforms:", with.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_DefaultPullSecretArray_TreatedAsEmpty()
    {
        _folder.Copy("ir/samples/hello_world.yaml");

        var result = await _compiler.CompileAsync(
            new CompileRequest("hello_world.yaml") { BaseDirectory = _folder.Path, ImagePullSecrets = default }, CancellationToken.None);

        Assert.Null(result.PlatformSpec);
    }

    [Fact]
    public async Task CompileAsync_InvalidPullSecretName_Throws()
    {
        _folder.Copy("ir/samples/hello_world.yaml");

        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => _compiler.CompileAsync(
            new CompileRequest("hello_world.yaml") { BaseDirectory = _folder.Path, ImagePullSecrets = ["Bad_Name"] }, CancellationToken.None));

        Assert.Equal("imagePullSecrets[0]", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public async Task CompileAsync_ResultChangedByCaller_NextResultUnaffected()
    {
        _folder.Copy("ir/samples/hello_world.yaml");
        var request = new CompileRequest("hello_world.yaml") { BaseDirectory = _folder.Path };

        var first = await _compiler.CompileAsync(request, CancellationToken.None);
        first.Spec.Remove("root");
        var second = await _compiler.CompileAsync(request, CancellationToken.None);

        Assert.True(second.Spec.ContainsKey("root"));
    }

    [Fact]
    public async Task CompileAsync_SourceEdited_Recompiles()
    {
        var file = _folder.Copy("ir/samples/hello_world.yaml");
        var request = new CompileRequest(file);
        var before = await _compiler.CompileAsync(request, CancellationToken.None);

        File.WriteAllText(file, TestFiles.Read("ir/variants/hello_world_changed_arg.yaml"));
        var after = await _compiler.CompileAsync(request, CancellationToken.None);

        Assert.NotEqual(before.SpecHash, after.SpecHash);
    }

    [Fact]
    public async Task CompileAllAsync_SeveralSources_ReturnsResultsInOrder()
    {
        _folder.Copy("ir/samples/hello_world.yaml");
        _folder.Copy("definitions/pipeline_with_after.yaml", "after.yaml");
        _folder.Copy("ir/samples/container_io.yaml");

        var results = await _compiler.CompileAllAsync(
            ImmutableArray.Create("hello_world.yaml", "after.yaml", "container_io.yaml").Select(s => new CompileRequest(s) { BaseDirectory = _folder.Path }),
            CancellationToken.None);

        Assert.Equal(["echo", "pipeline-with-after", "container-io"], results.Select(r => r.PipelineName));
    }
}
