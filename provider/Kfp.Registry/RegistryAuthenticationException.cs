namespace Kfp.Registry;

/// <summary>The registry refused the credentials (or needs some and none were given).</summary>
public sealed class RegistryAuthenticationException : RegistryException
{
    public RegistryAuthenticationException()
    {
    }

    public RegistryAuthenticationException(string message)
        : base(message)
    {
    }

    public RegistryAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
