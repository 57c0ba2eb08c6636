using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kfp.Emulator.Kube.Handlers;

/// <summary>A parsed label selector: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>.</summary>
internal sealed partial class LabelSelector
{
    private readonly List<Func<JsonObject, bool>> _requirements = [];

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }
        foreach (Match m in RequirementRegex().Matches(text))
        {
            var key = m.Groups["key"].Value;
            if (m.Groups["not"].Success)
            {
                selector._requirements.Add(labels => !labels.ContainsKey(key));
            }
            else if (m.Groups["set"].Success)
            {
                var values = m.Groups["set"].Value.Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                var notIn = m.Groups["op"].Value.Trim() == "notin";
                selector._requirements.Add(labels => values.Contains(Value(labels, key) ?? "\0") != notIn);
            }
            else if (m.Groups["eq"].Success)
            {
                var value = m.Groups["value"].Value;
                var negate = m.Groups["eq"].Value == "!=";
                selector._requirements.Add(labels => (Value(labels, key) == value) != negate);
            }
            else
            {
                selector._requirements.Add(labels => labels.ContainsKey(key));
            }
        }
        var consumed = RequirementRegex().Replace(text, "").Replace(",", "", StringComparison.Ordinal).Trim();
        if (consumed.Length > 0)
        {
            throw KubeError.BadRequest($"unable to parse requirement: found '{consumed}', expected a label selector");
        }
        return selector;
    }

    public bool Matches(JsonObject obj)
    {
        var labels = obj["metadata"]?["labels"] as JsonObject ?? [];
        return _requirements.All(r => r(labels));
    }

    private static string? Value(JsonObject labels, string key) => KubeJson.String(labels, key);

    [GeneratedRegex(@"\s*(?:(?<not>!)\s*(?<key>[A-Za-z0-9_./-]+)|(?<key>[A-Za-z0-9_./-]+)\s*(?:(?<op>\s+in\s+|\s+notin\s+)\((?<set>[^)]*)\)|(?<eq>==|!=|=)\s*(?<value>[A-Za-z0-9_.-]*))?)\s*(?=,|$)")]
    private static partial Regex RequirementRegex();
}
