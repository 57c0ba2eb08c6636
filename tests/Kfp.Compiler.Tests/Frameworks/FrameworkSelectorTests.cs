using Kfp.Compiler.Frameworks;

namespace Kfp.Compiler.Tests.Frameworks;

public sealed class FrameworkSelectorTests
{
    [Theory]
    [InlineData("p.yaml", "pipelineInfo: {name: x}\n", "ir")]
    [InlineData("p.yml", "schemaVersion: 2.1.0\n", "ir")]
    [InlineData("p.json", "{}", "ir")]
    [InlineData("p.yaml", "# only comments\n", "ir")]
    [InlineData("p.yaml", "pipeline: {name: x}\ncomponents: {}\n", "definition")]
    [InlineData("P.YAML", "pipeline: {name: x}\n", "definition")]
    public void Choose_ByFile_PicksBuiltIn(string file, string text, string expected)
    {
        Assert.Equal(expected, FrameworkSelector.Choose(new CompileRequest(file), file, text).Name);
    }

    [Fact]
    public void Choose_ExplicitExternal_WinsOverName()
    {
        var external = new FrameworkDefinition("kfp-sdk", ["python3", "compile.py"]);

        var chosen = FrameworkSelector.Choose(new CompileRequest("p.yaml") { Framework = "ir", ExternalFramework = external }, "p.yaml", "pipeline: {}");

        Assert.Same(external, chosen.External);
    }

    [Fact]
    public void Choose_YamlOfUnknownShape_AsksForFramework()
    {
        var error = Assert.Throws<PipelineCompileException>(() => FrameworkSelector.Choose(new CompileRequest("p.yaml"), "p.yaml", "apiVersion: v1\nkind: ConfigMap\n"));

        Assert.Contains("neither KFP IR", error.Message, StringComparison.Ordinal);
    }
}
