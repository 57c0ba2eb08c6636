using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Compiler;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using static Kfp.Provider.Engine.PropertySpec;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:Pipeline</c>: a pipeline compiled from source during Check (so preview knows its
/// <c>specHash</c>) and registered in KFP. A changed spec uploads a new version (an update); older versions
/// are kept per <c>keepVersions</c>; a version or pipeline deleted by hand shows as drift and is repaired.
/// </summary>
public sealed partial class PipelineResource(Func<ProviderServices> services) : Resource
{
    public static readonly ResourceDefinition Spec = new(
        "kfp:index:Pipeline",
        "A Kubeflow pipeline compiled from source and registered as content-addressed versions. The source is compiled during preview, so a changed spec shows as a change of `specHash`.",
        [
            new("name", PropertyType.String, "Pipeline name, unique per namespace. Autonamed when omitted.") { ReplaceOnChanges = true, TracksDrift = true },
            new("displayName", PropertyType.String, "Name shown in the KFP UI; defaults to `name`. Changes in place on KFP 2.17+ (older servers cannot rename a pipeline)."),
            new("description", PropertyType.String, "What the pipeline does.") { ReplaceOnChanges = true, TracksDrift = true },
            new("namespace", PropertyType.String, "KFP profile namespace (multi-user mode); defaults to the provider's `namespace`.") { ReplaceOnChanges = true },
            new("source", PropertyType.String, "The pipeline source file, relative to the Pulumi program.") { Required = true },
            new("framework", PropertyType.String, "`ir` (compiled IR), `definition` (the built-in definition compiler) or a Framework's name; chosen from the file when omitted."),
            new("frameworkParameters", PropertyType.Any, "Parameters for the framework (`{parameters}`)."),
            new("env", PropertyType.StringMap, "Environment variables for an external framework."),
            new("versionName", PropertyType.String, "Name of the version to register; defaults to one derived from the spec hash."),
            new("keepVersions", PropertyType.Integer, "How many older versions made by this resource to keep; all when omitted."),
            new("imagePullSecrets", PropertyType.StringList, "Secret names injected into every executor of the compiled spec (KFP v2 has no pipeline-level field)."),
            new("registries", PropertyType.ObjectList, "Credentials for the registries of the pipeline's images, used by `pinImageDigests` (an ImageRegistry's outputs or inline values).") { ObjectType = PullSecretRegistries.Token, Secret = true },
            new("pinImageDigests", PropertyType.Boolean, "Resolve every image tag to its digest at compile time: the spec (and specHash) then changes when a tag moves."),
            new("specHash", PropertyType.String, "sha256 of the normalised compiled spec; computed during preview.") { Input = false, ComputedByCheck = true, TracksDrift = true, AlwaysOutput = true },
            Output("pipelineId", PropertyType.String, "The KFP pipeline ID."),
            Output("versionId", PropertyType.String, "The ID of the version holding the current spec."),
            Output("versionIds", PropertyType.StringList, "The versions this resource registered, oldest first (deleted with it)."),
            Output("createdAt", PropertyType.String, "When KFP created the pipeline (RFC 3339)."),
        ])
    {
        AutoNamed = true,
        IdProperty = "pipelineId",
    };

    private readonly PipelineSources _sources = new(services);

    public override ResourceDefinition Definition => Spec;

    protected override void Validate(InputReader inputs)
    {
        if (inputs.Raw("frameworkParameters") is { } p and not ObjectValue and not NullValue)
        {
            inputs.Fail("frameworkParameters", "must be an object of parameter names to values");
        }
        inputs.Integer("keepVersions", 0, 10_000);
        PullSecretRegistries.Read(inputs, "registries");
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
            // Recorded, so a rename in the program is a change of this input.
            result = result with { Inputs = result.Inputs.With("displayName", result.Inputs.Get("name")) };
        }
        try
        {
            var outcome = await _sources.CompileAsync(result.Inputs, cancellationToken);
            var hash = outcome.Pipeline is { } compiled ? PropertyValue.Of(compiled.SpecHash) : PropertyValue.Unknown;
            return result with { Inputs = result.Inputs.With("specHash", hash) };
        }
        catch (PipelineCompileException e)
        {
            return result with { Failures = [new CheckFailure("source", e.Message)] };
        }
        catch (ImagePinningException e)
        {
            return result with { Failures = [new CheckFailure("pinImageDigests", e.Message)] };
        }
        catch (Exception e) when (e is Kfp.Kube.Config.KubeConfigException or Kfp.Kube.Http.KubeApiException)
        {
            return result with
            {
                Failures = [new CheckFailure("framework", $"the Framework '{new InputReader(result.Inputs).String("framework")}' cannot be read from the cluster: {e.Message}")],
            };
        }
    }

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var compiled = await CompileAsync(context.Inputs, cancellationToken);
        var inputs = new InputReader(context.Inputs);
        var name = inputs.RequiredString("name");
        var ns = inputs.String("namespace") ?? services().DefaultNamespace;
        Pipeline pipeline;
        try
        {
            pipeline = await services().Kfp.CreatePipelineAsync(new CreatePipelineRequest(name)
            {
                DisplayName = inputs.String("displayName") ?? name,
                Description = inputs.String("description"),
                Namespace = ns,
            }, cancellationToken);
        }
        catch (KfpApiException e) when (e.IsAlreadyExists)
        {
            var existing = await services().Kfp.FindPipelineAsync(name, ns, cancellationToken);
            throw new ResourceException($"pipeline '{name}' already exists: choose another name, or adopt it with " +
                $"`pulumi import kfp:index:Pipeline {context.Resource.Name} {existing?.PipelineId ?? "<pipeline-id>"}`", e);
        }
        var outputs = Outputs(context.Inputs, pipeline, version: null, compiled.SpecHash, []);
        try
        {
            var version = await UploadAsync(pipeline.PipelineId, context.Inputs, compiled, cancellationToken);
            return new CreateResult(pipeline.PipelineId, Outputs(context.Inputs, pipeline, version, compiled.SpecHash, [version.PipelineVersionId]));
        }
        catch (Exception e) when (e is KfpApiException or HttpRequestException)
        {
            // The pipeline exists without a version: keep it in state; the next `up` uploads the version.
            throw new ResourceInitFailedException(pipeline.PipelineId, outputs.With("specHash", PropertyValue.Of("")),
                [$"pipeline '{name}' was created but its first version could not be registered: {e.Message}"]);
        }
    }

    public override async Task<PropertyMap> UpdateAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var compiled = await CompileAsync(context.News, cancellationToken);
        var pipeline = await RenameAsync(await services().Kfp.GetPipelineAsync(context.Id, cancellationToken), context.News, cancellationToken);
        var made = new InputReader(context.OldOutputs).StringList("versionIds").ToList();
        var versionName = EffectiveVersionName(context.News, compiled);
        var current = await services().Kfp.FindPipelineVersionAsync(context.Id, versionName, cancellationToken)
            ?? await UploadAsync(context.Id, context.News, compiled, cancellationToken);
        if (!made.Contains(current.PipelineVersionId))
        {
            made.Add(current.PipelineVersionId);
        }
        var kept = await PruneAsync(context.Id, made, current.PipelineVersionId, new InputReader(context.News).Integer("keepVersions"), cancellationToken);
        return Outputs(context.News, pipeline, current, compiled.SpecHash, kept);
    }

    public override async Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken)
    {
        foreach (var versionId in new InputReader(context.OldOutputs).StringList("versionIds"))
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

    private async Task<Pipeline> RenameAsync(Pipeline pipeline, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var displayName = new InputReader(inputs).String("displayName");
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

    private async Task<CompiledPipeline> CompileAsync(PropertyMap inputs, CancellationToken cancellationToken) =>
        (await _sources.CompileAsync(inputs, cancellationToken)) is { Pipeline: { } compiled }
            ? compiled
            : throw new ResourceException($"the pipeline source cannot be compiled: framework '{new InputReader(inputs).String("framework")}' was not found in the cluster; " +
                "create it with a kfp:index:Framework resource (and make the Pipeline depend on it)");

    private async Task<PipelineVersion> UploadAsync(string pipelineId, PropertyMap inputs, CompiledPipeline compiled, CancellationToken cancellationToken)
    {
        var name = EffectiveVersionName(inputs, compiled);
        return await services().Kfp.UploadPipelineVersionAsync(
            new UploadPipelineVersionRequest(pipelineId, name, compiled.Yaml) { Description = new InputReader(inputs).String("description") },
            cancellationToken);
    }

    private static string EffectiveVersionName(PropertyMap inputs, CompiledPipeline compiled) =>
        new InputReader(inputs).String("versionName") ?? PipelineSources.VersionName(compiled.SpecHash);

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
