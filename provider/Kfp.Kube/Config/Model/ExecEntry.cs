using YamlDotNet.Serialization;

namespace Kfp.Kube.Config.Model;

/// <summary>The <c>user.exec</c> section of a credential plugin.</summary>
internal sealed class ExecEntry
{
    [YamlMember(Alias = "command")]
    public string? Command { get; set; }

    [YamlMember(Alias = "args")]
    public List<string>? Args { get; set; }

    [YamlMember(Alias = "env")]
    public List<ExecEnvEntry>? Env { get; set; }

    [YamlMember(Alias = "apiVersion")]
    public string? ApiVersion { get; set; }

    [YamlMember(Alias = "interactiveMode")]
    public string? InteractiveMode { get; set; }

    [YamlMember(Alias = "provideClusterInfo")]
    public bool ProvideClusterInfo { get; set; }

    [YamlMember(Alias = "installHint")]
    public string? InstallHint { get; set; }
}
