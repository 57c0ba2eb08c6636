using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Kfp.Compiler.Views;

namespace Kfp.Compiler.Tests.Views;

public sealed partial class MermaidWriterTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "ir/samples", "ir/golden" })
        {
            foreach (var name in TestFiles.Names(folder))
            {
                data.Add($"{folder}/{name}");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_Sample_MatchesGoldenFile(string sample)
    {
        var actual = MermaidWriter.Write(TestFiles.Load(sample));
        var golden = $"views/mermaid/{Path.GetFileNameWithoutExtension(sample)}.mmd";
        if (Environment.GetEnvironmentVariable("KFP_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceTestData(), golden), actual);
        }
        var expected = TestFiles.Read(golden);
        Assert.True(expected == actual, $"{sample}: the Mermaid chart differs from {golden}:\n{LineDiff.Unified(expected, actual)}");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_Sample_HasEveryTaskAndEdge(string sample)
    {
        var document = TestFiles.Load(sample);
        var chart = MermaidWriter.Write(document);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in NodeLine().Matches(chart))
        {
            ids[m.Groups["id"].Value] = m.Groups["label"].Value.Split("<br/>")[0].Split(':')[0];
        }
        var edges = EdgeLine().Matches(chart).Select(m => (ids[m.Groups["from"].Value], ids[m.Groups["to"].Value])).ToHashSet();
        var expectedTasks = 0;
        void Walk(JsonObject? component)
        {
            foreach (var (name, task) in IrWalk.Tasks(component))
            {
                expectedTasks++;
                Assert.Contains(name, ids.Values);
                foreach (var upstream in IrWalk.After(task))
                {
                    Assert.True(edges.Contains((upstream, name)), $"{sample}: no edge {upstream} → {name} in\n{chart}");
                }
                var inner = IrWalk.Component(document.PipelineSpec, task);
                if (IrWalk.IsDag(inner))
                {
                    Walk(inner);
                }
            }
        }
        Walk(document.PipelineSpec["root"] as JsonObject);
        Assert.Equal(expectedTasks, ids.Count);
        Assert.StartsWith("flowchart TD\n", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameSpecTwice_IsIdentical()
    {
        var a = MermaidWriter.Write(TestFiles.Load("ir/golden/pipeline_with_loops.yaml"));
        var b = MermaidWriter.Write(TestFiles.Load("ir/golden/pipeline_with_loops.yaml"));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Write_ExitHandler_IsSubgraphWithDottedEdgeToExitTask()
    {
        var chart = MermaidWriter.Write(TestFiles.Load("ir/golden/pipeline_with_exit_handler.yaml"));
        Assert.Contains("subgraph t0[\"exit-handler-1: exit handler\"]", chart, StringComparison.Ordinal);
        Assert.Matches(@"t0 -\.->\|always\| t\d+", chart);
    }

    [Fact]
    public void Write_QuotesAndAngleBrackets_AreEscaped()
    {
        var chart = MermaidWriter.Write(TestFiles.Load("ir/samples/pipeline_with_condition.yaml"));
        Assert.DoesNotContain("'heads\"", chart, StringComparison.Ordinal);
        Assert.All(chart.Split('\n').Where(l => l.Contains("[\"", StringComparison.Ordinal)),
            line => Assert.EndsWith("\"]", line, StringComparison.Ordinal));
    }

    private static string SourceTestData()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kfp.Compiler.Tests.csproj")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("test project folder not found"), "TestData");
    }

    [GeneratedRegex(@"^\s*(?:subgraph )?(?<id>t\d+)\[""(?<label>[^""]*)""\]", RegexOptions.Multiline)]
    private static partial Regex NodeLine();

    [GeneratedRegex(@"^\s*(?<from>t\d+) (?:-->|-\.->\|always\|) (?<to>t\d+)$", RegexOptions.Multiline)]
    private static partial Regex EdgeLine();
}
