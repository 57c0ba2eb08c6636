using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace Kfp.Compiler.Yaml;

/// <summary>
/// A mapping or sequence being built by <see cref="JsonEventBuilder"/>: its children so far, the key that
/// waits for its value, and the mappings merged in with <c>&lt;&lt;</c> (YAML 1.1 merge keys, as PyYAML reads
/// them: the mapping's own keys win, then the merged mappings in the order given).
/// </summary>
internal sealed class CollectionFrame(JsonNode node, Mark start, string? anchor, long nodesAtStart, long charsAtStart, int depth)
{
    private List<JsonObject>? merges;
    private string? pendingKey;
    private bool hasKey;
    private bool pendingMerge;

    public Mark Start { get; } = start;

    public string? Anchor { get; } = anchor;

    public long NodesAtStart { get; } = nodesAtStart;

    public long CharsAtStart { get; } = charsAtStart;

    /// <summary>Nesting level of this collection (the document's root is 1).</summary>
    public int Depth { get; } = depth;

    /// <summary>Levels of collections below this one.</summary>
    public int Height { get; set; }

    /// <summary>True for a mapping whose next event is a key.</summary>
    public bool AwaitsKey => node is JsonObject && !hasKey;

    /// <summary>Sets the next key; null means a <c>&lt;&lt;</c> merge key.</summary>
    public void SetKey(Mark at, string? key)
    {
        if (key is not null && ((JsonObject)node).ContainsKey(key))
        {
            throw JsonEventBuilder.Fail(at, $"duplicate key '{Excerpt.Clip(key)}'; remove one of them (KFP's server refuses duplicate keys too).");
        }

        pendingKey = key;
        pendingMerge = key is null;
        hasKey = true;
    }

    public void Add(JsonNode? value, Mark at, bool isMergeable)
    {
        if (node is JsonArray array)
        {
            array.Add(value);
            return;
        }

        if (!hasKey)
        {
            throw JsonEventBuilder.Fail(at, "a mapping key must be a scalar, not a mapping or a list.");
        }

        hasKey = false;
        if (!pendingMerge)
        {
            ((JsonObject)node)[pendingKey!] = value;
            return;
        }

        switch (value)
        {
            case JsonObject merged when isMergeable:
                (merges ??= []).Add(merged);
                break;
            case JsonArray list when isMergeable && list.All(item => item is JsonObject):
                (merges ??= []).AddRange(list.Select(item => (JsonObject)item!));
                break;
            default:
                throw JsonEventBuilder.Fail(at, "a merge key '<<' takes a mapping, an alias of one, or a list of them.");
        }
    }

    /// <summary>The finished value, merges applied.</summary>
    public JsonNode Finish()
    {
        if (merges is null || node is not JsonObject own)
        {
            return node;
        }

        var result = new JsonObject();
        foreach (var merged in merges)
        {
            foreach (var key in merged.Select(p => p.Key).ToList())
            {
                if (!result.ContainsKey(key) && !own.ContainsKey(key))
                {
                    result[key] = merged[key]?.DeepClone();
                }
            }
        }

        foreach (var key in own.Select(p => p.Key).ToList())
        {
            var child = own[key];
            own.Remove(key);
            result[key] = child;
        }

        return result;
    }
}
