namespace Kfp.Kube.Http;

/// <summary>What RBAC calls a request: its verb, resource and namespace, read from the method and URL path.</summary>
internal static class RbacRequest
{
    public static (string Verb, string Resource, string? Namespace) Describe(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        // /api/v1/... or /apis/{group}/{version}/...
        var start = segments.Length > 0 && segments[0] == "apis" ? 3 : 2;
        var rest = segments.Skip(start).ToArray();
        string? ns = null;
        if (rest.Length >= 3 && rest[0] == "namespaces")
        {
            ns = rest[1];
            rest = rest[2..];
        }
        else if (rest.Length == 2 && rest[0] == "namespaces")
        {
            ns = rest[1];
            rest = ["namespaces", rest[1]];
        }
        var resource = rest.Length switch
        {
            0 => "resources",
            1 or 2 => rest[0],
            _ => $"{rest[0]}/{rest[2]}",
        };
        var collection = rest.Length <= 1;
        var verb = method.ToUpperInvariant() switch
        {
            "GET" => collection ? "list" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => collection ? "deletecollection" : "delete",
            _ => method.ToLowerInvariant(),
        };
        return (verb, resource, ns);
    }
}
