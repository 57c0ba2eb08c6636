using System.Net.Http.Headers;

namespace Kfp.Registry;

/// <summary>
/// A <c>WWW-Authenticate</c> challenge of a 401: <c>Bearer realm="…",service="…",scope="…"</c> (go to the token
/// endpoint) or <c>Basic realm="…"</c> (send the user and password directly).
/// </summary>
internal sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameters.GetValueOrDefault("realm");

    /// <summary>The first Bearer or Basic challenge of the answer; null when there is none.</summary>
    public static AuthChallenge? From(HttpHeaders headers)
    {
        if (!headers.TryGetValues("WWW-Authenticate", out var values))
        {
            return null;
        }
        return values.Select(Parse).FirstOrDefault(c => c is { IsBearer: true } or { IsBasic: true });
    }

    /// <summary>Parses <c>Scheme k="v",k2=v2</c>; quoted values may hold commas and <c>\"</c>.</summary>
    public static AuthChallenge? Parse(string header)
    {
        var text = header.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? text : text[..space];
        if (scheme.Length == 0)
        {
            return null;
        }
        var parameters = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = space < 0 ? text.Length : space + 1;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] is ' ' or ',')
            {
                i++;
            }
            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }
            var key = text[i..eq].Trim();
            i = eq + 1;
            var value = new System.Text.StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }
                    value.Append(text[i]);
                }
                i++;
            }
            else
            {
                for (; i < text.Length && text[i] != ','; i++)
                {
                    value.Append(text[i]);
                }
            }
            parameters[key] = value.ToString().Trim();
        }
        return new AuthChallenge(scheme, parameters);
    }
}
