namespace Kfp.Api.Http;

/// <summary>What may go into <c>kfp:headers</c>: names that are HTTP tokens a request can carry, values without control characters.</summary>
internal static class HeaderRules
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> headers)
    {
        var problems = new List<string>();
        using var probe = new HttpRequestMessage();
        foreach (var (name, value) in headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (name.Length == 0 || !name.All(IsTokenChar))
            {
                problems.Add($"kfp:headers: '{Printable(name)}' is not a valid HTTP header name (letters, digits and {TokenSymbols} only).");
            }
            else if (!probe.Headers.TryAddWithoutValidation(name, "x"))
            {
                problems.Add($"kfp:headers: '{name}' describes a request body and cannot be set for every request; remove it.");
            }
            if (value is null || value.Any(c => char.IsControl(c) && c != '\t'))
            {
                problems.Add($"kfp:headers: the value of '{Printable(name)}' contains a line break or another control character; " +
                    "a header value must be one line (CR and LF would add headers of their own).");
            }
        }
        return problems;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c, StringComparison.Ordinal);

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString()));
}
