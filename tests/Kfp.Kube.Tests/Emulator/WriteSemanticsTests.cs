using System.Globalization;
using System.Text.Json.Nodes;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Emulator;

/// <summary>resourceVersion, patches, apply rules, finalizers and deletion in the emulated API.</summary>
public sealed class WriteSemanticsTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private readonly RawKube _kube = new(emu);

    private async Task<string> CreateConfigMapAsync(string json = """{"data":{"a":"1"}}""")
    {
        var name = EmulatorFixture.Unique("cm");
        var body = JsonNode.Parse(json)!.AsObject();
        body["metadata"] = new JsonObject { ["name"] = name };
        var created = await _kube.CreateAsync("configmaps", body.ToJsonString());
        Assert.Equal(201, created.Code);
        return name;
    }

    private static string Path(string name) => $"/api/v1/namespaces/kubeflow/configmaps/{name}";

    [Fact]
    public async Task ResourceVersion_OneCounterAcrossKinds_Increases()
    {
        var a = await _kube.CreateAsync("configmaps", $$$"""{"metadata":{"name":"{{{EmulatorFixture.Unique("cm")}}}"}}""");
        var b = await _kube.CreateAsync("secrets", $$$"""{"metadata":{"name":"{{{EmulatorFixture.Unique("s")}}}"}}""");
        var list = await _kube.SendAsync("GET", "/api/v1/namespaces/kubeflow/serviceaccounts");

        var versions = new[] { a, b, list }.Select(r => long.Parse(r.ResourceVersion, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(versions[0] < versions[1] && versions[1] <= versions[2], string.Join(",", versions));
    }

    [Fact]
    public async Task Replace_NoChange_KeepsResourceVersion()
    {
        var name = await CreateConfigMapAsync();
        var current = await _kube.SendAsync("GET", Path(name));

        var replaced = await _kube.SendAsync("PUT", Path(name), current.Body.ToJsonString());

        Assert.Equal(200, replaced.Code);
        Assert.Equal(current.ResourceVersion, replaced.ResourceVersion);
    }

    [Fact]
    public async Task Replace_WithoutResourceVersion_IsUnconditional()
    {
        var name = await CreateConfigMapAsync();

        var replaced = await _kube.SendAsync("PUT", Path(name), $$$"""{"metadata":{"name":"{{{name}}}"},"data":{"b":"2"}}""");

        Assert.Equal(200, replaced.Code);
        Assert.Equal("2", (string?)replaced.Body["data"]!["b"]);
        Assert.Null(replaced.Body["data"]!["a"]);
    }

    [Fact]
    public async Task Replace_NameMismatchOrMissingObject_Is400Or404()
    {
        var name = await CreateConfigMapAsync();

        var mismatch = await _kube.SendAsync("PUT", Path(name), """{"metadata":{"name":"other"}}""");
        var missing = await _kube.SendAsync("PUT", Path("absent"), """{"metadata":{"name":"absent"}}""");

        Assert.Equal(400, mismatch.Code);
        Assert.Contains($"does not match the name on the URL ({name})", mismatch.Message, StringComparison.Ordinal);
        Assert.Equal(404, missing.Code);
    }

    [Fact]
    public async Task Replace_DifferentUid_IsConflict()
    {
        var name = await CreateConfigMapAsync();

        var response = await _kube.SendAsync("PUT", Path(name), $$$"""{"metadata":{"name":"{{{name}}}","uid":"not-the-uid"}}""");

        Assert.Equal(409, response.Code);
        Assert.Contains("Precondition failed: UID in precondition: not-the-uid", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergePatch_StaleResourceVersionInPatch_IsConflict()
    {
        var name = await CreateConfigMapAsync();

        var response = await _kube.SendAsync("PATCH", Path(name), """{"metadata":{"resourceVersion":"1"},"data":{"a":"2"}}""", "application/merge-patch+json");

        Assert.Equal(409, response.Code);
        Assert.Contains("the object has been modified", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonPatch_FailedTest_Is422AndChangesNothing()
    {
        var name = await CreateConfigMapAsync();

        var response = await _kube.SendAsync("PATCH", Path(name),
            """[{"op":"replace","path":"/data/a","value":"9"},{"op":"test","path":"/data/a","value":"1"}]""", "application/json-patch+json");
        var after = await _kube.SendAsync("GET", Path(name));

        Assert.Equal(422, response.Code);
        Assert.Equal("1", (string?)after.Body["data"]!["a"]);
    }

    [Fact]
    public async Task StrategicMergePatch_ServiceAccountSecrets_MergeByName()
    {
        var name = EmulatorFixture.Unique("sa");
        await _kube.CreateAsync("serviceaccounts", $$$"""{"metadata":{"name":"{{{name}}}"},"secrets":[{"name":"a"}],"imagePullSecrets":[{"name":"x"}]}""");
        var path = $"/api/v1/namespaces/kubeflow/serviceaccounts/{name}";

        var response = await _kube.SendAsync("PATCH", path, """{"secrets":[{"name":"b"}],"imagePullSecrets":[{"name":"y"}]}""", "application/strategic-merge-patch+json");

        Assert.Equal(["a", "b"], response.Body["secrets"]!.AsArray().Select(s => (string)s!["name"]!).ToArray());
        Assert.Equal(["y"], response.Body["imagePullSecrets"]!.AsArray().Select(s => (string)s!["name"]!).ToArray());
    }

    [Fact]
    public async Task Patch_UnknownContentType_Is415()
    {
        var name = await CreateConfigMapAsync();

        var response = await _kube.SendAsync("PATCH", Path(name), "{}", "text/plain");

        Assert.Equal(415, response.Code);
        Assert.Equal("UnsupportedMediaType", response.Reason);
    }

    [Fact]
    public async Task Patch_ForceOnNonApply_IsInvalid()
    {
        var name = await CreateConfigMapAsync();

        var response = await _kube.SendAsync("PATCH", Path(name) + "?force=true", "{}", "application/merge-patch+json");

        Assert.Equal(422, response.Code);
        Assert.Contains("force: Forbidden: may not be specified for non-apply patch", response.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"NAME"}}""", 422, "fieldManager: Required value")]
    [InlineData("?fieldManager=m", """{"apiVersion":"v2","kind":"ConfigMap","metadata":{"name":"NAME"}}""", 400, "Incorrect version specified in apply patch")]
    [InlineData("?fieldManager=m", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"NAME","managedFields":[]}}""", 400, "metadata.managedFields must be nil")]
    public async Task Apply_BadRequests_AreRejected(string query, string body, int code, string message)
    {
        var name = EmulatorFixture.Unique("cm");

        var response = await _kube.SendAsync("PATCH", Path(name) + query, body.Replace("NAME", name, StringComparison.Ordinal), "application/apply-patch+yaml");

        Assert.Equal(code, response.Code);
        Assert.Contains(message, response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_YamlBody_IsAccepted()
    {
        var name = EmulatorFixture.Unique("cm");
        var yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  count: \"3\"\n  flag: \"true\"\n";

        var response = await _kube.SendAsync("PATCH", Path(name) + "?fieldManager=yaml", yaml, "application/apply-patch+yaml");

        Assert.Equal(201, response.Code);
        Assert.Equal("3", (string?)response.Body["data"]!["count"]);
    }

    [Fact]
    public async Task Delete_WithFinalizer_MarksThenRemovesWhenFinalizerCleared()
    {
        var name = EmulatorFixture.Unique("cm");
        await _kube.CreateAsync("configmaps", $$$"""{"metadata":{"name":"{{{name}}}","finalizers":["example.com/hold"]}}""");

        var marked = await _kube.SendAsync("DELETE", Path(name));
        var stillThere = await _kube.SendAsync("GET", Path(name));
        var cleared = await _kube.SendAsync("PATCH", Path(name), """{"metadata":{"finalizers":null}}""", "application/merge-patch+json");
        var gone = await _kube.SendAsync("GET", Path(name));

        Assert.Equal(200, marked.Code);
        Assert.NotNull(marked.Body["metadata"]!["deletionTimestamp"]);
        Assert.Equal(200, stillThere.Code);
        Assert.Equal(200, cleared.Code);
        Assert.Equal(404, gone.Code);
    }

    [Fact]
    public async Task Delete_Success_IsStatusWithUid()
    {
        var name = await CreateConfigMapAsync();
        var uid = (string?)(await _kube.SendAsync("GET", Path(name))).Body["metadata"]!["uid"];

        var response = await _kube.SendAsync("DELETE", Path(name));

        Assert.Equal("Success", (string?)response.Body["status"]);
        Assert.Equal("configmaps", (string?)response.Body["details"]!["kind"]);
        Assert.Equal(uid, (string?)response.Body["details"]!["uid"]);
    }

    [Fact]
    public async Task Delete_DefaultNamespace_IsForbidden()
    {
        var response = await _kube.SendAsync("DELETE", "/api/v1/namespaces/default");

        Assert.Equal(403, response.Code);
    }

    [Fact]
    public async Task Get_WrongToken_Is401Status()
    {
        using var http = emu.Http();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "nope");

        using var response = await http.GetAsync(new Uri("/api/v1/namespaces", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Unauthorized", (string?)body["reason"]);
    }

    [Fact]
    public async Task List_FieldSelectorUnsupported_Is400()
    {
        var response = await _kube.SendAsync("GET", "/api/v1/namespaces/kubeflow/configmaps?fieldSelector=data.a%3D1");

        Assert.Equal(400, response.Code);
        Assert.Equal("field label not supported: data.a", response.Message);
    }

    [Fact]
    public async Task List_SecretsByType_FiltersOnType()
    {
        var name = EmulatorFixture.Unique("s");
        await _kube.CreateAsync("secrets", $$$"""{"metadata":{"name":"{{{name}}}"},"type":"example.com/custom"}""");

        var response = await _kube.SendAsync("GET", "/api/v1/secrets?fieldSelector=type%3Dexample.com%2Fcustom");

        Assert.Equal([name], response.Body["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!).ToArray());
        Assert.Null(response.Body["items"]![0]!["kind"]);
    }
}
