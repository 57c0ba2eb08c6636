using YamlDotNet.Serialization;

namespace Kfp.Kube.Config.Model;

/// <summary>One kubeconfig file as written (<c>kind: Config</c>); YAML or JSON.</summary>
internal sealed class KubeconfigDocument
{
    [YamlMember(Alias = "clusters")]
    public List<NamedCluster>? Clusters { get; set; }

    [YamlMember(Alias = "users")]
    public List<NamedUser>? Users { get; set; }

    [YamlMember(Alias = "contexts")]
    public List<NamedContext>? Contexts { get; set; }

    [YamlMember(Alias = "current-context")]
    public string? CurrentContext { get; set; }
}
