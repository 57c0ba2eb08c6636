using Kfp.Compiler;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Schema;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:compilePipeline</c>: compiles a pipeline source the way a Pipeline does, without registering
/// it: the spec YAML and its hash, e.g. to publish the spec as an artifact or to check a source in CI.
/// </summary>
public sealed class CompilePipelineFunction(Func<ProviderServices> services)
{
    public static readonly FunctionDefinition Spec = new(
        "kfp:index:compilePipeline",
        "Compiles a pipeline source to KFP IR (validated and normalised) without registering it.",
        [
            new("source", PropertyType.String, "The pipeline source file, relative to the Pulumi program.") { Required = true },
            new("framework", PropertyType.String, "`ir`, `definition` or a Framework's name; chosen from the file when omitted."),
            new("frameworkParameters", PropertyType.Any, "Parameters for the framework."),
            new("env", PropertyType.StringMap, "Environment variables for an external framework."),
            new("imagePullSecrets", PropertyType.StringList, "Secret names injected into every executor."),
        ],
        [
            PropertySpec.Output("spec", PropertyType.String, "The compiled spec as YAML (platform spec after `---` when there is one), as it would be uploaded."),
            PropertySpec.Output("specHash", PropertyType.String, "sha256 of the normalised spec: what a Pipeline records."),
            PropertySpec.Output("pipelineName", PropertyType.String, "The pipeline's name inside the spec (`pipelineInfo.name`)."),
        ]);

    private readonly PipelineSources _sources = new(services);

    /// <summary>Compiles; problems come back as failures naming the input, like a Check.</summary>
    public async Task<(PropertyMap Outputs, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(PropertyMap args, CancellationToken cancellationToken)
    {
        var reader = new InputReader(args);
        reader.RequiredString("source");
        if (reader.Failures.Count > 0)
        {
            return (PropertyMap.Empty, reader.Failures);
        }
        try
        {
            var outcome = await _sources.CompileAsync(args, cancellationToken);
            if (outcome.Pipeline is not { } compiled)
            {
                return (PropertyMap.Empty, [new CheckFailure("framework", $"cannot compile yet: {outcome.NotYet}")]);
            }
            return (PropertyMap.Empty
                .With("spec", PropertyValue.Of(compiled.Yaml))
                .With("specHash", PropertyValue.Of(compiled.SpecHash))
                .With("pipelineName", PropertyValue.Of(compiled.PipelineName)), []);
        }
        catch (PipelineCompileException e)
        {
            return (PropertyMap.Empty, [new CheckFailure("source", e.Message)]);
        }
    }
}
