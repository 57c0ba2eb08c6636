namespace Kfp.Registry;

/// <summary>Something answered at the address, but not a container registry's <c>/v2/</c> API.</summary>
public sealed class NotARegistryException : RegistryException
{
    public NotARegistryException()
    {
    }

    public NotARegistryException(string message)
        : base(message)
    {
    }

    public NotARegistryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
