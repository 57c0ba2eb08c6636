namespace Kfp.Kube.Config;

/// <summary>What config loading and credential plugins touch outside the process: variables, files, processes.</summary>
public interface IKubeEnvironment
{
    string? GetVariable(string name);

    /// <summary>The user's home folder (for <c>~/.kube/config</c>).</summary>
    string HomeDirectory { get; }

    /// <summary>The folder relative paths of inline kubeconfig content resolve against.</summary>
    string CurrentDirectory { get; }

    bool FileExists(string path);

    string ReadAllText(string path);

    /// <summary>Runs a credential plugin with the parent environment plus <see cref="ProcessSpec.Environment"/>.</summary>
    Task<ProcessResult> RunProcessAsync(ProcessSpec spec, CancellationToken cancellationToken);
}
