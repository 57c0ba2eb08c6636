using System.Diagnostics;
using Kfp.Compiler.Yaml;

namespace Kfp.Compiler.Tests.Yaml;

/// <summary>The bounds of <see cref="KfpYaml"/>: hostile files fail fast with a clear error, and errors quote little.</summary>
public sealed class KfpYamlTests
{
    /// <summary>A 341-byte "billion laughs": nine levels of ten aliases each.</summary>
    public const string BillionLaughs = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """;

    [Fact]
    public void LoadAll_AliasBomb_FailsFastNamingTheLimit()
    {
        var watch = Stopwatch.StartNew();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = Assert.Throws<YamlLoadException>(() => KfpYaml.LoadAll(BillionLaughs));

        Assert.Contains("aliases count every copy", error.Reason, StringComparison.Ordinal);
        Assert.True(error.Line >= 5, $"the error points at line {error.Line}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 50_000_000, "allocated more than 50 MB");
    }

    [Fact]
    public void LoadAll_TooManyAliases_Fails()
    {
        var text = "a: &a x\nb: [" + string.Join(",", Enumerable.Repeat("*a", 11)) + "]\n";

        var error = Assert.Throws<YamlLoadException>(() => KfpYaml.LoadAll(text, new YamlLimits { MaxAliases = 10 }));

        Assert.Contains("more than 10 aliases", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void LoadAll_DeepNesting_FailsWithoutOverflowingTheStack(string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, 100_000)) + "x" + string.Concat(Enumerable.Repeat(close, 100_000));

        var error = Assert.Throws<YamlLoadException>(() => KfpYaml.LoadAll(text));

        Assert.Contains("more than 200 levels", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_AliasDeeperThanTheLimit_Fails()
    {
        var text = "a: &a " + new string('[', 150) + new string(']', 150) + "\nb: " + new string('[', 100) + "*a" + new string(']', 100) + "\n";

        var error = Assert.Throws<YamlLoadException>(() => KfpYaml.LoadAll(text));

        Assert.Contains("levels deep", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_TextOverTheSizeLimit_FailsBeforeParsing()
    {
        var error = Assert.Throws<YamlLoadException>(() => KfpYaml.LoadAll(new string('a', 1001), new YamlLimits { MaxChars = 1000 }));

        Assert.Contains("more than the 1,000 allowed", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!!in]t '0'\n")]
    [InlineData("a: &a [1, 2, {k{: v}]\nb: *a\n")]
    [InlineData("a: &a [1]\nb: {*a\nc: d\n")]
    public void LoadAll_TextYamlDotNetBreaksOn_IsASyntaxErrorWithItsLine(string text)
    {
        var error = Assert.Throws<YamlLoadException>(() => KfpYaml.LoadAll(text));

        Assert.True(error.Line >= 1, $"the error points at line {error.Line}: {error.Message}");
    }

    [Theory]
    [InlineData("a: &x [*x]\n", "inside its own anchor")]
    [InlineData("a: *nothing\n", "names no anchor")]
    [InlineData("a: &x 1\nb: &x 2\n", "defined twice")]
    [InlineData("a: 1\na: 2\n", "duplicate key 'a'")]
    [InlineData("a: !custom 1\n", "not supported")]
    [InlineData("a: .inf\n", "infinity")]
    [InlineData("x *y: d\n", "quote the text")]
    public void LoadAll_ValuesWithoutAJsonForm_AreRefused(string text, string expected)
    {
        var error = Assert.Throws<YamlLoadException>(() => KfpYaml.LoadAll(text));

        Assert.Contains(expected, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_MergeKeys_OwnKeysWinThenTheFirstMergedMapping()
    {
        var value = Assert.Single(KfpYaml.LoadAll("b: &b {x: 1, y: 2}\no: &o {y: 9, z: 3}\nm: {<<: [*b, *o], x: 5}\n"))!;

        var merged = value["m"]!.AsObject();
        Assert.Equal(3, merged.Count);
        Assert.Equal(5, merged["x"]!.GetValue<long>());
        Assert.Equal(2, merged["y"]!.GetValue<long>());
        Assert.Equal(3, merged["z"]!.GetValue<long>());
    }

    [Fact]
    public void IrLoader_SyntaxErrorInALongLine_QuotesOnlyAShortExcerpt()
    {
        var secret = "password=" + new string('s', 200);
        var text = $"pipelineInfo: {{name: a}}\nroot: [{secret}: x: y]\n";

        var error = Assert.Throws<PipelineCompileException>(() => IrLoader.Load(text, "any-file"));

        var message = Assert.Single(error.Problems).Message;
        Assert.Contains("line 2", message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('s', 45), message, StringComparison.Ordinal);
        Assert.True(message.Length < 400, message);
    }

    [Fact]
    public void IrLoader_AliasBomb_IsACompileErrorNamingTheLimit()
    {
        var error = Assert.Throws<PipelineCompileException>(() => IrLoader.Load(BillionLaughs, "bomb.yaml"));

        Assert.Contains("aliases count every copy", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }
}
