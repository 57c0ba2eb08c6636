using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

// The resource RPCs as the engine sends them, without the wire: the URN, the type and name when the engine
// gives them (older engines leave them empty: the URN says), and the property maps as sent (secrets marked).

/// <summary>Which resource a call is about, as the engine names it.</summary>
internal sealed record ResourceAddress(string Urn, string? Type, string? Name);

internal sealed record ResourceCheck(ResourceAddress Address, PropertyMap Olds, PropertyMap News, ReadOnlyMemory<byte> RandomSeed);

internal sealed record ResourceDiff(ResourceAddress Address, string Id, PropertyMap OldOutputs, PropertyMap OldInputs, PropertyMap News);

internal sealed record ResourceCreate(ResourceAddress Address, PropertyMap Inputs, TimeSpan? Timeout, bool Preview);

internal sealed record ResourceRead(ResourceAddress Address, string Id, PropertyMap OldOutputs, PropertyMap OldInputs);

internal sealed record ResourceUpdate(
    ResourceAddress Address, string Id, PropertyMap OldOutputs, PropertyMap OldInputs, PropertyMap News, TimeSpan? Timeout, bool Preview);

internal sealed record ResourceDelete(ResourceAddress Address, string Id, PropertyMap OldOutputs, PropertyMap OldInputs);

/// <summary>What a function returned, and the problems with its arguments.</summary>
internal sealed record InvokeResult(PropertyMap Return, IReadOnlyList<CheckFailure> Failures);
