using Kfp.Compiler.Definitions;

namespace Kfp.Compiler.Tests.Definitions;

/// <summary>
/// Proof of fidelity: each definition compiles to the same specHash as the KFP SDK's own output for
/// the same pipeline (golden files copied from kubeflow/pipelines, see TestData/ir/SOURCE.txt).
/// </summary>
public sealed class DefinitionGoldenTests
{
    public static TheoryData<string> Goldens => TestFiles.Names("definitions");

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Compile_Definition_HasSameSpecHashAsKfpSdk(string name)
    {
        var golden = TestFiles.Load(GoldenPath(name));

        var compiled = DefinitionCompiler.Compile(TestFiles.Read($"definitions/{name}"), name);

        var expected = SpecHasher.Canonicalize(golden, indented: true);
        var actual = SpecHasher.Canonicalize(compiled, indented: true);
        Assert.True(expected == actual, $"specHash differs for {name}:\n{LineDiff.Unified(expected, actual)}");
        Assert.Equal(SpecHasher.ComputeHash(golden), SpecHasher.ComputeHash(compiled));
        Assert.Equal(SpecHasher.ComputeHash(ProtoDefaults.Strip(golden)), SpecHasher.ComputeHash(ProtoDefaults.Strip(compiled)));
        Assert.Empty(IrValidator.Validate(compiled));
    }

    private static readonly string[] GoldenFolders = ["ir/samples", "ir/platform", "ir/golden"];

    private static string GoldenPath(string name) =>
        GoldenFolders.Select(folder => $"{folder}/{name}").First(path => File.Exists(TestFiles.PathOf(path)));
}
