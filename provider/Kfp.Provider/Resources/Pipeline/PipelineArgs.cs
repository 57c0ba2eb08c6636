using System.Collections.Immutable;
using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>The inputs of <c>kfp:index:Pipeline</c>, with the <c>specHash</c> Check computes from them.</summary>
internal sealed record PipelineArgs
{
    public string? Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public string? Namespace { get; init; }

    public string? Source { get; init; }

    public string? Framework { get; init; }

    public PropertyValue? FrameworkParameters { get; init; }

    public ImmutableSortedDictionary<string, string>? Env { get; init; }

    public string? VersionName { get; init; }

    public long? KeepVersions { get; init; }

    public ImmutableArray<string>? ImagePullSecrets { get; init; }

    public ImmutableArray<RegistryCredential>? Registries { get; init; }

    public bool? PinImageDigests { get; init; }

    public string? SpecHash { get; init; }

    public PropertyValue? Tasks { get; init; }

    public PropertyValue? Parameters { get; init; }

    public string? Mermaid { get; init; }

    public string? FrameworkDigest { get; init; }

    public ImmutableSortedDictionary<string, string>? FrameworkFields { get; init; }

    public static RecordShape<PipelineArgs> Shape { get; } = RecordShape<PipelineArgs>.Inputs(() => new())
        .String("name", x => x.Name, (x, v) => x with { Name = v },
            "Pipeline name, unique per namespace. Autonamed when omitted.", Prop.Replace | Prop.Drift, Rules.KfpName)
        .String("displayName", x => x.DisplayName, (x, v) => x with { DisplayName = v },
            "Name shown in the KFP UI; defaults to `name`. Changes in place on KFP 2.17+ (older servers cannot rename a pipeline).", rules: Rules.KfpName)
        .String("description", x => x.Description, (x, v) => x with { Description = v },
            "What the pipeline does: given to the pipeline when it is created and to every version registered (KFP cannot change a pipeline's description; a change warns and never replaces the pipeline).", rules: [Rules.Text])
        .String("namespace", x => x.Namespace, (x, v) => x with { Namespace = v },
            "KFP profile namespace (multi-user mode); defaults to the provider's `namespace`.", Prop.Replace, Rules.Namespace)
        .String("source", x => x.Source, (x, v) => x with { Source = v },
            "The pipeline source file, relative to the Pulumi program.", Prop.Required, [Rules.NoControlCharacters])
        .String("framework", x => x.Framework, (x, v) => x with { Framework = v },
            "`ir` (compiled IR), `definition` (the built-in definition compiler) or a Framework's name; chosen from the file when omitted.", rules: Rules.Reference)
        .Any("frameworkParameters", x => x.FrameworkParameters, (x, v) => x with { FrameworkParameters = v },
            "Parameters for the framework (`{parameters}`).", rule: Rules.Map("{epochs: 3}"))
        .StringMap("env", x => x.Env, (x, v) => x with { Env = v }, "Environment variables for an external framework.")
        .String("versionName", x => x.VersionName, (x, v) => x with { VersionName = v },
            "Name of the version to register; defaults to one derived from the spec hash.", rules: [Rules.NotEmpty, Rules.NoControlCharacters, Rules.MaxBytes(Rules.KfpVersionNameBytes)])
        .Integer("keepVersions", x => x.KeepVersions, (x, v) => x with { KeepVersions = v },
            "How many older versions made by this resource to keep; all when omitted.", min: 0, max: 10_000)
        .StringList("imagePullSecrets", x => x.ImagePullSecrets, (x, v) => x with { ImagePullSecrets = v },
            "Secret names injected into every executor of the compiled spec (KFP v2 has no pipeline-level field).", itemRules: Rules.ObjectName)
        .Objects("registries", x => x.Registries, (x, v) => x with { Registries = v },
            "Credentials for the registries of the pipeline's images, used by `pinImageDigests` (an ImageRegistry's outputs or inline values).",
            RegistryCredential.Shape, RegistryCredential.Token, Prop.Secret)
        .Boolean("pinImageDigests", x => x.PinImageDigests, (x, v) => x with { PinImageDigests = v },
            "Resolve every image tag to its digest at compile time: the spec (and specHash) then changes when a tag moves.")
        .String("specHash", x => x.SpecHash, (x, v) => x with { SpecHash = v },
            "sha256 of the normalised compiled spec; computed during preview.", Prop.Computed | Prop.Drift)
        .Any("tasks", x => x.Tasks, (x, v) => x with { Tasks = v },
            "The compiled pipeline's tasks as a reviewer reads them, computed during preview: per task its image, command, args, " +
            "inputs and where they come from, `after` edges, caching, retry, condition, loop items and Kubernetes settings " +
            "(a loop, condition or nested pipeline lists its own `tasks`). A changed entry shows in the diff by its path, " +
            "e.g. `tasks.train.image`; `specHash` stays the pipeline's identity.", Prop.Computed | Prop.Explains)
        .Any("parameters", x => x.Parameters, (x, v) => x with { Parameters = v },
            "The pipeline's root parameters, computed during preview: per name its `type`, `default` and `optional`.", Prop.Computed | Prop.Explains)
        .String("mermaid", x => x.Mermaid, (x, v) => x with { Mermaid = v },
            "The pipeline's DAG as a Mermaid flowchart (tasks, edges, loops, conditions and exit handlers as subgraphs), " +
            "computed during preview; paste it in a ```mermaid block of a pull-request comment.", Prop.Computed | Prop.Display)
        .String("frameworkDigest", x => x.FrameworkDigest, (x, v) => x with { FrameworkDigest = v },
            "The digest of the Framework that compiled the spec (none for built-in frameworks); a framework changed in the cluster must be approved again.", Prop.Computed)
        .StringMap("frameworkFields", x => x.FrameworkFields, (x, v) => x with { FrameworkFields = v },
            "What the Framework of `frameworkDigest` runs, field by field (`command`, `image`, `executor`, `env.NAME`, `defaultParameters.NAME`, ...), " +
            "so a framework changed in the cluster is shown as `field: old => new`. Env values are recorded only as fingerprints.",
            Prop.Computed | Prop.Explains);
}
