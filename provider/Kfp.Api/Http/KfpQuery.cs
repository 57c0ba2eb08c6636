using System.Text;
using Kfp.Api.Listing;

namespace Kfp.Api.Http;

/// <summary>Builds request paths with escaped segments and query parameters.</summary>
internal static class KfpQuery
{
    public const string Root = "apis/v2beta1/";

    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }

    public static string Path(string path, params ReadOnlySpan<(string Name, string? Value)> query)
    {
        var builder = new StringBuilder(Root).Append(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return builder.ToString();
    }

    public static string List(string path, KfpListOptions options, string? @namespace, params ReadOnlySpan<(string Name, string? Value)> extra)
    {
        (string, string?)[] query =
        [
            ("page_token", options.PageToken),
            ("page_size", options.PageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("sort_by", options.SortBy?.ToString()),
            ("filter", options.Filter?.ToJson()),
            ("namespace", @namespace),
            .. extra,
        ];
        return Path(path, query);
    }
}
