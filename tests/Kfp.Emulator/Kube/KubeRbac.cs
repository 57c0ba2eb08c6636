using Kfp.Emulator.Kfp.Core;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kube;

/// <summary>
/// The least RBAC that proves refusals: a token given as <c>--token TOKEN=ns1,ns2</c> may use namespaced resources only in
/// those namespaces (and read those Namespace objects); anything else, including cluster-scoped and all-namespace
/// requests, is 403 Forbidden with the Status a real API server writes (reason <c>Forbidden</c>, the user, verb, resource,
/// API group and namespace in the message). Tokens without namespaces, the built-in token and anonymous requests may do
/// everything. Discovery paths are not checked, as a real server lets every authenticated user read them.
/// </summary>
internal sealed class KubeRbac(IReadOnlyList<TokenGrant> grants)
{
    /// <summary>Throws Forbidden when the request's bearer token may not do <paramref name="verb"/> on the resource.</summary>
    public void Authorize(HttpContext context, string verb, ResourceType type, string? subresource, string? ns, string? name)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        if (token.Length == 0 || grants.FirstOrDefault(g => g.Token == token) is not { Namespaces: not null } grant)
        {
            return;
        }
        var scope = type.Namespaced ? ns : type == ResourceType.Namespaces && verb == "get" ? name : null;
        if (scope is not null && grant.Allows(scope))
        {
            return;
        }
        throw Forbidden(token, verb, type, subresource, type.Namespaced ? ns : null, name);
    }

    /// <summary>
    /// The verb RBAC sees: <c>get</c>/<c>list</c>/<c>watch</c>, <c>create</c>, <c>update</c>, <c>patch</c>,
    /// <c>delete</c>/<c>deletecollection</c>.
    /// </summary>
    public static string Verb(string method, bool named, bool watch) => method switch
    {
        "GET" when watch => "watch",
        "GET" => named ? "get" : "list",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => named ? "delete" : "deletecollection",
        _ => method.ToLowerInvariant(),
    };

    /// <summary>
    /// As kube-apiserver words it: <c>configmaps "x" is forbidden: User "u" cannot get resource "configmaps" in API group ""
    /// in the namespace "team-ml"</c>.
    /// </summary>
    private static KubeError Forbidden(string token, string verb, ResourceType type, string? subresource, string? ns, string? name)
    {
        var user = $"token:{(token.Length > 6 ? token[..6] + "…" : token)}";
        var resource = subresource is null ? type.Plural : $"{type.Plural}/{subresource}";
        var subject = name is null ? type.GroupResource : $"{type.GroupResource} \"{name}\"";
        var where = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        var details = new System.Text.Json.Nodes.JsonObject();
        if (name is not null)
        {
            details["name"] = name;
        }
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }
        details["kind"] = type.Plural;
        return new KubeError(403, "Forbidden",
            $"{subject} is forbidden: User \"{user}\" cannot {verb} resource \"{resource}\" in API group \"{type.Group}\" {where}", details);
    }
}
