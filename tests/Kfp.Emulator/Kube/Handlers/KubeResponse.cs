using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Handlers;

/// <summary>What a handler answers: an HTTP status and a JSON body.</summary>
internal sealed record KubeResponse(int Code, JsonNode Body);
