namespace Kfp.Registry;

/// <summary>The registry has no manifest for the image's tag or digest (or no such repository).</summary>
public sealed class ManifestNotFoundException : RegistryException
{
    public ManifestNotFoundException()
    {
    }

    public ManifestNotFoundException(string message)
        : base(message)
    {
    }

    public ManifestNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
