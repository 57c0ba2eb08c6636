using YamlDotNet.Serialization;

namespace Kfp.Kube.Config.Model;

/// <summary>A <c>clusters[]</c> entry.</summary>
internal sealed class NamedCluster
{
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    [YamlMember(Alias = "cluster")]
    public ClusterEntry? Cluster { get; set; }
}
