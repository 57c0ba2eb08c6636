using System.Text.Json.Nodes;
using Kfp.Emulator.Tests.Support;

namespace Kfp.Emulator.Tests.Specs;

/// <summary>
/// The KFP SDK (PyYAML) wraps a long double-quoted command onto lines at the sequence's indentation; Go's YAML
/// reader, and so a real KFP server, accepts it. YamlDotNet alone refuses it; the emulator reads it as PyYAML does.
/// </summary>
public sealed class WrappedScalarUploadTests
{
    // PyYAML loads the command as ['sh', 'x && " $0" "$@"\n'] (the case of the issue, in a valid pipeline).
    private const string Minimal = """
        pipelineInfo:
          name: wrapped
        schemaVersion: 2.1.0
        components:
          comp-a:
            executorLabel: exec-a
        deploymentSpec:
          executors:
            exec-a:
              container:
                image: alpine
                command:
                - sh
                - "x && \"
                $0\" \"$@\"\n"
        root:
          dag:
            tasks:
              a:
                componentRef:
                  name: comp-a
                taskInfo:
                  name: a
        """;

    [Fact]
    public async Task Upload_WrappedDoubleQuotedScalar_LoadsAsPyYamlDoes()
    {
        await using var emu = await TestEmulator.StartAsync();

        var (pipelineId, versionId) = await emu.UploadAsync("wrapped", Minimal);

        var spec = (await emu.GetAsync($"/apis/v2beta1/pipelines/{pipelineId}/versions/{versionId}"))["pipeline_spec"]!;
        var command = spec["deploymentSpec"]!["executors"]!["exec-a"]!["container"]!["command"]!.AsArray();
        Assert.Equal(["sh", "x && \" $0\" \"$@\"\n"], command.Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Upload_SdkCompiledFileWithAWrappedCommand_IsAccepted()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "Samples", "pipeline_with_secret_as_volume.yaml"));
        await using var emu = await TestEmulator.StartAsync();

        var (pipelineId, versionId) = await emu.UploadAsync("secret-as-volume", text);

        var stored = (await emu.GetAsync($"/apis/v2beta1/pipelines/{pipelineId}/versions/{versionId}"))["pipeline_spec"]!;
        var command = stored["pipeline_spec"]!["deploymentSpec"]!["executors"]!["exec-comp"]!["container"]!["command"]!.AsArray();
        Assert.EndsWith("'typing-extensions>=3.7.4,<5; python_version<\"3.9\"' && \"$0\" \"$@\"\n", command[2]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.IsType<JsonObject>(stored["platform_spec"]!["platforms"]!["kubernetes"]);
    }
}
