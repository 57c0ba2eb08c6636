namespace Kfp.Provider.Resources;

/// <summary>
/// How a Pipeline names a framework: <c>tfx</c> (in the provider's namespace) or <c>team-ml/tfx</c> (in namespace
/// <c>team-ml</c>). The same form names it in <c>trustedFrameworks</c>.
/// </summary>
internal static class FrameworkReference
{
    public static (string Namespace, string Name) Split(string reference, Func<string> defaultNamespace) =>
        reference.IndexOf('/', StringComparison.Ordinal) is var slash and > 0
            ? (reference[..slash], reference[(slash + 1)..])
            : (defaultNamespace(), reference);

    /// <summary>The reference of a framework in <paramref name="ns"/>: its name alone in the provider's namespace.</summary>
    public static string Of(string ns, string name, string defaultNamespace) => ns == defaultNamespace ? name : $"{ns}/{name}";
}
