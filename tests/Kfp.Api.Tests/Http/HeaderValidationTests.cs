namespace Kfp.Api.Tests.Http;

/// <summary>kfp:headers cannot smuggle headers (CR/LF) or be dropped silently (invalid names).</summary>
public sealed class HeaderValidationTests
{
    private static KfpClient ClientWith(Dictionary<string, string> headers) =>
        new(new KfpClientOptions { BaseAddress = new Uri("http://127.0.0.1:1"), Headers = headers });

    [Theory]
    [InlineData("Cookie", "session=1\r\nX-Injected: yes")]
    [InlineData("Cookie", "session=1\nX-Injected: yes")]
    [InlineData("Cookie", "session=1\rX")]
    [InlineData("Cookie", "a\0b")]
    public void Create_HeaderValueWithLineBreakOrControlCharacter_IsRefusedNamingTheHeader(string name, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => ClientWith(new() { [name] = value }));

        Assert.Contains("kfp:headers", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad Header")]
    [InlineData("X-Bad:Name")]
    [InlineData("")]
    [InlineData("Naïve")]
    [InlineData("Content-Type")]
    public void Create_InvalidHeaderName_IsRefusedInsteadOfDropped(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => ClientWith(new() { [name] = "v" }));

        Assert.Contains("kfp:headers", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderProblems_ValidHeaders_AreNone()
    {
        var problems = KfpClientOptions.HeaderProblems(new Dictionary<string, string>
        {
            ["Cookie"] = "oauth2_proxy=abc; other=1",
            ["kubeflow-userid"] = "me@example.com",
            ["Authorization"] = "Bearer x\ty",
        });

        Assert.Empty(problems);
    }

    [Fact]
    public void HeaderProblems_SeveralBadHeaders_ListsEachOnce()
    {
        var problems = KfpClientOptions.HeaderProblems(new Dictionary<string, string> { ["A B"] = "x", ["C"] = "1\n2" });

        Assert.Equal(2, problems.Count);
    }
}
