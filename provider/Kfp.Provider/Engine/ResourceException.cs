namespace Kfp.Provider.Engine;

/// <summary>
/// An operation on a resource failed cleanly (nothing half-made). The message names the object, what failed
/// and what to do; it never contains a secret.
/// </summary>
internal sealed class ResourceException : Exception
{
    public ResourceException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
