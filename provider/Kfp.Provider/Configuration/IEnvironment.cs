namespace Kfp.Provider.Configuration;

/// <summary>Environment variables, injected so tests never touch the process environment.</summary>
internal interface IEnvironment
{
    string? Get(string name);
}

/// <summary>The real process environment.</summary>
internal sealed class ProcessEnvironment : IEnvironment
{
    public string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
