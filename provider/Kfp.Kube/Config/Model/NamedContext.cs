using YamlDotNet.Serialization;

namespace Kfp.Kube.Config.Model;

/// <summary>A <c>contexts[]</c> entry.</summary>
internal sealed class NamedContext
{
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    [YamlMember(Alias = "context")]
    public ContextEntry? Context { get; set; }
}
