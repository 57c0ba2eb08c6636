namespace Kfp.Registry;

/// <summary>No HTTP answer from the registry: connection refused, DNS, TLS or timeout (see the inner exception).</summary>
public sealed class RegistryUnreachableException : RegistryException
{
    public RegistryUnreachableException()
    {
    }

    public RegistryUnreachableException(string message)
        : base(message)
    {
    }

    public RegistryUnreachableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
