using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Api.Tests.Support;

/// <summary>
/// Checks every request body and query the client sends and every answer the emulator gives against the real
/// KFP swagger (<see cref="SwaggerSchema"/>); a departure fails the test with <see cref="SchemaViolationException"/>.
/// Known, documented differences of the real server from its swagger are allowed: healthz's extra fields, and the
/// upload endpoints' own error bodies.
/// </summary>
public sealed class SchemaCheckingHandler(HttpMessageHandler inner, bool checkRequests = true) : DelegatingHandler(inner)
{
    private static readonly string[] HealthzExtras = ["commit_sha", "tag_name"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var schema = SwaggerSchema.Instance;
        var path = request.RequestUri!.AbsolutePath;
        var problems = new List<string>();
        var operation = path.StartsWith("/apis/", StringComparison.Ordinal) ? schema.Operation(request.Method.Method, path) : null;
        if (operation is null && path.StartsWith("/apis/", StringComparison.Ordinal) && checkRequests)
        {
            throw new SchemaViolationException($"{request.Method} {path}: no such operation in the KFP API");
        }
        if (operation is not null && checkRequests)
        {
            await CheckRequestAsync(request, operation, problems, cancellationToken);
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (operation is not null)
        {
            await CheckResponseAsync(path, response, operation, problems, cancellationToken);
        }
        return problems.Count == 0
            ? response
            : throw new SchemaViolationException($"{request.Method} {request.RequestUri.PathAndQuery}:\n  " + string.Join("\n  ", problems));
    }

    private static async Task CheckRequestAsync(HttpRequestMessage request, JsonObject operation, List<string> problems, CancellationToken ct)
    {
        var schema = SwaggerSchema.Instance;
        var allowed = SwaggerSchema.QueryNames(operation).ToHashSet(StringComparer.Ordinal);
        foreach (var pair in request.RequestUri!.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(pair.Split('=')[0]);
            if (!allowed.Contains(name))
            {
                problems.Add($"query parameter '{name}' not in the KFP API");
            }
        }
        if (request.Content is null || request.Content is MultipartFormDataContent)
        {
            return;
        }
        var text = await request.Content.ReadAsStringAsync(ct);
        if (SwaggerSchema.BodySchema(operation) is not { } bodySchema)
        {
            problems.Add("request has a body but the operation takes none");
            return;
        }
        schema.Check(JsonNode.Parse(text), bodySchema, "request", problems);
    }

    private static async Task CheckResponseAsync(string path, HttpResponseMessage response, JsonObject operation, List<string> problems, CancellationToken ct)
    {
        var upload = path.EndsWith("/upload", StringComparison.Ordinal) || path.EndsWith("/upload_version", StringComparison.Ordinal);
        await response.Content.LoadIntoBufferAsync(ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (upload && !response.IsSuccessStatusCode)
        {
            CheckUploadError(response, text, problems);
            return;
        }
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            problems.Add($"response is not JSON ({e.Message}): {text}");
            return;
        }
        if (path.EndsWith("/healthz", StringComparison.Ordinal) && body is JsonObject health)
        {
            foreach (var extra in HealthzExtras)
            {
                health.Remove(extra);
            }
        }
        if (SwaggerSchema.ResponseSchema(operation, response.IsSuccessStatusCode) is { } schema)
        {
            SwaggerSchema.Instance.Check(body, schema, "response", problems);
        }
    }

    /// <summary>The upload handler answers with <c>{error_message,error_details}</c> JSON or plain text.</summary>
    private static void CheckUploadError(HttpResponseMessage response, string text, List<string> problems)
    {
        if (response.Content.Headers.ContentType?.MediaType == "text/plain")
        {
            return;
        }
        if (JsonNode.Parse(text) is not JsonObject obj || obj.Any(p => p.Key is not ("error_message" or "error_details") || p.Value?.GetValueKind() != JsonValueKind.String))
        {
            problems.Add($"upload error body is not {{error_message, error_details}}: {text}");
        }
    }
}

public sealed class SchemaViolationException : Exception
{
    public SchemaViolationException()
    {
    }

    public SchemaViolationException(string message)
        : base(message)
    {
    }

    public SchemaViolationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
