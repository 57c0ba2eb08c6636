using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube;

/// <summary>
/// Discovery and OpenAPI documents for kubectl: /version, /api, /api/v1, /apis, /openapi/v3 and the core/v1
/// OpenAPI v3 document (a trimmed, otherwise unchanged copy of the real one, embedded at build time).
/// </summary>
internal sealed class Discovery
{
    private const string ResourceName = "Kfp.Emulator.Kube.core-v1.json";
    private readonly Lazy<byte[]> _openApi = new(Load);

    public byte[] OpenApiV1 => _openApi.Value;

    public string OpenApiHash => Convert.ToHexString(SHA256.HashData(OpenApiV1));

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-kfp-emulator",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject ApiGroups() => new() { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = new JsonArray(BatchGroup()) };

    /// <summary>The <c>batch</c> group (Jobs), as <c>/apis</c> and <c>/apis/batch</c> describe it.</summary>
    public static JsonObject BatchGroup() => new()
    {
        ["kind"] = "APIGroup",
        ["apiVersion"] = "v1",
        ["name"] = "batch",
        ["versions"] = new JsonArray(new JsonObject { ["groupVersion"] = "batch/v1", ["version"] = "v1" }),
        ["preferredVersion"] = new JsonObject { ["groupVersion"] = "batch/v1", ["version"] = "v1" },
    };

    public static JsonObject CoreResources() => Resources("v1");

    /// <summary>The resources of a group version, with <c>pods/log</c> as a subresource of core/v1.</summary>
    public static JsonObject Resources(string groupVersion)
    {
        var list = ResourceList(groupVersion);
        if (groupVersion == "v1")
        {
            list["resources"]!.AsArray().Add(new JsonObject
            {
                ["name"] = "pods/log",
                ["singularName"] = "",
                ["namespaced"] = true,
                ["kind"] = "Pod",
                ["verbs"] = new JsonArray("get"),
            });
        }
        return list;
    }

    private static JsonObject ResourceList(string groupVersion) => new()
    {
        ["kind"] = "APIResourceList",
        ["groupVersion"] = groupVersion,
        ["resources"] = new JsonArray(ResourceType.InGroupVersion(groupVersion).Select(r => (JsonNode)new JsonObject
        {
            ["name"] = r.Plural,
            ["singularName"] = r.Singular,
            ["namespaced"] = r.Namespaced,
            ["kind"] = r.Kind,
            ["verbs"] = new JsonArray("create", "delete", "get", "list", "patch", "update", "watch"),
            ["shortNames"] = new JsonArray(r.ShortNames.Select(s => (JsonNode)s).ToArray()),
            ["storageVersionHash"] = Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(r.Kind)))[..11],
        }).ToArray()),
    };

    public JsonObject OpenApiV3Root() => new()
    {
        ["paths"] = new JsonObject
        {
            ["api/v1"] = new JsonObject { ["serverRelativeURL"] = "/openapi/v3/api/v1?hash=" + OpenApiHash },
        },
    };

    private static byte[] Load()
    {
        using var stream = typeof(Discovery).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the emulator build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
