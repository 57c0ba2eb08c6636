namespace Kfp.Compiler.Tests.Ir;

public sealed class IrValidatorTests
{
    public static TheoryData<string> Samples
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var folder in new[] { "ir/samples", "ir/platform", "ir/golden" })
            {
                foreach (var file in Directory.GetFiles(TestFiles.PathOf(folder), "*.yaml").Order(StringComparer.Ordinal))
                {
                    data.Add($"{folder}/{Path.GetFileName(file)}");
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Validate_RealSample_HasNoProblems(string path)
    {
        var problems = IrValidator.Validate(TestFiles.Load(path));

        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("hello_world.json")]
    [InlineData("hello_world_reordered.yaml")]
    [InlineData("with_platform_spec.yaml")]
    [InlineData("scalars.yaml")]
    public void Validate_Variant_HasNoProblems(string name)
    {
        var problems = IrValidator.Validate(TestFiles.Load($"ir/variants/{name}"));

        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }

    [Fact]
    public void Validate_EmptyName_ReportsPipelineInfoName()
    {
        var problem = Assert.Single(Problems("no_name.yaml"));

        Assert.Equal("pipelineInfo.name", problem.Path);
        Assert.Contains("empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownTopLevelKey_SuggestsTheKnownKey()
    {
        var problems = Problems("invalid_yaml.yaml");

        var unknown = Assert.Single(problems, p => p.Path == "components_1");
        Assert.Contains("did you mean 'components'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains(problems, p => p.Path == "root.dag.tasks.echo.componentRef.name");
    }

    [Fact]
    public void EnsureValid_InvalidSample_ThrowsNamingFileAndPath()
    {
        var error = Assert.Throws<PipelineCompileException>(
            () => IrValidator.EnsureValid(TestFiles.Load("ir/invalid/invalid_yaml.yaml"), "pipelines/echo.yaml"));

        Assert.Contains("pipelines/echo.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("framework 'ir'", error.Message, StringComparison.Ordinal);
        Assert.Contains("components_1: unknown top-level key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingComponent_ReportsComponentRefPath()
    {
        var problem = Assert.Single(Problems("missing_component.yaml"));

        Assert.Equal("root.dag.tasks.print-op.componentRef.name", problem.Path);
        Assert.Contains("'comp-print-op' is not defined", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Cycle_NamesTheCycle()
    {
        var problem = Assert.Single(Problems("cycle.yaml"));

        Assert.Equal("root.dag.tasks", problem.Path);
        Assert.Contains("a -> c -> b -> a", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownProducer_ReportsDependentTasksAndInput()
    {
        var problems = Problems("unknown_producer.yaml");

        Assert.Contains(problems, p => p.Path == "root.dag.tasks.print.dependentTasks");
        Assert.Contains(problems, p => p.Path == "root.dag.tasks.print.inputs.parameters.text.taskOutputParameter"
                                       && p.Message.Contains("'maker' is not a task", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TypeMismatch_ReportsBothInputs()
    {
        var problems = Problems("type_mismatch.yaml");

        Assert.Equal(2, problems.Length);
        Assert.Contains(problems, p => p.Path == "root.dag.tasks.print.inputs.parameters.text.taskOutputParameter"
                                       && p.Message.Contains("NUMBER_INTEGER value cannot feed a STRING", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "root.dag.tasks.print-2.inputs.parameters.text.runtimeValue.constant");
    }

    [Fact]
    public void Validate_MissingDependencyAndOutput_ReportsBoth()
    {
        var problems = Problems("missing_dependency.yaml");

        Assert.Equal(2, problems.Length);
        Assert.Contains(problems, p => p.Message.Contains("add 'make' to dependentTasks", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("no output parameter 'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UndeclaredInputs_ReportsEachOne()
    {
        var problems = Problems("undeclared_inputs.yaml");

        Assert.Contains(problems, p => p.Path == "root.dag.tasks.print.inputs.parameters.text.componentInputParameter");
        Assert.Contains(problems, p => p.Path == "root.dag.tasks.print.inputs.parameters.extra");
        Assert.Contains(problems, p => p.Path == "root.dag.tasks.print-2.inputs"
                                       && p.Message.Contains("required input parameter 'text'", StringComparison.Ordinal));
        Assert.Equal(3, problems.Length);
    }

    [Fact]
    public void Validate_BadHeader_ReportsVersionAndName()
    {
        var problems = Problems("bad_header.yaml");

        Assert.Contains(problems, p => p.Path == "schemaVersion" && p.Message.Contains("\"2.1.0\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "pipelineInfo.name" && p.Message.Contains("My_Pipeline", StringComparison.Ordinal));
        Assert.Equal(2, problems.Length);
    }

    [Fact]
    public void Validate_BadExecutors_ReportsLabelImageAndPlaceholders()
    {
        var problems = Problems("bad_executors.yaml");

        Assert.Contains(problems, p => p.Path == "components.comp-orphan.executorLabel");
        Assert.Contains(problems, p => p.Path == "deploymentSpec.executors.exec-print.container.image");
        Assert.Contains(problems, p => p.Path == "deploymentSpec.executors.exec-print.container.command[1]"
                                       && p.Message.Contains("'txt'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "deploymentSpec.executors.exec-print.container.command[2]"
                                       && p.Message.Contains("'result'", StringComparison.Ordinal));
        Assert.Equal(4, problems.Length);
    }

    private static System.Collections.Immutable.ImmutableArray<CompileProblem> Problems(string name) =>
        IrValidator.Validate(TestFiles.Load($"ir/invalid/{name}"));
}
