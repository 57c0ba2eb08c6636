namespace Kfp.Kube.Config;

/// <summary>A process to run: an argv list (never joined with spaces) and variables added to the parent environment.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment);
