namespace Kfp.Compiler.Tests.Definitions;

/// <summary>
/// The definition features added for real samples (task resources from values, importer, branches with oneOf,
/// built-in claim tasks) through the compiler's public entry point, as a Pipeline resource compiles them: the
/// specHash a user sees equals the one of the KFP SDK's file, and the upload still carries the platform spec.
/// </summary>
public sealed class DefinitionNewFeatureCompileTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly PipelineCompiler _compiler = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("pipeline_with_string_machine_fields_pipeline_input.yaml", "ir/platform")]
    [InlineData("pipeline_with_string_machine_fields_task_output.yaml", "ir/platform")]
    [InlineData("pipeline_with_importer.yaml", "ir/samples")]
    [InlineData("if_elif_else_with_oneof_parameters.yaml", "ir/golden")]
    [InlineData("if_elif_else_complex.yaml", "ir/golden")]
    [InlineData("create_mount_delete_dynamic_pvc.yaml", "ir/platform")]
    public async Task CompileAsync_Definition_HashesLikeTheSdkFile(string name, string goldenFolder)
    {
        _folder.Copy($"definitions/{name}");
        var golden = TestFiles.Load($"{goldenFolder}/{name}");

        var result = await _compiler.CompileAsync(new CompileRequest(name) { BaseDirectory = _folder.Path }, CancellationToken.None);

        Assert.Equal("definition", result.Framework);
        Assert.Equal(SpecHasher.ComputeHash(golden), result.SpecHash);
        Assert.Equal(golden.PlatformSpec is null, result.PlatformSpec is null);
        Assert.Equal(result.SpecHash, SpecHasher.ComputeHash(IrLoader.Load(result.Yaml, "upload.yaml")));
    }
}
