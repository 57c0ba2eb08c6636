using Kfp.Compiler;
using Kfp.Provider.Engine;
using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Schema;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:compilePipeline</c>: compiles a pipeline source the way a Pipeline does, without registering
/// it: the spec YAML and its hash, e.g. to publish the spec as an artifact or to check a source in CI.
/// </summary>
internal sealed class CompilePipelineFunction(Func<ProviderServices> services)
{
    public static readonly FunctionDefinition Spec = new(
        "kfp:index:compilePipeline",
        "Compiles a pipeline source to KFP IR (validated and normalised) without registering it.",
        CompilePipelineArgs.Shape.Specs,
        CompilePipelineResult.Shape.Specs);

    private readonly PipelineSources _sources = new(services);

    /// <summary>Compiles; problems come back as failures naming the input, like a Check.</summary>
    public async Task<(PropertyMap Outputs, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(PropertyMap args, CancellationToken cancellationToken)
    {
        var binder = new Binder();
        var inputs = CompilePipelineArgs.Shape.Bind(args, binder);
        InputRules.CheckEnvironment(inputs.Env, "env", binder);
        InputRules.CheckUnique(inputs.ImagePullSecrets, "imagePullSecrets", binder);
        foreach (var spec in Spec.Inputs.Where(s => s.Required && !args.Has(s.Name)))
        {
            binder.Fail(spec.Name, $"is required by {Spec.Token}; set '{spec.Name}'");
        }
        foreach (var key in args.Keys.Where(k => CompilePipelineArgs.Shape.Find(k) is null && !k.StartsWith("__", StringComparison.Ordinal)))
        {
            binder.Fail(key, $"is not an input of {Spec.Token}; remove it or check its spelling");
        }
        if (binder.Failures.Count > 0)
        {
            return (PropertyMap.Empty, binder.Failures);
        }
        try
        {
            var outcome = await _sources.CompileAsync(new PipelineSources.Inputs(inputs.Source ?? "")
            {
                Framework = inputs.Framework,
                FrameworkParameters = inputs.FrameworkParameters,
                Env = inputs.Env,
                ImagePullSecrets = inputs.ImagePullSecrets,
                NotKnown = PipelineSources.Inputs.AnyUnknown(binder),
            }, cancellationToken);
            if (outcome.Pipeline is not { } compiled)
            {
                return (PropertyMap.Empty, [new CheckFailure("framework", $"cannot compile yet: {outcome.NotYet}")]);
            }
            return (CompilePipelineResult.Shape.Write(new CompilePipelineResult
            {
                Spec = compiled.Yaml,
                SpecHash = compiled.SpecHash,
                PipelineName = compiled.PipelineName,
                Mermaid = Kfp.Compiler.Views.MermaidWriter.Write(compiled.Document),
            }), []);
        }
        catch (PipelineCompileException e)
        {
            return (PropertyMap.Empty, [new CheckFailure("source", e.Message)]);
        }
        catch (UntrustedFrameworkException e)
        {
            return (PropertyMap.Empty, [new CheckFailure("framework", FrameworkTrustMessage.Refused(e, null))]);
        }
    }
}
