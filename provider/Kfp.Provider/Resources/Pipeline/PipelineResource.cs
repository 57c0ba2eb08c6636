using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Compiler;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:Pipeline</c>: a pipeline compiled from source during Check (so preview knows its
/// <c>specHash</c>) and registered in KFP. A changed spec uploads a new version (an update); older versions
/// are kept per <c>keepVersions</c>; a version or pipeline deleted by hand shows as drift and is repaired.
/// </summary>
internal sealed partial class PipelineResource(Func<ProviderServices> services)
    : Resource<PipelineArgs, PipelineState>(PipelineArgs.Shape, PipelineState.Shape)
{
    public static readonly ResourceDefinition Spec = Define(
        "kfp:index:Pipeline",
        "A Kubeflow pipeline compiled from source and registered as content-addressed versions. The source is compiled during preview, so a changed spec shows as a change of `specHash`.",
        PipelineArgs.Shape, PipelineState.Shape, idProperty: "pipelineId", autoNamed: true);

    private readonly PipelineSources _sources = new(services);
    private readonly PipelineViewCache _views = new();

    public override ResourceDefinition Definition => Spec;

    /// <summary>The version is named by <c>versionName</c> or the spec hash, so preview knows it whenever the hash is known.</summary>
    public override PropertyMap PreviewCreate(PropertyMap inputs) =>
        KnownVersionName(inputs) is { } name ? base.PreviewCreate(inputs).With("versionName", name) : base.PreviewCreate(inputs);

    /// <summary>The version name a create or update will register, when preview can know it.</summary>
    private static PropertyValue? KnownVersionName(PropertyMap inputs) => (inputs.Get("versionName").Plain, inputs.Get("specHash").Plain) switch
    {
        (StringValue name, _) => name,
        (NullValue, StringValue hash) => PropertyValue.Of(PipelineSources.VersionName(hash.Value)),
        _ => null,
    };

    protected override void Validate(PipelineArgs inputs, Binder binder)
    {
        PullSecretRegistries.CheckServers(inputs.Registries, "registries", binder);
        InputRules.CheckEnvironment(inputs.Env, "env", binder);
        InputRules.CheckUnique(inputs.ImagePullSecrets, "imagePullSecrets", binder);
    }

    public override async Task<CheckResult> CheckAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var result = await base.CheckAsync(context, cancellationToken);
        if (result.Failures.Count > 0)
        {
            return result;
        }
        if (!result.Inputs.Has("displayName"))
        {
            // Recorded (as the name's value, known or not), so a rename in the program is a change of this input.
            result = result with { Inputs = result.Inputs.With("displayName", result.Inputs.Get("name")) };
        }
        try
        {
            var args = Args(result.Inputs, out var binder);
            var sources = Sources(args, binder) with { ApprovedFrameworkDigest = Approval(context.Olds).FrameworkDigest, Urn = context.Resource.Urn };
            var outcome = await _sources.CompileAsync(sources, cancellationToken);
            var inputs = outcome.Pipeline is { } compiled ? Write(_views.Of(compiled), result.Inputs) : PipelineView.Unknown(result.Inputs);
            inputs = outcome.FrameworkDigest is { } digest
                ? inputs.With("frameworkDigest", PropertyValue.Of(digest)).With("frameworkFields", StringMap(outcome.FrameworkFields))
                : outcome.Pipeline is null && args.Framework is not null && !BuiltInFrameworks.IsBuiltIn(args.Framework)
                    ? inputs.With("frameworkDigest", PropertyValue.Unknown).With("frameworkFields", PropertyValue.Unknown)
                    : inputs;
            return result with { Inputs = inputs };
        }
        catch (UntrustedFrameworkException e)
        {
            var approved = Approval(context.Olds);
            return result with { Failures = [new CheckFailure("framework", FrameworkTrustMessage.Refused(e, approved.FrameworkDigest, approved.FrameworkFields))] };
        }
        catch (PipelineCompileException e)
        {
            return result with { Failures = [new CheckFailure("source", e.Message)] };
        }
        catch (ImagePinningException e)
        {
            return result with { Failures = [new CheckFailure("pinImageDigests", e.Message)] };
        }
        catch (Kfp.Kube.Http.KubeApiException e) when (AccessProblem.Of(e, null) is null)
        {
            return result with
            {
                Failures = [new CheckFailure("framework", $"the Framework '{Args(result.Inputs).Framework}' cannot be read from the cluster: {e.Message}")],
            };
        }
    }

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var inputs = Args(context.Inputs);
        var compiled = await CompileAsync(inputs, cancellationToken);
        var name = inputs.Name ?? "";
        var (pipeline, adopted) = await CreateOrAdoptAsync(context, inputs, compiled, cancellationToken);
        var outputs = Outputs(context.Inputs, pipeline, version: null, compiled.SpecHash, adopted);
        try
        {
            var versions = await SettleVersionsAsync(pipeline.PipelineId, inputs, compiled, adopted, cancellationToken);
            return new CreateResult(pipeline.PipelineId, Outputs(context.Inputs, pipeline, versions.Current, compiled.SpecHash, versions.Kept));
        }
        catch (Exception e) when (e is KfpApiException or HttpRequestException)
        {
            // The pipeline exists without a version: keep it in state; the next `up` uploads the version.
            throw new ResourceInitFailedException(pipeline.PipelineId, Write(new PipelineState { SpecHash = "" }, outputs),
                [$"pipeline '{name}' was created but its first version could not be registered: {e.Message}"]);
        }
    }

    /// <summary>Decides with <see cref="PipelineVersionPlan"/>, then applies: rename, upload or reuse, prune, record.</summary>
    public override async Task<PropertyMap> UpdateAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var inputs = Args(context.News);
        var compiled = await CompileAsync(inputs, cancellationToken);
        var pipeline = await RenameAsync(await services().Kfp.GetPipelineAsync(context.Id, cancellationToken), inputs, cancellationToken);
        await WarnAboutDescriptionAsync(context, pipeline, inputs, cancellationToken);
        var versions = await SettleVersionsAsync(context.Id, inputs, compiled, State(context.OldOutputs).VersionIds ?? [], cancellationToken);
        return Outputs(context.News, pipeline, versions.Current, compiled.SpecHash, versions.Kept);
    }

    public override async Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken)
    {
        foreach (var versionId in State(context.OldOutputs).VersionIds ?? [])
        {
            await IgnoreNotFound(() => services().Kfp.DeletePipelineVersionAsync(context.Id, versionId, cancellationToken));
        }
        try
        {
            await IgnoreNotFound(() => services().Kfp.DeletePipelineAsync(context.Id, cascade: false, cancellationToken));
        }
        catch (KfpApiException e) when (e.Kind is KfpErrorKind.InvalidArgument or KfpErrorKind.FailedPrecondition)
        {
            throw new ResourceException($"pipeline {context.Id} still has versions that this stack did not register, so it was kept: " +
                $"delete them in the KFP UI, or remove the pipeline from state with `pulumi state delete` ({e.ServerMessage})", e);
        }
    }

    private async Task<Pipeline> RenameAsync(Pipeline pipeline, PipelineArgs inputs, CancellationToken cancellationToken)
    {
        var displayName = inputs.DisplayName;
        if (displayName is null || displayName == pipeline.DisplayName)
        {
            return pipeline;
        }
        try
        {
            return await services().Kfp.UpdatePipelineDisplayNameAsync(pipeline.PipelineId, displayName, cancellationToken);
        }
        catch (KfpApiException e) when (e.Kind == KfpErrorKind.Unimplemented)
        {
            throw new ResourceException($"this KFP server cannot rename pipeline '{pipeline.Name}' (renaming needs KFP 2.17 or later): " +
                "keep `displayName` as it is, or change `name` to register a new pipeline", e);
        }
    }

    private async Task<CompiledPipeline> CompileAsync(PipelineArgs inputs, CancellationToken cancellationToken) =>
        (await _sources.CompileAsync(Sources(inputs, null), cancellationToken)) is { Pipeline: { } compiled }
            ? compiled
            : throw new ResourceException($"the pipeline source cannot be compiled: framework '{inputs.Framework}' was not found in the cluster; " +
                "create it with a kfp:index:Framework resource (and make the Pipeline depend on it)");

    /// <summary>
    /// What the last Check recorded about the framework the program approved (<c>frameworkDigest</c>,
    /// <c>frameworkFields</c>), bound from those two properties only: the old inputs also hold the recorded view, and
    /// binding it walks every task (0.4 ms for 1,600 tasks) on each Check.
    /// </summary>
    private PipelineArgs Approval(PropertyMap olds) =>
        Args(PropertyMap.From(olds.Where(p => p.Key is "frameworkDigest" or "frameworkFields")));

    private static PropertyValue StringMap(IReadOnlyDictionary<string, string>? map) => map is null
        ? PropertyValue.Unknown
        : PropertyValue.Of(PropertyMap.From(map.Select(p => KeyValuePair.Create(p.Key, PropertyValue.Of(p.Value)))));

    private static PipelineSources.Inputs Sources(PipelineArgs inputs, Binder? binder) => new(inputs.Source ?? "")
    {
        Framework = inputs.Framework,
        FrameworkParameters = inputs.FrameworkParameters,
        Env = inputs.Env,
        ImagePullSecrets = inputs.ImagePullSecrets,
        Registries = inputs.Registries,
        PinImageDigests = inputs.PinImageDigests == true,
        ApprovedFrameworkDigest = inputs.FrameworkDigest,
        NotKnown = PipelineSources.Inputs.AnyUnknown(binder),
    };

    private static string EffectiveVersionName(PipelineArgs inputs, CompiledPipeline compiled) =>
        inputs.VersionName ?? PipelineSources.VersionName(compiled.SpecHash);

    private static async Task IgnoreNotFound(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            // Already gone.
        }
    }
}
