using YamlDotNet.Serialization;

namespace Kfp.Kube.Config.Model;

/// <summary>The <c>context</c> section: which cluster and user, and the default namespace.</summary>
internal sealed class ContextEntry
{
    [YamlMember(Alias = "cluster")]
    public string? Cluster { get; set; }

    [YamlMember(Alias = "user")]
    public string? User { get; set; }

    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }
}
