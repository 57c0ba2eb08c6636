using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Emulator;

/// <summary>The emulator's validation answers (422 Invalid with causes, 400 for undecodable bodies) for our kinds.</summary>
public sealed class ValidationTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private readonly RawKube _kube = new(emu);

    [Theory]
    [InlineData("""{"metadata":{}}""", "metadata.name", "Required value: name or generateName is required")]
    [InlineData("""{"metadata":{"name":"UPPER"}}""", "metadata.name", "a lowercase RFC 1123 subdomain")]
    [InlineData("""{"metadata":{"name":"ok","labels":{"bad key":"v"}}}""", "metadata.labels", "name part must consist of alphanumeric characters")]
    [InlineData("""{"metadata":{"name":"ok","labels":{"k":"-starts-with-dash"}}}""", "metadata.labels", "a valid label must be an empty string")]
    [InlineData("""{"metadata":{"name":"ok","annotations":{"Example.com/x":"v","-bad":"v"}}}""", "metadata.annotations", "name part must consist")]
    [InlineData("""{"metadata":{"name":"ok"},"data":{"..dots":"YQ=="}}""", "data[..dots]", "must not start with '..'")]
    [InlineData("""{"metadata":{"name":"ok"},"type":"kubernetes.io/dockerconfigjson","data":{}}""", "data[.dockerconfigjson]", "Required value")]
    [InlineData("""{"metadata":{"name":"ok"},"type":"kubernetes.io/dockerconfigjson","data":{".dockerconfigjson":"WzFd"}}""", "data[.dockerconfigjson]", "must be a JSON object")]
    [InlineData("""{"metadata":{"name":"ok"},"type":"kubernetes.io/tls","data":{"tls.crt":"YQ=="}}""", "data[tls.key]", "Required value")]
    public async Task CreateSecret_InvalidField_Is422WithCause(string body, string field, string detail)
    {
        var response = await _kube.CreateAsync("secrets", body);

        Assert.Equal(422, response.Code);
        Assert.Equal("Invalid", response.Reason);
        Assert.Equal("Secret", (string?)response.Body["details"]!["kind"]);
        var cause = Assert.Single(response.Body["details"]!["causes"]!.AsArray(), c => (string?)c!["field"] == field);
        Assert.Contains(detail, (string?)cause!["message"], StringComparison.Ordinal);
        Assert.Contains($"{field}: ", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSecret_UppercaseAnnotationPrefix_IsAccepted()
    {
        var body = """{"metadata":{"name":"NAME","annotations":{"Example.com/x":"v"}}}""".Replace("NAME", EmulatorFixture.Unique("s"), StringComparison.Ordinal);

        var response = await _kube.CreateAsync("secrets", body);

        Assert.Equal(201, response.Code);
    }

    [Fact]
    public async Task CreateSecret_BadBase64_Is400NotInvalid()
    {
        var response = await _kube.CreateAsync("secrets", """{"metadata":{"name":"b64"},"data":{"k":"%%%"}}""");

        Assert.Equal(400, response.Code);
        Assert.Equal("BadRequest", response.Reason);
        Assert.StartsWith("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSecret_OverOneMebibyte_IsTooLong()
    {
        var big = Convert.ToBase64String(new byte[(1024 * 1024) + 1]);

        var response = await _kube.CreateAsync("secrets", $$$"""{"metadata":{"name":"big"},"data":{"blob":"{{{big}}}"}}""");

        Assert.Equal(422, response.Code);
        Assert.Contains("data: Too long: may not be more than 1048576 bytes", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSecret_ExactlyOneMebibyte_IsAccepted()
    {
        var max = Convert.ToBase64String(new byte[1024 * 1024]);

        var response = await _kube.CreateAsync("secrets", $$$"""{"metadata":{"name":"{{{EmulatorFixture.Unique("max")}}}"},"data":{"blob":"{{{max}}}"}}""");

        Assert.Equal(201, response.Code);
    }

    [Fact]
    public async Task CreateConfigMap_KeyInDataAndBinaryData_IsInvalid()
    {
        var response = await _kube.CreateAsync("configmaps", """{"metadata":{"name":"dup"},"data":{"k":"v"},"binaryData":{"k":"AA=="}}""");

        Assert.Equal(422, response.Code);
        Assert.Contains("binaryData[k]", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateNamespace_DottedName_FailsLabelRule()
    {
        var response = await _kube.SendAsync("POST", "/api/v1/namespaces", """{"metadata":{"name":"has.dot"}}""");

        Assert.Equal(422, response.Code);
        Assert.Contains("a lowercase RFC 1123 label", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImmutableSecret_DataChange_IsForbiddenAndUnsettingToo()
    {
        var name = EmulatorFixture.Unique("imm");
        await _kube.CreateAsync("secrets", $$$"""{"metadata":{"name":"{{{name}}}"},"data":{"a":"YQ=="},"immutable":true}""");
        var path = $"/api/v1/namespaces/kubeflow/secrets/{name}";

        var data = await _kube.SendAsync("PATCH", path, """{"data":{"a":"Yg=="}}""", "application/merge-patch+json");
        var unset = await _kube.SendAsync("PATCH", path, """{"immutable":false}""", "application/merge-patch+json");
        var labels = await _kube.SendAsync("PATCH", path, """{"metadata":{"labels":{"ok":"yes"}}}""", "application/merge-patch+json");

        Assert.Contains("data: Forbidden: field is immutable when `immutable` is set", data.Message, StringComparison.Ordinal);
        Assert.Contains("immutable: Forbidden: field is immutable when `immutable` is set", unset.Message, StringComparison.Ordinal);
        Assert.Equal(200, labels.Code);
    }

    [Fact]
    public async Task Create_ResourceVersionSet_Is500WithoutReason()
    {
        var response = await _kube.CreateAsync("configmaps", """{"metadata":{"name":"rv","resourceVersion":"5"}}""");

        Assert.Equal(500, response.Code);
        Assert.Equal("", response.Reason);
        Assert.Equal("resourceVersion should not be set on objects to be created", response.Message);
    }

    [Fact]
    public async Task Create_WrongKindOrNamespace_Is400()
    {
        var kind = await _kube.CreateAsync("configmaps", """{"kind":"Secret","metadata":{"name":"k"}}""");
        var ns = await _kube.CreateAsync("configmaps", """{"metadata":{"name":"k","namespace":"default"}}""");

        Assert.Equal(400, kind.Code);
        Assert.Equal(400, ns.Code);
        Assert.Contains("does not match the namespace sent on the request", ns.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownFieldDefaultWarn_DropsItWithWarningHeader()
    {
        var name = EmulatorFixture.Unique("cm");

        var response = await _kube.CreateAsync("configmaps", $$$"""{"metadata":{"name":"{{{name}}}","labelz":{"a":"b"}},"dta":{}}""");

        Assert.Equal(201, response.Code);
        Assert.Null(response.Body["dta"]);
        Assert.Null(response.Body["metadata"]!["labelz"]);
        Assert.Contains(response.Headers.GetValues("Warning"), w => w.Contains("unknown field \\\"metadata.labelz\\\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_DryRunUnsupportedValue_IsInvalid()
    {
        var response = await _kube.CreateAsync("configmaps", """{"metadata":{"name":"dry"}}""", "?dryRun=Some");

        Assert.Equal(422, response.Code);
        Assert.Contains("Unsupported value: \"Some\": supported values: \"All\"", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_GenerateName_AppendsFiveCharacters()
    {
        var response = await _kube.CreateAsync("secrets", """{"metadata":{"generateName":"gen-"}}""");

        Assert.Equal(201, response.Code);
        Assert.Matches("^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$", (string?)response.Body["metadata"]!["name"]);
    }
}
