namespace Kfp.Provider.Engine.Binding;

/// <summary>A check on a known value of a field: null when it is fine, else the reason (which says what to do).</summary>
internal delegate string? Rule<in T>(T value);
