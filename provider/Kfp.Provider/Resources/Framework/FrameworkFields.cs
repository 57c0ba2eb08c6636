using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>
/// What a framework runs, field by field, as a Pipeline records it next to <c>frameworkDigest</c> (<c>frameworkFields</c>),
/// so a framework changed in the cluster can be shown as <c>field: old => new</c>, not only as two digests. The fields are
/// those the digest covers (<see cref="FrameworkDigest"/>): <c>command</c>, <c>image</c>, <c>executor</c>, <c>network</c>,
/// <c>workingDirectory</c>, <c>env.NAME</c> and <c>defaultParameters.NAME</c>. Env values are recorded and shown only as
/// fingerprints: a framework read from the cluster does not say which of its values the program marked secret, and
/// state must hold no secret in plain text; a changed fingerprint still names the variable that changed.
/// </summary>
internal static class FrameworkFields
{
    private const int MaxShown = 160;

    // Shown to people: quotes and '<' as they are, not as \u0027.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ImmutableSortedDictionary<string, string> Of(FrameworkDefinition framework)
    {
        var fields = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        fields["command"] = new JsonArray([.. (framework.Command.IsDefault ? [] : framework.Command).Select(c => (JsonNode?)JsonValue.Create(c))]).ToJsonString(Readable);
        Put(fields, "image", framework.Image);
        Put(fields, "executor", framework.Executor);
        Put(fields, "network", framework.Network);
        Put(fields, "workingDirectory", framework.WorkingDirectory);
        foreach (var (name, value) in framework.Env)
        {
            fields["env." + name] = Fingerprint(value);
        }
        foreach (var (name, value) in framework.DefaultParameters)
        {
            fields["defaultParameters." + name] = value?.ToJsonString(Readable) ?? "null";
        }
        return fields.ToImmutable();
    }

    /// <summary>Each field that differs, as <c>field: old => new</c> (<c>(none)</c> for a field one side lacks), in field order.</summary>
    public static ImmutableArray<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
    [
        .. before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => (Key: k, Old: before.GetValueOrDefault(k), New: after.GetValueOrDefault(k)))
            .Where(c => !string.Equals(c.Old, c.New, StringComparison.Ordinal))
            .Select(c => $"{c.Key}: {Show(c.Old)} => {Show(c.New)}"),
    ];

    private static void Put(ImmutableSortedDictionary<string, string>.Builder fields, string key, string? value)
    {
        if (value is not null)
        {
            fields[key] = value;
        }
    }

    private static string Fingerprint(string value) =>
        "(hidden, sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12] + ")";

    private static string Show(string? value) => value is null ? "(none)" : Rules.Quote(value, MaxShown);
}
