using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>The state of <c>kfp:index:Framework</c>: where it is stored.</summary>
internal sealed record FrameworkState
{
    public string? Namespace { get; init; }

    public string? ConfigMapName { get; init; }

    public string? Digest { get; init; }

    public static RecordShape<FrameworkState> Shape { get; } = RecordShape<FrameworkState>.Outputs(() => new())
        .String("namespace", x => x.Namespace, (x, v) => x with { Namespace = v }, "")
        .String("configMapName", x => x.ConfigMapName, (x, v) => x with { ConfigMapName = v }, "The ConfigMap that stores the framework.")
        .String("digest", x => x.Digest, (x, v) => x with { Digest = v },
            "`sha256:` of what the framework runs (command, env, image, executor, default parameters); approve it in `kfp:trustedFrameworks`.");
}
