using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>The inputs of <c>kfp:index:Run</c>.</summary>
internal sealed record RunArgs
{
    public string? Name { get; init; }

    public string? PipelineId { get; init; }

    public string? PipelineVersionId { get; init; }

    public string? ExperimentId { get; init; }

    public PropertyValue? Parameters { get; init; }

    public string? ServiceAccount { get; init; }

    public bool? WaitForCompletion { get; init; }

    public long? TimeoutSeconds { get; init; }

    public bool? DeleteOnDestroy { get; init; }

    public static RecordShape<RunArgs> Shape { get; } = RecordShape<RunArgs>.Inputs(() => new())
        .String("name", x => x.Name, (x, v) => x with { Name = v }, "Display name of the run. Autonamed when omitted.", Prop.Replace, Rules.KfpName)
        .String("pipelineId", x => x.PipelineId, (x, v) => x with { PipelineId = v }, "The pipeline to run.", Prop.Required | Prop.Replace, Rules.Reference)
        .String("pipelineVersionId", x => x.PipelineVersionId, (x, v) => x with { PipelineVersionId = v },
            "The pipeline version to run; the pipeline's latest version when omitted.", Prop.Replace, [Rules.NoControlCharacters])
        .String("experimentId", x => x.ExperimentId, (x, v) => x with { ExperimentId = v },
            "The experiment the run belongs to; KFP's default experiment when omitted (required in multi-user mode).", Prop.Replace, [Rules.NoControlCharacters])
        .Any("parameters", x => x.Parameters, (x, v) => x with { Parameters = v },
            "Pipeline parameters (`runtime_config.parameters`): a map of parameter names to JSON values.", Prop.Replace, RunFields.ParametersRule)
        .String("serviceAccount", x => x.ServiceAccount, (x, v) => x with { ServiceAccount = v },
            "Kubernetes service account the run uses; KFP's default when omitted.", Prop.Replace, [Rules.DnsSubdomain("service account name")])
        .Boolean("waitForCompletion", x => x.WaitForCompletion, (x, v) => x with { WaitForCompletion = v },
            "Wait during `up` until the run ends; a run that does not succeed fails the deployment (and stays in state).", Prop.Replace, @default: false)
        .Integer("timeoutSeconds", x => x.TimeoutSeconds, (x, v) => x with { TimeoutSeconds = v },
            "How long to wait for completion; the resource's create timeout, else one hour, when omitted.", Prop.Replace, min: 1, max: 7 * 24 * 3600)
        .Boolean("deleteOnDestroy", x => x.DeleteOnDestroy, (x, v) => x with { DeleteOnDestroy = v },
            "Delete the run from KFP when the resource is destroyed or replaced; otherwise the run is left in KFP.", Prop.Replace, @default: false);
}
