using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>
/// A whole compile is bounded by what it builds: a 2.6 KB definition whose nested pipelines each run the next twice
/// (2^29 copies of one component, no YAML alias) is refused at Check on <c>source</c>, quickly, naming the limit, and
/// nothing is written.
/// </summary>
public sealed class CompileBudgetTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private static string NestedTwice(int levels)
    {
        var text = new StringBuilder("pipeline:\n  name: bomb\n  tasks:\n    - {name: a, pipeline: p0}\npipelines:\n");
        for (var i = 0; i < levels; i++)
        {
            text.Append(i == levels - 1
                ? $"  p{i}:\n    tasks:\n      - {{name: leaf, component: say}}\n"
                : $"  p{i}:\n    tasks:\n      - {{name: a, pipeline: p{i + 1}}}\n      - {{name: b, pipeline: p{i + 1}}}\n");
        }
        return text.Append("components:\n  say:\n    image: alpine:3.20\n    command: [echo, hi]\n").ToString();
    }

    [Fact]
    public async Task Check_DefinitionThatExpandsWithoutAliases_IsRefusedOnSourceNamingTheLimitAndWritesNothing()
    {
        var source = fixture.AddSource("bomb.yaml", NestedTwice(30));
        var clock = Stopwatch.StartNew();

        var check = await fixture.Client.CheckAsync("urn:pulumi:test::budget::kfp:index:Pipeline::bomb", PropertyMap.Empty,
            PropertyMap.Empty.With("name", PropertyValue.Of("bomb")).With("source", PropertyValue.Of(source)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        var failure = Assert.Single(check.Failures, f => f.Property == "source");
        Assert.Contains("bomb.yaml", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("more than 10,000 components and executors (the limit of one compile", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("use nested pipelines fewer times", failure.Reason, StringComparison.Ordinal);
        using var http = new HttpClient();
        var log = JsonNode.Parse(await http.GetStringAsync(new Uri(fixture.Emulator.KfpUrl, "/_emulator/requests")))!;
        Assert.DoesNotContain(log["requests"]!.AsArray(), r => (string?)r!["method"] is not ("GET" or "HEAD"));
    }

    [Fact]
    public async Task Check_SameShapeUnderTheLimit_Compiles()
    {
        var source = fixture.AddSource("nested-ok.yaml", NestedTwice(6));

        var check = await fixture.Client.CheckAsync("urn:pulumi:test::budget::kfp:index:Pipeline::ok", PropertyMap.Empty,
            PropertyMap.Empty.With("name", PropertyValue.Of("nested-ok")).With("source", PropertyValue.Of(source)));

        Assert.Empty(check.Failures);
        Assert.StartsWith("sha256:", Assert.IsType<StringValue>(PropertyValueCodec.FromStruct(check.Inputs).Get("specHash").Plain).Value, StringComparison.Ordinal);
    }
}
