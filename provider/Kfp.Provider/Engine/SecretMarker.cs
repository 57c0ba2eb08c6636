using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>
/// Secrets on the way out. Resources work on plain values; before anything goes back to the engine, every
/// top-level property is marked secret when the schema says so or when the input of the same name held a
/// secret anywhere inside it. So a secret never reaches state, diffs or logs in plain text.
/// </summary>
internal static class SecretMarker
{
    public static PropertyMap Mark(ResourceDefinition? definition, PropertyMap secretSource, PropertyMap values) =>
        PropertyMap.From(values.Select(p => KeyValuePair.Create(p.Key,
            ShouldBeSecret(definition, secretSource, p.Key) ? PropertyValue.MakeSecret(p.Value.Plain) : p.Value)));

    private static bool ShouldBeSecret(ResourceDefinition? definition, PropertyMap secretSource, string key) =>
        definition?.Find(key) is { Secret: true } || secretSource.Get(key).ContainsSecrets;
}
