using System.Text.Json.Nodes;
using Kfp.Compiler.Compilation;

namespace Kfp.Compiler.Tests.Compilation;

public sealed class ImagePullSecretInjectorTests
{
    [Fact]
    public void Inject_ExistingPlatformSpec_MergesWithoutDuplicatesAndKeepsOtherConfig()
    {
        var document = TestFiles.Load("ir/variants/with_platform_spec.yaml");

        var result = ImagePullSecretInjector.Inject(document, ["regcred", "mirror", "mirror"]);

        var executor = Executor(result, "exec-echo");
        Assert.Equal(["regcred", "mirror"], executor["imagePullSecret"]!.AsArray().Select(s => s!["secretName"]!.GetValue<string>()));
        Assert.Equal("api-token", executor["secretAsEnv"]![0]!["secretName"]!.GetValue<string>());
        Assert.Single(Executor(document, "exec-echo")["imagePullSecret"]!.AsArray());
    }

    [Fact]
    public void Inject_NoPlatformSpec_CreatesOneEntryPerContainerExecutor()
    {
        var document = TestFiles.Load("ir/samples/pipeline_with_importer.yaml");

        var result = ImagePullSecretInjector.Inject(document, ["regcred"]);

        var executors = result.PlatformSpec!["platforms"]!["kubernetes"]!["deploymentSpec"]!["executors"]!.AsObject();
        var containers = document.PipelineSpec["deploymentSpec"]!["executors"]!.AsObject().Where(e => e.Value!["container"] is not null).Select(e => e.Key);
        Assert.Equal(containers.Order(StringComparer.Ordinal), executors.Select(e => e.Key));
        Assert.All(executors, e => Assert.Equal("regcred", e.Value!["imagePullSecret"]![0]!["secretName"]!.GetValue<string>()));
        Assert.Empty(IrValidator.Validate(result));
    }

    [Fact]
    public void Inject_SecretGivenAsParameterConstant_IsNotAddedTwice()
    {
        var document = TestFiles.Load("ir/samples/hello_world.yaml") with
        {
            PlatformSpec = (JsonObject)JsonNode.Parse("""
                {"platforms": {"kubernetes": {"deploymentSpec": {"executors": {"exec-echo": {
                  "imagePullSecret": [{"secretNameParameter": {"runtimeValue": {"constant": "regcred"}}}]}}}}}}
                """)!,
        };

        var result = ImagePullSecretInjector.Inject(document, ["regcred"]);

        Assert.Single(Executor(result, "exec-echo")["imagePullSecret"]!.AsArray());
    }

    [Fact]
    public void Inject_NoSecrets_ReturnsDocumentUnchanged()
    {
        var document = TestFiles.Load("ir/samples/hello_world.yaml");

        Assert.Same(document, ImagePullSecretInjector.Inject(document, []));
    }

    private static JsonNode Executor(IrDocument document, string label) =>
        document.PlatformSpec!["platforms"]!["kubernetes"]!["deploymentSpec"]!["executors"]![label]!;
}
