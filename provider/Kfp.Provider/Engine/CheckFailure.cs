namespace Kfp.Provider.Engine;

/// <summary>A problem with one input; shown by the engine against the property.</summary>
public sealed record CheckFailure(string Property, string Reason);
