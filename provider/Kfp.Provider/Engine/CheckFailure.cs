namespace Kfp.Provider.Engine;

/// <summary>A problem with one input; shown by the engine against the property.</summary>
internal sealed record CheckFailure(string Property, string Reason);
