using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Registry;

/// <summary>
/// <c>GET /v2/</c> (the API check) and <c>GET</c>/<c>HEAD /v2/&lt;name&gt;/manifests/&lt;reference&gt;</c> (tag or
/// digest), with <c>Docker-Content-Digest</c>; unknown manifests are 404 <c>MANIFEST_UNKNOWN</c>.
/// </summary>
internal sealed partial class ManifestHandler(RegistryStore store, RegistryAuth auth)
{
    public void Map(WebApplication app)
    {
        app.MapMethods("/v2", [HttpMethods.Get, HttpMethods.Head], HandleAsync);
        app.MapMethods("/v2/{**rest}", [HttpMethods.Get, HttpMethods.Head], HandleAsync);
    }

    private async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["Docker-Distribution-API-Version"] = "registry/2.0";
        var rest = (context.Request.Path.Value ?? "/v2")["/v2".Length..].Trim('/');
        if (rest.Length == 0)
        {
            if (await auth.AuthorizeAsync(context, null))
            {
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = 2;
                if (!HttpMethods.IsHead(context.Request.Method))
                {
                    await context.Response.WriteAsync("{}", context.RequestAborted);
                }
            }
            return;
        }
        var match = ManifestPath().Match(rest);
        if (!match.Success)
        {
            await OciErrors.WriteAsync(context, StatusCodes.Status404NotFound, "UNSUPPORTED", "the operation is unsupported by this registry");
            return;
        }
        var repository = match.Groups["name"].Value;
        var reference = match.Groups["reference"].Value;
        if (!await auth.AuthorizeAsync(context, repository))
        {
            return;
        }
        if (store.FindManifest(repository, reference) is not var (digest, manifest))
        {
            await OciErrors.WriteAsync(context, StatusCodes.Status404NotFound, "MANIFEST_UNKNOWN", "manifest unknown",
                new System.Text.Json.Nodes.JsonObject { ["name"] = repository, ["reference"] = reference });
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(manifest);
        context.Response.ContentType = ManifestFactory.OciManifest;
        context.Response.ContentLength = bytes.Length;
        context.Response.Headers["Docker-Content-Digest"] = digest;
        context.Response.Headers.ETag = $"\"{digest}\"";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    /// <summary>OCI distribution name grammar, then <c>/manifests/</c>, then a tag or a digest.</summary>
    [GeneratedRegex(@"^(?<name>[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*)/manifests/(?<reference>[A-Za-z0-9_][A-Za-z0-9._-]{0,127}|[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+)$")]
    private static partial Regex ManifestPath();
}
