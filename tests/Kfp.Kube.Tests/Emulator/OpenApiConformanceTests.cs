using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Emulator;

/// <summary>
/// Emulator responses checked against the core/v1 OpenAPI document it serves (a trimmed, otherwise verbatim copy of
/// the upstream api__v1_openapi.json, see tests/Kfp.Emulator/Kube/OpenApi/trim-openapi.py).
/// </summary>
public sealed class OpenApiConformanceTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private const string Item = "/api/v1/namespaces/{namespace}/{0}/{name}";
    private const string Collection = "/api/v1/namespaces/{namespace}/{0}";

    private async Task<OpenApiValidator> ValidatorAsync()
    {
        using var http = emu.Http();
        var root = JsonNode.Parse(await http.GetStringAsync(new Uri("/openapi/v3", UriKind.Relative)))!;
        var url = (string)root["paths"]!["api/v1"]!["serverRelativeURL"]!;
        return new OpenApiValidator((JsonObject)JsonNode.Parse(await http.GetStringAsync(new Uri(url, UriKind.Relative)))!);
    }

    private async Task<(HttpStatusCode Code, JsonNode Body)> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var http = emu.Http();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static void AssertValid(OpenApiValidator validator, JsonNode body, JsonObject schema) =>
        Assert.Empty(validator.Validate(body, schema));

    [Theory]
    [InlineData("secrets", """{"metadata":{"name":"NAME","labels":{"a":"b"}},"type":"kubernetes.io/dockerconfigjson","data":{".dockerconfigjson":"eyJhdXRocyI6e319"}}""")]
    [InlineData("configmaps", """{"metadata":{"name":"NAME","annotations":{"x":"y"}},"data":{"k":"v"},"binaryData":{"b":"AAE="}}""")]
    [InlineData("serviceaccounts", """{"metadata":{"name":"NAME"},"imagePullSecrets":[{"name":"regcred"}],"secrets":[{"name":"s","kind":"Secret"}]}""")]
    public async Task Responses_CreateGetListPatchDelete_MatchDeclaredSchemas(string resource, string body)
    {
        var validator = await ValidatorAsync();
        var name = EmulatorFixture.Unique("oa");
        var item = Item.Replace("{0}", resource, StringComparison.Ordinal);
        var collection = Collection.Replace("{0}", resource, StringComparison.Ordinal);
        var url = $"/api/v1/namespaces/kubeflow/{resource}";

        var created = await SendAsync(HttpMethod.Post, url, body.Replace("NAME", name, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, created.Code);
        AssertValid(validator, created.Body, validator.ResponseSchema(collection, "post", "201"));

        var read = await SendAsync(HttpMethod.Get, $"{url}/{name}");
        AssertValid(validator, read.Body, validator.ResponseSchema(item, "get"));

        var list = await SendAsync(HttpMethod.Get, url);
        AssertValid(validator, list.Body, validator.ResponseSchema(collection, "get"));

        var patched = await SendAsync(HttpMethod.Patch, $"{url}/{name}?fieldManager=tester", """{"metadata":{"labels":{"patched":"yes"}}}""", "application/merge-patch+json");
        AssertValid(validator, patched.Body, validator.ResponseSchema(item, "patch"));

        var deleted = await SendAsync(HttpMethod.Delete, $"{url}/{name}");
        AssertValid(validator, deleted.Body, validator.ResponseSchema(item, "delete"));
    }

    [Fact]
    public async Task Responses_ApplyAndNamespace_MatchDeclaredSchemas()
    {
        var validator = await ValidatorAsync();
        var name = EmulatorFixture.Unique("oa");

        var applied = await SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/kubeflow/configmaps/{name}?fieldManager=pulumi-kfp",
            $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}"},"data":{"a":"b"}}""", "application/apply-patch+yaml");
        var ns = await SendAsync(HttpMethod.Get, "/api/v1/namespaces/kubeflow");
        var nsList = await SendAsync(HttpMethod.Get, "/api/v1/namespaces");

        Assert.Equal(HttpStatusCode.Created, applied.Code);
        AssertValid(validator, applied.Body, validator.ResponseSchema(Item.Replace("{0}", "configmaps", StringComparison.Ordinal), "patch", "201"));
        AssertValid(validator, ns.Body, validator.ResponseSchema("/api/v1/namespaces/{name}", "get"));
        AssertValid(validator, nsList.Body, validator.ResponseSchema("/api/v1/namespaces", "get"));
    }

    [Theory]
    [InlineData("GET", "/api/v1/namespaces/kubeflow/secrets/missing", null, 404)]
    [InlineData("POST", "/api/v1/namespaces/kubeflow/configmaps", """{"metadata":{"name":"Bad Name"},"data":{"..x":"y"}}""", 422)]
    [InlineData("POST", "/api/v1/namespaces/kubeflow/secrets", """{"metadata":{"name":"b64"},"data":{"k":"not*base64"}}""", 400)]
    [InlineData("GET", "/api/v1/nothing-here", null, 404)]
    public async Task Errors_AreStatusBodies(string method, string path, string? body, int code)
    {
        var validator = await ValidatorAsync();

        var response = await SendAsync(new HttpMethod(method), path, body);

        Assert.Equal(code, (int)response.Code);
        AssertValid(validator, response.Body, validator.Schema("io.k8s.apimachinery.pkg.apis.meta.v1.Status"));
        Assert.Equal("Failure", (string?)response.Body["status"]);
        Assert.Equal(code, (int)response.Body["code"]!);
    }

    [Fact]
    public void Validator_UndeclaredFieldAndWrongType_AreReported()
    {
        var validator = new OpenApiValidator((JsonObject)JsonNode.Parse("""
            {"paths":{},"components":{"schemas":{"S":{"type":"object","required":["kind"],"properties":{"kind":{"type":"string"},"n":{"type":"integer"}}}}}}
            """)!);

        var errors = validator.Validate(JsonNode.Parse("""{"n":"x","extra":1}"""), validator.Schema("S"));

        Assert.Equal(3, errors.Count);
    }
}
