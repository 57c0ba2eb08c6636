using System.Collections.Immutable;
using Kfp.Compiler.Definitions;

namespace Kfp.Compiler.Tests.Definitions;

public sealed class DefinitionErrorTests
{
    [Fact]
    public void Compile_BadReferences_ReportsEachWithItsPath()
    {
        var problems = Problems("references.yaml");

        Assert.Contains(problems, p => p.Path == "pipeline.tasks[0].component" && p.Message.Contains("'nope' is not defined", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].arguments.text" && p.Message.Contains("no task 'ghost'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[3].arguments.text" && p.Message.Contains("no output 'missing'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[3].after[0]" && p.Message.Contains("'nobody'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[4].arguments.text" && p.Message.Contains("no enclosing loop", StringComparison.Ordinal));
        Assert.Equal(5, problems.Length);
    }

    [Fact]
    public void Compile_PvcMountsFromTasks_ReportsEachBadClaim()
    {
        var problems = Problems("pvc-mounts.yaml");

        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].kubernetes.pvcMounts[0].pvc" && p.Message.Contains("no other task 'ghost'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].kubernetes.pvcMounts[1].pvc" && p.Message.Contains("no string output 'count'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[2].tasks[0].kubernetes.pvcMounts[0].pvc" && p.Message.Contains("in another group", StringComparison.Ordinal));
        Assert.Equal(3, problems.Length);
    }

    [Fact]
    public void Compile_BadTaskResources_ReportsEachWithItsPath()
    {
        var problems = Problems("resources.yaml");

        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].resources.cpuLimit" && p.Message.Contains("'lots' is not a CPU quantity", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].resources.memoryLimit" && p.Message.Contains("'sizes' is LIST", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].resources.memoryRequest" && p.Message.Contains("must be a string or a number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].resources.disk" && p.Message.Contains("unknown key 'disk'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].resources.accelerator.count" && p.Message.Contains("'two' is not an accelerator count", StringComparison.Ordinal));
        Assert.Equal(5, problems.Length);
    }

    [Fact]
    public void Compile_BadImporters_ReportsEachWithItsPath()
    {
        var problems = Problems("importer.yaml");

        Assert.Contains(problems, p => p.Path == "pipeline.tasks[0].importer.uri" && p.Message.Contains("'uri' is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].importer.type" && p.Message.Contains("'string' is not an artifact type", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].arguments" && p.Message.Contains("takes no 'arguments'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[2].importer.uri" && p.Message.Contains("input 'uri' is STRING", StringComparison.Ordinal));
        Assert.Equal(4, problems.Length);
    }

    [Fact]
    public void Compile_BadBranchesAndOneOfs_ReportsEachWithItsPath()
    {
        var problems = Problems("branches.yaml");

        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].branches[0].condition" && p.Message.Contains("only the last branch", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[3].arguments.text" && p.Message.Contains("has no else branch", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[4].branches[1].tasks[1].arguments.text" && p.Message.Contains("move this task out of the branches", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[5].arguments.text" && p.Message.Contains("directly in the branches of one", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[6].branches" && p.Message.Contains("two or more", StringComparison.Ordinal));
        Assert.Equal(5, problems.Length);
    }

    [Fact]
    public void Compile_BadBuiltInPvcTasks_ReportsEachWithItsPath()
    {
        var problems = Problems("builtin-pvc.yaml");

        Assert.Contains(problems, p => p.Path == "pipeline.tasks[0].createPvc.size" && p.Message.Contains("'size' is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[0].createPvc.nameSuffix" && p.Message.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].deletePvc.pvc" && p.Message.Contains("'pvc' is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[2].createPvc.storage" && p.Message.Contains("unknown key 'storage'", StringComparison.Ordinal));
        Assert.Equal(4, problems.Length);
    }

    [Fact]
    public void Compile_TypeMismatches_ReportsEach()
    {
        var problems = Problems("types.yaml");

        Assert.Contains(problems, p => p.Path == "pipeline.parameters.count.default");
        Assert.Contains(problems, p => p.Path == "pipeline.parameters.word.type" && p.Message.Contains("unknown type 'strng'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].arguments.text" && p.Message.Contains("NUMBER_INTEGER but input 'text' is STRING", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[2].loop.items" && p.Message.Contains("must be a list", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_MissingAndUnknownArguments_ReportsBoth()
    {
        var problems = Problems("arguments.yaml");

        Assert.Contains(problems, p => p.Path == "pipeline.tasks[0].arguments" && p.Message.Contains("required input 'text'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].arguments.colour" && p.Message.Contains("no input 'colour'", StringComparison.Ordinal));
        Assert.Equal(2, problems.Length);
    }

    [Fact]
    public void Compile_OutputReadOutsideItsCondition_SaysToMoveTheConsumer()
    {
        var problem = Assert.Single(Problems("scopes.yaml"));

        Assert.Equal("pipeline.tasks[1].arguments.text", problem.Path);
        Assert.Contains("only available inside 'condition-1'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_BadShape_ReportsTyposNamesImagePlaceholdersAndQuantities()
    {
        var problems = Problems("shape.yaml");

        Assert.Contains(problems, p => p.Path == "pipelne" && p.Message.Contains("unknown key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.name" && p.Message.Contains("Shape_Pipeline", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[0].componnet");
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[0]" && p.Message.Contains("exactly one of 'component'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipeline.tasks[1].name" && p.Message.Contains("'bad-name'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "components.print.image");
        Assert.Contains(problems, p => p.Path == "components.print.command[1]" && p.Message.Contains("'txt'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "components.print.command[2]" && p.Message.Contains("'path'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "components.print.resources.cpuLimit");
        Assert.Contains(problems, p => p.Path == "components.print.resources.memoryLimit");
    }

    [Fact]
    public void Compile_RecursivePipeline_IsRejected()
    {
        var problem = Assert.Single(Problems("recursive.yaml"));

        Assert.Contains("contains itself", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_TasksReadingEachOther_ReportsCycle()
    {
        using var folder = new TempFolder();
        folder.Copy("definitions-invalid/cycle.yaml");

        var error = await Assert.ThrowsAsync<PipelineCompileException>(
            () => new PipelineCompiler().CompileAsync(new CompileRequest("cycle.yaml") { BaseDirectory = folder.Path }, CancellationToken.None));

        Assert.Equal("definition", error.Framework);
        Assert.Contains(error.Problems, p => p.Message.Contains("first -> second -> first", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_NotYaml_ReportsLine()
    {
        var error = Assert.Throws<PipelineCompileException>(() => DefinitionCompiler.Compile("pipeline:\n  name: x\n tasks: [", "p.yaml"));

        Assert.Equal("definition", error.Framework);
        Assert.Contains("line 3", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    private static ImmutableArray<CompileProblem> Problems(string name)
    {
        var error = Assert.Throws<PipelineCompileException>(() => DefinitionCompiler.Compile(TestFiles.Read($"definitions-invalid/{name}"), name));
        Assert.Equal(name, error.SourceFile);
        return error.Problems;
    }
}
