using System.Text;
using Kfp.Compiler.Sources;

namespace Kfp.Compiler.Tests.Sources;

/// <summary>
/// A JSON source is parsed from the bytes read, a YAML source from their text: both must read a file exactly as
/// decoding it first did (byte order marks, invalid UTF-8, error positions), through the compiler's public API.
/// </summary>
public sealed class SourceTextTests : IDisposable
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly TempFolder _folder = new();
    private readonly PipelineCompiler _compiler = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "")]
    [InlineData(2, "")]
    [InlineData(1, "\n  \t")]
    public async Task JsonFile_WithByteOrderMarksAndLeadingSpace_HashesAsWithout(int marks, string space)
    {
        var json = TestFiles.Read("ir/variants/hello_world.json");
        var bytes = Enumerable.Repeat(Bom, marks).SelectMany(b => b).Concat(Encoding.UTF8.GetBytes(space + json)).ToArray();
        File.WriteAllBytes(Path.Combine(_folder.Path, "marked.json"), bytes);

        var result = await Compile("marked.json");

        Assert.Equal("echo", result.PipelineName);
        Assert.Equal(SpecHasher.ComputeHash(IrLoader.Load(json, "plain.json")), result.SpecHash);
    }

    [Fact]
    public async Task JsonFile_WithInvalidUtf8_ReadsItAsDecodedText()
    {
        // 0xFF is never valid UTF-8: decoded, it becomes U+FFFD, as the file was read before JSON was parsed from bytes.
        var json = TestFiles.Read("ir/variants/hello_world.json").Replace("hello world", "hello @", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json);
        bytes[Array.IndexOf(bytes, (byte)'@')] = 0xFF;
        File.WriteAllBytes(Path.Combine(_folder.Path, "invalid.json"), bytes);

        var result = await Compile("invalid.json");

        Assert.Equal(SpecHasher.ComputeHash(IrLoader.Load(json.Replace('@', '\uFFFD'), "decoded.json")), result.SpecHash);
        Assert.Equal("hello \uFFFD", result.Spec["deploymentSpec"]!["executors"]!["exec-echo"]!["container"]!["args"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\n  \"pipelineInfo\": {\"name\": \"a\"},\n  \"root\": [1, 2,,]\n}\n", "not valid JSON at line 3", "\"root\": [1, 2,,]")]
    [InlineData("{\n\"pipelineInfo\": {\"name\": \"a\",\n \"name\": \"b\"}}", "duplicate key 'name'", "line 3")]
    public async Task JsonFile_Invalid_NamesTheLineAndQuotesTheText(string content, string says, string andSays)
    {
        _folder.Write("invalid.json", content);

        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => Compile("invalid.json"));

        var message = Assert.Single(error.Problems).Message;
        Assert.Contains(says, message, StringComparison.Ordinal);
        Assert.Contains(andSays, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YamlFile_HoldingJson_IsParsedAsJson()
    {
        _folder.Copy("ir/variants/hello_world.json", "hello.yaml");

        var result = await Compile("hello.yaml");

        Assert.Equal("ir", result.Framework);
        Assert.Equal(SpecHasher.ComputeHash(TestFiles.Load("ir/variants/hello_world.json")), result.SpecHash);
    }

    [Fact]
    public void FromUtf8_DecodesOnFirstUseOnly_AndGivesBytesOnlyWhenValid()
    {
        var valid = SourceText.FromUtf8(Bom.Concat("{}"u8.ToArray()).ToArray());
        var invalid = SourceText.FromUtf8(new byte[] { (byte)'{', 0xC3, (byte)'}' });
        var decoded = SourceText.FromString("\uFEFF{}");

        Assert.Equal("{}"u8.ToArray(), valid.ValidUtf8!.Value.ToArray());
        Assert.Same(valid.Text, valid.Text);
        Assert.Equal("{}", valid.Text);
        Assert.Null(invalid.ValidUtf8);
        Assert.Equal("{\uFFFD}", invalid.Text);
        Assert.Null(decoded.ValidUtf8);
        Assert.Equal("{}", decoded.Text);
    }

    private Task<CompiledPipeline> Compile(string file) =>
        _compiler.CompileAsync(new CompileRequest(file) { BaseDirectory = _folder.Path }, CancellationToken.None);
}
