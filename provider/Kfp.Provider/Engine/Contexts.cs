using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

// The requests a resource handles, with secrets and wire details already taken care of by the engine:
// property bags here are plain (secret wrappers removed); the engine re-marks secret outputs.

/// <summary>Who the request is about: the URN and the Pulumi resource name.</summary>
internal sealed record ResourceIdentity(string Urn, string Name);

internal sealed record CheckContext(ResourceIdentity Resource, PropertyMap Olds, PropertyMap News, ReadOnlyMemory<byte> RandomSeed);

internal sealed record DiffContext(ResourceIdentity Resource, string Id, PropertyMap OldOutputs, PropertyMap OldInputs, PropertyMap News);

internal sealed record CreateContext(ResourceIdentity Resource, PropertyMap Inputs, TimeSpan? Timeout);

internal sealed record ReadContext(ResourceIdentity Resource, string Id, PropertyMap OldOutputs, PropertyMap OldInputs);

internal sealed record UpdateContext(
    ResourceIdentity Resource, string Id, PropertyMap OldOutputs, PropertyMap OldInputs, PropertyMap News, TimeSpan? Timeout);

internal sealed record DeleteContext(ResourceIdentity Resource, string Id, PropertyMap OldOutputs, PropertyMap OldInputs);

internal sealed record CheckResult(PropertyMap Inputs, IReadOnlyList<CheckFailure> Failures);

internal sealed record CreateResult(string Id, PropertyMap Outputs);

/// <summary>The live object: its outputs and the inputs that would recreate it (for import).</summary>
internal sealed record ReadResult(string Id, PropertyMap Outputs, PropertyMap Inputs);
