using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Handlers;

/// <summary>GET of an object or a collection: label and field selectors, limit/continue, and Table output for kubectl.</summary>
internal sealed class ReadHandler(KubeStore store, TableWriter tables)
{
    public KubeResponse Handle(KubeRequest request)
    {
        var asTable = request.Http.Request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);
        lock (store.Gate)
        {
            if (request.Name is { } name)
            {
                var obj = store.Get(request.Type, request.Namespace, name) ?? throw KubeError.NotFound(request.Type, name);
                return new KubeResponse(200, asTable ? tables.Table(request.Type, [obj], Version()) : obj);
            }
            var labels = LabelSelector.Parse(request.Query("labelSelector"));
            var fields = FieldFilter(request);
            var items = store.List(request.Type, request.Namespace).Where(o => labels.Matches(o) && fields(o)).ToList();
            var offset = Offset(request.Query("continue"));
            var limit = int.TryParse(request.Query("limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : int.MaxValue;
            var page = items.Skip(offset).Take(limit).ToList();
            var listMeta = new JsonObject { ["resourceVersion"] = Version() };
            if (offset + page.Count < items.Count)
            {
                listMeta["continue"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + page.Count).ToString(CultureInfo.InvariantCulture)));
                listMeta["remainingItemCount"] = items.Count - offset - page.Count;
            }
            if (asTable)
            {
                var table = tables.Table(request.Type, page, Version());
                table["metadata"] = listMeta;
                return new KubeResponse(200, table);
            }
            foreach (var item in page)
            {
                item.Remove("kind");
                item.Remove("apiVersion");
            }
            return new KubeResponse(200, new JsonObject
            {
                ["kind"] = request.Type.ListKind,
                ["apiVersion"] = request.Type.ApiVersion,
                ["metadata"] = listMeta,
                ["items"] = new JsonArray(page.Select(i => (JsonNode)i).ToArray()),
            });
        }
    }

    private string Version() => store.Revision.ToString(CultureInfo.InvariantCulture);

    private static int Offset(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }
        try
        {
            return int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new KubeError(410, "Expired", "The provided continue parameter is too old to display a consistent list result.");
        }
    }

    /// <summary>Field selectors: metadata.name, metadata.namespace, and type for Secrets; = == != joined by commas.</summary>
    public static Func<JsonObject, bool> FieldFilter(KubeRequest request)
    {
        var text = request.Query("fieldSelector");
        var checks = new List<Func<JsonObject, bool>>();
        foreach (var term in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (parts.Length != 2)
            {
                throw KubeError.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            }
            var (field, value) = (parts[0].Trim(), parts[1].Trim());
            Func<JsonObject, string?> get = field switch
            {
                "metadata.name" => o => KubeJson.Name(o),
                "metadata.namespace" => o => KubeJson.String(o["metadata"] as JsonObject, "namespace"),
                "type" when request.Type == ResourceType.Secrets => o => KubeJson.String(o, "type"),
                "status.phase" when request.Type == ResourceType.Namespaces || request.Type == ResourceType.Pods => o => KubeJson.String(o["status"] as JsonObject, "phase"),
                "spec.nodeName" when request.Type == ResourceType.Pods => o => KubeJson.String(o["spec"] as JsonObject, "nodeName") ?? "",
                "status.successful" when request.Type == ResourceType.Jobs => o => (o["status"]?["succeeded"]?.ToString() ?? "0"),
                "reason" or "type" when request.Type == ResourceType.Events => o => KubeJson.String(o, field),
                _ when request.Type == ResourceType.Events && field.StartsWith("involvedObject.", StringComparison.Ordinal) =>
                    o => KubeJson.String(o["involvedObject"] as JsonObject, field["involvedObject.".Length..]) ?? "",
                _ => throw KubeError.BadRequest($"field label not supported: {field}"),
            };
            checks.Add(o => (get(o) == value) != negate);
        }
        return o => checks.All(c => c(o));
    }
}
