namespace Kfp.Provider.Engine;

/// <summary>
/// Names a resource from its Pulumi name plus a suffix drawn from the engine's per-resource random seed,
/// so previews are stable and the name never changes once recorded.
/// </summary>
internal static class Autonamer
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string Name(string resourceName, ReadOnlySpan<byte> seed, int suffixLength = 7)
    {
        Span<char> suffix = stackalloc char[suffixLength];
        if (seed.IsEmpty)
        {
            // An engine older than random seeds: derive the suffix from the name itself (still deterministic).
            seed = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(resourceName));
        }
        for (var i = 0; i < suffixLength; i++)
        {
            suffix[i] = Alphabet[seed[i % seed.Length] % Alphabet.Length];
        }
        return $"{resourceName}-{suffix}";
    }
}
