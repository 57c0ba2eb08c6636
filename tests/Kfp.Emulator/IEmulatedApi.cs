using Microsoft.AspNetCore.Builder;

namespace Kfp.Emulator;

/// <summary>One API the emulator serves on its own loopback port (KFP, Kubernetes, OCI registry).</summary>
public interface IEmulatedApi
{
    /// <summary>Maps this API's routes. Fault injection is already in front of them.</summary>
    void Map(WebApplication app);

    /// <summary>Writes this API's state under <see cref="EmulatorOptions.StateDir"/> when one is set.</summary>
    Task SaveAsync(CancellationToken cancellationToken);
}
