using System.Diagnostics;
using System.Text;
using Kfp.Compiler.Definitions;
using Kfp.Compiler.Definitions.Compiling;

namespace Kfp.Compiler.Tests.Definitions;

/// <summary>
/// A compile is bounded by what it builds, not only by its input: a short definition whose nested pipelines each use
/// the next twice asks for 2^levels copies of one component, with no alias in sight.
/// </summary>
public sealed class BuildBudgetTests
{
    /// <summary>Pipelines p0 … p(levels-1), each running the next twice; the last runs one component (whose argument is <paramref name="payload"/>).</summary>
    public static string NestedTwice(int levels, string payload = "hi")
    {
        var text = new StringBuilder("pipeline:\n  name: bomb\n  tasks:\n    - {name: a, pipeline: p0}\npipelines:\n");
        for (var i = 0; i < levels; i++)
        {
            text.Append(i == levels - 1
                ? $"  p{i}:\n    tasks:\n      - {{name: leaf, component: say}}\n"
                : $"  p{i}:\n    tasks:\n      - {{name: a, pipeline: p{i + 1}}}\n      - {{name: b, pipeline: p{i + 1}}}\n");
        }
        return text.Append($"components:\n  say:\n    image: alpine:3.20\n    command: [echo, {payload}]\n").ToString();
    }

    [Fact]
    public void Compile_NestedPipelinesUsedTwicePerLevel_StopsAtTheLimitQuicklyNamingIt()
    {
        var source = NestedTwice(30);
        Assert.True(source.Length < 3_000, $"{source.Length} characters");
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<PipelineCompileException>(() => DefinitionCompiler.Compile(source, "bomb.yaml"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        var problem = Assert.Single(error.Problems);
        Assert.Contains("more than 10,000 components and executors (the limit of one compile", problem.Message, StringComparison.Ordinal);
        Assert.Contains("tasks[", problem.Path, StringComparison.Ordinal);
        Assert.Contains("bomb.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_LargeComponentCopiedByNestedPipelines_StopsBeforeTheSpecIsWrittenNamingTheLimit()
    {
        // 512 copies of an 80 KiB argument: 40 MiB of spec text from an 80 KiB file, under the parts limit.
        var source = NestedTwice(10, new string('x', 80 * 1024));
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<PipelineCompileException>(() => DefinitionCompiler.Compile(source, "wide.yaml"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        var problem = Assert.Single(error.Problems);
        Assert.Equal("pipeline", problem.Path);
        Assert.Contains("more than 32 MiB of text (the limit of one compile", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_PastItsAllocationLimit_Stops()
    {
        var budget = new BuildBudget { MaxAllocatedBytes = 1024 * 1024 };
        budget.Charge(1, "pipeline.tasks[0]");
        GC.KeepAlive(new byte[4 * 1024 * 1024]);

        var error = Assert.Throws<BuildBudgetExceededException>(() => budget.Charge(1, "pipeline.tasks[1]"));

        Assert.Equal("pipeline.tasks[1]", error.Path);
        Assert.Contains("allocated more than 1 MiB (the memory limit of one compile)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_NestedPipelinesUnderTheLimit_Compile()
    {
        var document = DefinitionCompiler.Compile(NestedTwice(8), "eight.yaml");

        Assert.Equal(128, document.PipelineSpec["deploymentSpec"]!["executors"]!.AsObject().Count);
    }
}
