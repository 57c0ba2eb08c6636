using System.Globalization;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>
/// The warning for a property changed outside Pulumi. The engine prints the recorded value on the left of a drift
/// diff (so a disabled schedule reads <c>~ enabled: true => true</c>); this message names what is live and what the
/// program says: <c>enabled is false in the cluster; the program says true</c>. Secrets are never printed.
/// </summary>
internal static class DriftMessage
{
    private const int MaxValueLength = 120;

    public static string For(string resourceName, string path, PropertySpec? spec, LiveState live, PropertyMap news)
    {
        var desired = news.Get(path);
        var secret = spec?.Secret == true || desired.ContainsSecrets;
        var liveValue = (live as LiveState.Found)?.Live.Outputs.Get(path) ?? PropertyValue.Null;
        var inCluster = liveValue.Plain is NullValue ? $"{path} is not set in the cluster" : $"{path} is {Show(liveValue, secret)} in the cluster";
        var program = desired.Plain is NullValue ? "the program does not set it" : $"the program says {Show(desired, secret)}";
        return $"{resourceName}: {inCluster}; {program}. It was changed outside Pulumi; `pulumi up` sets it back " +
            "(run `pulumi preview --refresh` to see the live values in the diff)";
    }

    private static string Show(PropertyValue value, bool secret)
    {
        if (secret || value.ContainsSecrets)
        {
            return "[secret]";
        }
        var text = value.Plain switch
        {
            StringValue s => "\"" + s.Value + "\"",
            BoolValue b => b.Value ? "true" : "false",
            NumberValue n => n.Value.ToString(CultureInfo.InvariantCulture),
            var other => JsonValues.ToJson(other)?.ToJsonString() ?? "null",
        };
        return text.Length > MaxValueLength ? text[..MaxValueLength] + "…" : text;
    }
}
