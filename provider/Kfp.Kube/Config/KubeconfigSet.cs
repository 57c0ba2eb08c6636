using Kfp.Kube.Config.Model;
using YamlDotNet.Core;

namespace Kfp.Kube.Config;

/// <summary>
/// One or more kubeconfig files merged by client-go's rules: the first file that defines a named cluster, user or
/// context wins as a whole, and <c>current-context</c> comes from the first file that sets it. Relative paths are
/// resolved against the folder of the file that holds them.
/// </summary>
internal sealed class KubeconfigSet
{
    private readonly Dictionary<string, (ClusterEntry Entry, string Dir)> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (UserEntry Entry, string Dir)> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContextEntry> _contexts = new(StringComparer.Ordinal);

    public string? CurrentContext { get; private set; }

    public List<string> Sources { get; } = [];

    public string SourceText => string.Join(", ", Sources);

    public IEnumerable<string> ContextNames => _contexts.Keys.Order(StringComparer.Ordinal);

    public void Add(string content, string source, string baseDir)
    {
        Sources.Add(source);
        KubeconfigDocument? doc;
        try
        {
            doc = KubeconfigYaml.Parse(content);
        }
        catch (YamlException e)
        {
            throw new KubeConfigException($"kubeconfig {source} is not valid YAML (line {e.Start.Line}): {e.InnerException?.Message ?? e.Message}. Fix the file or point KUBECONFIG/kfp:kubeconfig elsewhere.", e);
        }
        if (doc is null)
        {
            return;
        }
        foreach (var c in doc.Clusters ?? [])
        {
            if (c.Name is { Length: > 0 } name && !_clusters.ContainsKey(name))
            {
                _clusters[name] = (c.Cluster ?? new ClusterEntry(), baseDir);
            }
        }
        foreach (var u in doc.Users ?? [])
        {
            if (u.Name is { Length: > 0 } name && !_users.ContainsKey(name))
            {
                _users[name] = (u.User ?? new UserEntry(), baseDir);
            }
        }
        foreach (var c in doc.Contexts ?? [])
        {
            if (c.Name is { Length: > 0 } name && !_contexts.ContainsKey(name))
            {
                _contexts[name] = c.Context ?? new ContextEntry();
            }
        }
        if (string.IsNullOrEmpty(CurrentContext) && !string.IsNullOrEmpty(doc.CurrentContext))
        {
            CurrentContext = doc.CurrentContext;
        }
    }

    public ContextEntry? Context(string name) => _contexts.GetValueOrDefault(name);

    public (ClusterEntry Entry, string Dir)? Cluster(string name) => _clusters.TryGetValue(name, out var c) ? c : null;

    public (UserEntry Entry, string Dir)? User(string name) => _users.TryGetValue(name, out var u) ? u : null;

    /// <summary>A path from a kubeconfig field: absolute as is, relative to the defining file's folder, <c>~/</c> expanded.</summary>
    public static string Resolve(string path, string baseDir, string home) =>
        path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..])
        : Path.IsPathRooted(path) ? path
        : Path.GetFullPath(Path.Combine(baseDir, path));
}
