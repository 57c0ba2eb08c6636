using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kfp.Listing;

/// <summary>
/// Paging, sorting and filtering of a list call as the server does them: page size default 20, max 200;
/// default order created_at then id; opaque page tokens bound to the sort and filter they were made with.
/// </summary>
internal sealed class ListQuery
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 200;

    private ListQuery(int pageSize, int offset, string sortText, string sortField, bool descending, string filterText, IReadOnlyList<Predicate> predicates)
    {
        SortText = sortText;
        PageSize = pageSize;
        Offset = offset;
        SortField = sortField;
        Descending = descending;
        FilterText = filterText;
        Predicates = predicates;
    }

    public int PageSize { get; }

    public string SortText { get; }

    public int Offset { get; }

    public string SortField { get; }

    public bool Descending { get; }

    public string FilterText { get; }

    public IReadOnlyList<Predicate> Predicates { get; }

    public static ListQuery Parse(HttpRequest request, IReadOnlyCollection<string> fields, bool tagKeys = false)
    {
        var q = request.Query;
        var context = "Failed to list";
        var pageSize = DefaultPageSize;
        if (q["page_size"].ToString() is { Length: > 0 } sizeText)
        {
            if (!int.TryParse(sizeText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out pageSize) || pageSize < 0)
            {
                throw KfpServerException.InvalidInput(context, $"The page size should be greater than 0. Got {sizeText}");
            }
            pageSize = pageSize == 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);
        }
        var sortBy = q["sort_by"].ToString();
        var filterText = q["filter"].ToString();
        var offset = 0;
        if (q["page_token"].ToString() is { Length: > 0 } token)
        {
            var (tokenSort, tokenFilter, tokenOffset) = DecodeToken(token, context);
            if ((sortBy.Length > 0 && sortBy != tokenSort) || (filterText.Length > 0 && filterText != tokenFilter))
            {
                throw KfpServerException.InvalidInput(context, "page token does not match the supplied sort by and/or filtering criteria");
            }
            (sortBy, filterText, offset) = (tokenSort, tokenFilter, tokenOffset);
        }
        var (field, descending) = ParseSort(sortBy, fields, context);
        var predicates = filterText.Length == 0 ? [] : Predicate.ParseFilter(filterText);
        // tags.<key> predicates: pipelines and versions only (2.17+), EQUALS on strings only.
        foreach (var p in predicates.Where(p => !fields.Contains(p.Key) && !(tagKeys && p.Key.StartsWith("tags.", StringComparison.Ordinal) && p.Operation == "EQUALS")))
        {
            throw KfpServerException.InvalidInput(context, $"no support for filtering on unrecognized field \"{p.Key}\"");
        }
        return new ListQuery(pageSize, offset, sortBy, field, descending, filterText, predicates);
    }

    /// <summary>Filters, sorts and cuts one page; writes <c>{key: [...], total_size, next_page_token}</c> leaving out empties.</summary>
    public JsonObject Apply<T>(IEnumerable<T> rows, Func<T, string, FieldValue> field, Func<T, JsonObject> render, string listKey)
    {
        var matching = rows.Where(r => Predicates.All(p => p.Matches(field(r, p.Key)))).ToList();
        var ordered = Descending
            ? matching.OrderByDescending(r => field(r, SortField)).ThenByDescending(r => field(r, "id"))
            : matching.OrderBy(r => field(r, SortField)).ThenBy(r => field(r, "id"));
        var page = ordered.Skip(Offset).Take(PageSize).ToList();
        var body = new JsonObject();
        if (page.Count > 0)
        {
            body[listKey] = new JsonArray([.. page.Select(r => (JsonNode)render(r))]);
        }
        if (matching.Count > 0)
        {
            body["total_size"] = matching.Count;
        }
        if (Offset + page.Count < matching.Count)
        {
            body["next_page_token"] = EncodeToken(SortText, FilterText, Offset + page.Count);
        }
        return body;
    }

    private static (string Field, bool Descending) ParseSort(string sortBy, IReadOnlyCollection<string> fields, string context)
    {
        if (sortBy.Length == 0)
        {
            return ("created_at", false);
        }
        var parts = sortBy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var descending = parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
        if (parts.Length > 2 || (parts.Length == 2 && !descending && !parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase)) || !fields.Contains(parts[0]))
        {
            throw KfpServerException.InvalidInput(context, $"Invalid sorting field: \"{sortBy}\"");
        }
        return (parts[0], descending);
    }

    private static string EncodeToken(string sortBy, string filter, int offset)
    {
        var json = new JsonObject { ["sort"] = sortBy, ["filter"] = filter, ["offset"] = offset }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static (string Sort, string Filter, int Offset) DecodeToken(string token, string context)
    {
        try
        {
            var node = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)))!;
            return (node["sort"]!.GetValue<string>(), node["filter"]!.GetValue<string>(), node["offset"]!.GetValue<int>());
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            throw KfpServerException.InvalidInput(context, $"Invalid package token: {e.Message}");
        }
    }
}
