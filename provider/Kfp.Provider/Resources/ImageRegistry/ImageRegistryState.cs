using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>The state of <c>kfp:index:ImageRegistry</c>: the credentials as a <c>.dockerconfigjson</c>.</summary>
internal sealed record ImageRegistryState
{
    public string? DockerConfigJson { get; init; }

    public static RecordShape<ImageRegistryState> Shape { get; } = RecordShape<ImageRegistryState>.Outputs(() => new())
        .String("dockerConfigJson", x => x.DockerConfigJson, (x, v) => x with { DockerConfigJson = v },
            "The `.dockerconfigjson` content for these credentials.", Prop.Secret);
}
