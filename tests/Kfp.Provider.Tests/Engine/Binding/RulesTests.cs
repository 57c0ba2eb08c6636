using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Tests.Engine.Binding;

public sealed class RulesTests
{
    [Theory]
    [InlineData("kubeflow", true)]
    [InlineData("team-a1", true)]
    [InlineData("a", true)]
    [InlineData("Team", false)]
    [InlineData("-team", false)]
    [InlineData("team-", false)]
    [InlineData("team.a", false)]
    [InlineData("team_a", false)]
    public void DnsLabel_KubernetesNamespaces(string value, bool valid) =>
        Assert.Equal(valid, Rules.DnsLabel("namespace")(value) is null);

    [Fact]
    public void DnsLabel_63IsTheLimit()
    {
        Assert.Null(Rules.DnsLabel("namespace")(new string('a', 63)));
        Assert.NotNull(Rules.DnsLabel("namespace")(new string('a', 64)));
    }

    [Theory]
    [InlineData("pipeline-runner", true)]
    [InlineData("default-editor.team", true)]
    [InlineData("Default", false)]
    [InlineData("a..b", false)]
    [InlineData("a b", false)]
    public void DnsSubdomain_ServiceAccountNames(string value, bool valid) =>
        Assert.Equal(valid, Rules.DnsSubdomain("service account name")(value) is null);

    [Fact]
    public void MaxBytes_CountsUtf8Bytes()
    {
        Assert.Null(Rules.MaxBytes(128)(new string('é', 64)));
        Assert.Equal("is 130 bytes long; KFP allows at most 128: shorten it", Rules.MaxBytes(128)(new string('é', 65)));
    }

    [Fact]
    public void Text_AllowsLineBreaksAndTabs_RefusesOtherControlCharacters()
    {
        Assert.Null(Rules.Text("line one\nline two\r\n\tindented"));
        Assert.Equal("contains the control character U+001B at position 3; remove it", Rules.Text("red\u001b[0m"));
        Assert.NotNull(Rules.NoControlCharacters("a\tb"));
    }

    [Fact]
    public void DnsLabel_QuotesTheValueWithoutItsControlCharacters()
    {
        var reason = Rules.DnsLabel("namespace")("a\0b");

        Assert.Contains("'a\\u0000b'", reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', reason!);
    }
}
