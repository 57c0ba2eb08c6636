namespace Kfp.Kube.Config;

/// <summary>
/// Finds and resolves the Kubernetes connection: explicit path or inline content, else <c>KUBECONFIG</c> (merged),
/// else <c>~/.kube/config</c>, else in-cluster config. Environment, files and the clock are injected.
/// </summary>
public sealed class KubeConfigLoader
{
    private readonly IKubeEnvironment _environment;
    private readonly TimeProvider _time;

    public KubeConfigLoader()
        : this(new SystemKubeEnvironment(), TimeProvider.System)
    {
    }

    public KubeConfigLoader(IKubeEnvironment environment, TimeProvider time)
    {
        _environment = environment;
        _time = time;
    }

    public KubeClientConfig Load(KubeConfigOptions? options = null)
    {
        options ??= new KubeConfigOptions();
        var set = new KubeconfigSet();
        var home = _environment.HomeDirectory;
        if (options.Content is not null)
        {
            set.Add(options.Content, "inline kubeconfig", _environment.CurrentDirectory);
        }
        else if (!string.IsNullOrEmpty(options.Path))
        {
            var path = KubeconfigSet.Resolve(options.Path, _environment.CurrentDirectory, home);
            if (!_environment.FileExists(path))
            {
                throw new KubeConfigException($"kubeconfig file {path} does not exist. Fix the kubeconfig setting (kfp:kubeconfig) or unset it to use KUBECONFIG or ~/.kube/config.");
            }
            AddFile(set, path);
        }
        else if (_environment.GetVariable("KUBECONFIG") is { Length: > 0 } list)
        {
            var paths = list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => KubeconfigSet.Resolve(p, _environment.CurrentDirectory, home)).Distinct(StringComparer.Ordinal).ToList();
            foreach (var path in paths.Where(_environment.FileExists))
            {
                AddFile(set, path);
            }
            if (set.Sources.Count == 0)
            {
                throw new KubeConfigException($"none of the files listed in KUBECONFIG exist ({string.Join(", ", paths)}). Fix KUBECONFIG or unset it to use ~/.kube/config.");
            }
        }
        else if (Path.Combine(home, ".kube", "config") is var defaultPath && _environment.FileExists(defaultPath))
        {
            AddFile(set, defaultPath);
        }
        else if (InClusterConfig.IsAvailable(_environment))
        {
            return InClusterConfig.Load(_environment, _time, options);
        }
        else
        {
            throw new KubeConfigException("no Kubernetes configuration found: set kfp:kubeconfig (a path or inline content), set KUBECONFIG, create ~/.kube/config, or run inside a pod with a service account.");
        }
        return new ConfigResolver(set, _environment, _time).Resolve(options);
    }

    private void AddFile(KubeconfigSet set, string path)
    {
        string content;
        try
        {
            content = _environment.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new KubeConfigException($"kubeconfig file {path} cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new KubeConfigException($"kubeconfig file {path} cannot be read: {e.Message}. Check its permissions.", e);
        }
        set.Add(content, path, Path.GetDirectoryName(path) ?? _environment.CurrentDirectory);
    }
}
