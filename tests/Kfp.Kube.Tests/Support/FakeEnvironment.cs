using Kfp.Kube.Config;

namespace Kfp.Kube.Tests.Support;

/// <summary>Environment variables, home and working folder under test control; files and processes are real.</summary>
public sealed class FakeEnvironment : IKubeEnvironment
{
    private readonly SystemKubeEnvironment _system = new();

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public string HomeDirectory { get; init; } = Fixtures.Path("home-without-kube");

    public string CurrentDirectory { get; init; } = Fixtures.Root;

    public string? GetVariable(string name) => Variables.GetValueOrDefault(name);

    public bool FileExists(string path) => File.Exists(path);

    public string ReadAllText(string path) => File.ReadAllText(path);

    public Task<ProcessResult> RunProcessAsync(ProcessSpec spec, CancellationToken cancellationToken) =>
        _system.RunProcessAsync(spec, cancellationToken);
}
