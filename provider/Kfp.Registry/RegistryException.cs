namespace Kfp.Registry;

/// <summary>
/// A registry call failed. Subclasses say why: <see cref="RegistryAuthenticationException"/> (wrong or missing
/// credentials), <see cref="RegistryUnreachableException"/> (no HTTP answer), <see cref="NotARegistryException"/>
/// (something answered, but not a registry's <c>/v2/</c> API), <see cref="ManifestNotFoundException"/>. Messages
/// name the server and never contain a password or token.
/// </summary>
public class RegistryException : Exception
{
    public RegistryException()
        : this("container registry request failed")
    {
    }

    public RegistryException(string message)
        : base(message)
    {
    }

    public RegistryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the failed answer; 0 when there was none.</summary>
    public int StatusCode { get; init; }
}
