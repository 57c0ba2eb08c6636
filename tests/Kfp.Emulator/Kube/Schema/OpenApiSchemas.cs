using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Schema;

/// <summary>The component schemas of the embedded core/v1 OpenAPI document, with <c>$ref</c>/<c>allOf</c> resolution.</summary>
internal sealed class OpenApiSchemas
{
    private readonly JsonObject _schemas;

    public OpenApiSchemas(byte[] document)
    {
        _schemas = JsonNode.Parse(document)?["components"]?["schemas"] as JsonObject
            ?? throw new InvalidOperationException("the embedded OpenAPI document has no components.schemas");
    }

    public JsonObject? ForKind(string kind) => _schemas["io.k8s.api.core.v1." + kind] as JsonObject;

    /// <summary>Follows a <c>$ref</c>, directly or as the single entry of <c>allOf</c>.</summary>
    public JsonObject? Resolve(JsonNode? schema)
    {
        var node = schema as JsonObject;
        for (var depth = 0; node is not null && depth < 8; depth++)
        {
            var reference = KubeJson.String(node, "$ref") ?? (node["allOf"] is JsonArray { Count: 1 } all ? KubeJson.String(all[0] as JsonObject, "$ref") : null);
            if (reference is null)
            {
                return node;
            }
            node = _schemas[reference[(reference.LastIndexOf('/') + 1)..]] as JsonObject;
        }
        return node;
    }
}
