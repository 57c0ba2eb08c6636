using Kfp.Compiler.Definitions;

namespace Kfp.Compiler.Tests.Definitions;

/// <summary>Image references and Kubernetes settings in definitions are checked, each problem with its path.</summary>
public sealed class DefinitionPlatformTests
{
    private const string Template = """
        pipeline:
          name: p
          tasks:
            - component: c
              kubernetes: KUBERNETES
        components:
          c:
            image: IMAGE
            command: [echo]
        """;

    [Theory]
    [InlineData("python:3.11")]
    [InlineData("ghcr.io/team/app:1.0")]
    [InlineData("localhost:5000/a/b_c__d-e.f:v1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("'{{$.inputs.parameters[''image'']}}'")]
    public void Compile_ValidImage_Compiles(string image)
    {
        var compiled = DefinitionCompiler.Compile(Template.Replace("IMAGE", image, StringComparison.Ordinal).Replace("KUBERNETES", "{}", StringComparison.Ordinal), "t.yaml");

        Assert.Null(compiled.PlatformSpec);
    }

    [Theory]
    [InlineData("Python:3.11")]
    [InlineData("'python 3.11'")]
    [InlineData("python:3.11;rm")]
    [InlineData("repo/UPPER:1")]
    [InlineData("python@sha256:abc")]
    public void Compile_InvalidImage_NamesTheComponentsImage(string image)
    {
        var error = Assert.Throws<PipelineCompileException>(() =>
            DefinitionCompiler.Compile(Template.Replace("IMAGE", image, StringComparison.Ordinal).Replace("KUBERNETES", "{}", StringComparison.Ordinal), "t.yaml"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("components.c.image", problem.Path);
        Assert.Contains("not a valid image reference", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_KubernetesSettings_WriteThePlatformSpecForTheTasksExecutor()
    {
        const string settings = "{imagePullPolicy: Always, podLabels: {team: ml}, pvcMounts: [{pvc: data, mountPath: /data}]}";

        var compiled = DefinitionCompiler.Compile(Template.Replace("IMAGE", "alpine", StringComparison.Ordinal).Replace("KUBERNETES", settings, StringComparison.Ordinal), "t.yaml");

        var executor = compiled.PlatformSpec!["platforms"]!["kubernetes"]!["deploymentSpec"]!["executors"]!["exec-c"]!;
        Assert.Equal("Always", executor["imagePullPolicy"]!.GetValue<string>());
        Assert.Equal("ml", executor["podMetadata"]!["labels"]!["team"]!.GetValue<string>());
        Assert.Equal("data", executor["pvcMount"]![0]!["pvcNameParameter"]!["runtimeValue"]!["constant"]!.GetValue<string>());
        Assert.Null(compiled.PipelineSpec["deploymentSpec"]!["executors"]!["exec-c"]!["$kubernetes"]);
    }

    [Theory]
    [InlineData("{imagePullPolicy: Sometimes}", "pipeline.tasks[0].kubernetes.imagePullPolicy")]
    [InlineData("{timeoutSeconds: 0}", "pipeline.tasks[0].kubernetes.timeoutSeconds")]
    [InlineData("{secretEnv: [{secret: s}]}", "pipeline.tasks[0].kubernetes.secretEnv[0].keys")]
    [InlineData("{nodeSelectors: {a: b}}", "pipeline.tasks[0].kubernetes")]
    [InlineData("{emptyDirs: [{name: v}]}", "pipeline.tasks[0].kubernetes.emptyDirs[0]")]
    public void Compile_BadKubernetesSettings_ReportThePath(string settings, string path)
    {
        var error = Assert.Throws<PipelineCompileException>(() =>
            DefinitionCompiler.Compile(Template.Replace("IMAGE", "alpine", StringComparison.Ordinal).Replace("KUBERNETES", settings, StringComparison.Ordinal), "t.yaml"));

        Assert.Contains(error.Problems, p => p.Path.StartsWith(path, StringComparison.Ordinal));
    }
}
