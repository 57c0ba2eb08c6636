using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>The inputs of <c>kfp:index:Experiment</c>.</summary>
internal sealed record ExperimentArgs
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Namespace { get; init; }

    public static RecordShape<ExperimentArgs> Shape { get; } = RecordShape<ExperimentArgs>.Inputs(() => new())
        .String("name", x => x.Name, (x, v) => x with { Name = v },
            "The experiment's name, unique per namespace. Autonamed from the resource name when omitted.", Prop.Replace | Prop.Drift, Rules.KfpName)
        .String("description", x => x.Description, (x, v) => x with { Description = v },
            "What the experiment is for.", Prop.Replace | Prop.Drift, [Rules.Text])
        .String("namespace", x => x.Namespace, (x, v) => x with { Namespace = v },
            "KFP profile namespace (multi-user mode); defaults to the provider's `namespace`.", Prop.Replace, Rules.Namespace);
}
