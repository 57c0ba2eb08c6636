using YamlDotNet.Serialization;

namespace Kfp.Kube.Config.Model;

/// <summary>One <c>exec.env</c> variable.</summary>
internal sealed class ExecEnvEntry
{
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    [YamlMember(Alias = "value")]
    public string? Value { get; set; }
}
