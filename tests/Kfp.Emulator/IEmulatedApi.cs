using Microsoft.AspNetCore.Builder;

namespace Kfp.Emulator;

/// <summary>One API the emulator serves on its own loopback port (KFP, Kubernetes, OCI registry).</summary>
public interface IEmulatedApi
{
    /// <summary>Middleware that must see every request, faulted ones included (runs before fault injection).</summary>
    void UseOutermost(WebApplication app)
    {
    }

    /// <summary>Maps this API's routes. Fault injection is already in front of them.</summary>
    void Map(WebApplication app);

    /// <summary>Writes this API's state under <see cref="EmulatorOptions.StateDir"/> when one is set.</summary>
    Task SaveAsync(CancellationToken cancellationToken);
}
