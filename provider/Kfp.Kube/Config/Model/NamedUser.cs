using YamlDotNet.Serialization;

namespace Kfp.Kube.Config.Model;

/// <summary>A <c>users[]</c> entry.</summary>
internal sealed class NamedUser
{
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    [YamlMember(Alias = "user")]
    public UserEntry? User { get; set; }
}
