using System.Collections.Immutable;
using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>The inputs of <c>kfp:index:compilePipeline</c>.</summary>
internal sealed record CompilePipelineArgs
{
    public string? Source { get; init; }

    public string? Framework { get; init; }

    public PropertyValue? FrameworkParameters { get; init; }

    public ImmutableSortedDictionary<string, string>? Env { get; init; }

    public ImmutableArray<string>? ImagePullSecrets { get; init; }

    public static RecordShape<CompilePipelineArgs> Shape { get; } = RecordShape<CompilePipelineArgs>.Inputs(() => new())
        .String("source", x => x.Source, (x, v) => x with { Source = v },
            "The pipeline source file, relative to the Pulumi program.", Prop.Required, [Rules.NoControlCharacters])
        .String("framework", x => x.Framework, (x, v) => x with { Framework = v },
            "`ir`, `definition` or a Framework's name; chosen from the file when omitted.", rules: Rules.Reference)
        .Any("frameworkParameters", x => x.FrameworkParameters, (x, v) => x with { FrameworkParameters = v },
            "Parameters for the framework.", rule: Rules.Map("{epochs: 3}"))
        .StringMap("env", x => x.Env, (x, v) => x with { Env = v }, "Environment variables for an external framework.")
        .StringList("imagePullSecrets", x => x.ImagePullSecrets, (x, v) => x with { ImagePullSecrets = v },
            "Secret names injected into every executor.", itemRules: Rules.ObjectName);
}
