using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions;

namespace Kfp.Compiler.Tests.Definitions;

public sealed class DefinitionFeatureTests
{
    private static readonly IrDocument Compiled =
        DefinitionCompiler.Compile(TestFiles.Read("definitions-features/features.yaml"), "features.yaml");

    private static JsonObject Spec => Compiled.PipelineSpec;

    [Fact]
    public void Compile_Features_IsValidIr()
    {
        Assert.Empty(IrValidator.Validate(Compiled));
        Assert.Equal("""{"description":"Exercises the definition format.","displayName":"All the features","name":"features"}""", Canonical(Spec["pipelineInfo"]));
    }

    [Fact]
    public void Compile_TaskOptions_SetDisplayNameRetryAndStructConstant()
    {
        var prepare = Spec["root"]!["dag"]!["tasks"]!["prepare"]!;

        Assert.Equal("Prepare data", prepare["taskInfo"]!["name"]!.GetValue<string>());
        Assert.Equal("""{"backoffDuration":"10s","backoffFactor":1.5,"backoffMaxDuration":"60s","maxRetryCount":2}""", Canonical(prepare["retryPolicy"]));
        Assert.Equal("""{"runtimeValue":{"constant":{"mode":"fast"}}}""", Canonical(prepare["inputs"]!["parameters"]!["config"]));
    }

    [Fact]
    public void Compile_LoopOverParameter_PassesListItemsAndOuterValues()
    {
        var loop = Spec["root"]!["dag"]!["tasks"]!["for-loop-1"]!;

        Assert.Equal("""{"itemInput":"pipelinechannel--rows-loop-item","items":{"inputParameter":"pipelinechannel--rows"}}""", Canonical(loop["parameterIterator"]));
        Assert.Equal(2, loop["iteratorPolicy"]!["parallelismLimit"]!.GetValue<int>());
        Assert.Equal("""["prepare"]""", Canonical(loop["dependentTasks"]));
        Assert.Equal(
            """{"artifacts":{"pipelinechannel--prepare-dataset":{"taskOutputArtifact":{"outputArtifactKey":"dataset","producerTask":"prepare"}}},"parameters":{"pipelinechannel--rows":{"componentInputParameter":"rows"},"pipelinechannel--threshold":{"componentInputParameter":"threshold"}}}""",
            Canonical(loop["inputs"]));
        Assert.Equal(
            """{"artifacts":{"pipelinechannel--prepare-dataset":{"artifactType":{"schemaTitle":"system.Dataset","schemaVersion":"0.0.1"}}},"parameters":{"pipelinechannel--rows":{"parameterType":"LIST"},"pipelinechannel--rows-loop-item":{"parameterType":"STRUCT"},"pipelinechannel--threshold":{"parameterType":"NUMBER_DOUBLE"}}}""",
            Canonical(Spec["components"]!["comp-for-loop-1"]!["inputDefinitions"]));
    }

    [Fact]
    public void Compile_TaskInLoop_ReadsItemFieldAndPassedValues()
    {
        var train = Spec["components"]!["comp-for-loop-1"]!["dag"]!["tasks"]!["train"]!;

        Assert.Equal("{}", Canonical(train["cachingOptions"]));
        Assert.Equal(
            """{"artifacts":{"data":{"componentInputArtifact":"pipelinechannel--prepare-dataset"}},"parameters":{"name":{"componentInputParameter":"pipelinechannel--rows-loop-item","parameterExpressionSelector":"parseJson(string_value)[\"name\"]"},"threshold":{"componentInputParameter":"pipelinechannel--threshold"}}}""",
            Canonical(train["inputs"]));
    }

    [Fact]
    public void Compile_Container_TranslatesPlaceholdersEnvAndResources()
    {
        var executors = Spec["deploymentSpec"]!["executors"]!;

        Assert.Equal("""["prep","--config","{{$.inputs.parameters['config']}}","--out","{{$.outputs.artifacts['dataset'].uri}}"]""", Canonical(executors["exec-prepare"]!["container"]!["command"]));
        Assert.Equal("""[{"name":"MODE","value":"batch"},{"name":"LEVEL","value":"3"}]""", Canonical(executors["exec-prepare"]!["container"]!["env"]));
        Assert.Equal(
            """["--data","{{$.inputs.artifacts['data'].path}}","--name","{{$.inputs.parameters['name']}}","--threshold","{{$.inputs.parameters['threshold']}}","--model","{{$.outputs.artifacts['model'].path}}"]""",
            Canonical(executors["exec-train"]!["container"]!["args"]));
        Assert.Equal(
            """{"accelerator":{"count":"1","resourceCount":"1","resourceType":"nvidia.com/gpu","type":"nvidia.com/gpu"},"cpuLimit":0.5,"cpuRequest":2,"memoryLimit":4.294967296,"memoryRequest":0.536870912,"resourceCpuLimit":"500m","resourceCpuRequest":"2","resourceMemoryLimit":"4Gi","resourceMemoryRequest":"512Mi"}""",
            Canonical(executors["exec-train"]!["container"]!["resources"]));
    }

    [Fact]
    public void Compile_PipelineParameters_KeepDefaultsAndDescriptions()
    {
        Assert.Equal(
            """{"parameters":{"rows":{"defaultValue":[{"name":"a"},{"name":"b"}],"isOptional":true,"parameterType":"LIST"},"threshold":{"defaultValue":0.5,"description":"Minimum score.","isOptional":true,"parameterType":"NUMBER_DOUBLE"}}}""",
            Canonical(Spec["root"]!["inputDefinitions"]));
    }

    [Fact]
    public void Compile_SameDefinitionTwice_SameHash()
    {
        var again = DefinitionCompiler.Compile(TestFiles.Read("definitions-features/features.yaml"), "features.yaml");

        Assert.Equal(SpecHasher.ComputeHash(Compiled), SpecHasher.ComputeHash(again));
    }

    [Fact]
    public void Compile_DocumentationExample_IsValidAndCollectsLoopOutputs()
    {
        var example = DefinitionCompiler.Compile(TestFiles.Read("definitions-features/docs_example.yaml"), "docs_example.yaml");

        Assert.Empty(IrValidator.Validate(example));
        var root = example.PipelineSpec["root"]!["dag"]!["tasks"]!;
        Assert.Equal("""{"artifacts":{"models":{"taskOutputArtifact":{"outputArtifactKey":"pipelinechannel--train-model","producerTask":"for-loop-1"}}}}""", Canonical(root["report"]!["inputs"]));
        Assert.Equal("inputs.parameter_values['pipelinechannel--notify'] == true", root["condition-2"]!["triggerPolicy"]!["condition"]!.GetValue<string>());
    }

    [Fact]
    public void Compile_NewFeatures_WritesWhatTheSdkWouldForEach()
    {
        var compiled = DefinitionCompiler.Compile(TestFiles.Read("definitions-features/new_features.yaml"), "new_features.yaml");
        var spec = compiled.PipelineSpec;
        var executors = spec["deploymentSpec"]!["executors"]!;

        Assert.Empty(IrValidator.Validate(compiled));
        // Task resources override the component's; a value from a channel keeps only the resource* field.
        Assert.Equal(
            """{"accelerator":{"count":"1","resourceCount":"1","resourceType":"{{$.inputs.parameters['pipelinechannel--gpu_type']}}"},"cpuLimit":2,"memoryRequest":1.073741824,"resourceCpuLimit":"2","resourceMemoryLimit":"{{$.inputs.parameters['pipelinechannel--size-model-memory']}}","resourceMemoryRequest":"1Gi"}""",
            Canonical(executors["exec-train"]!["container"]!["resources"]));
        Assert.Equal("""{"cpuLimit":1,"memoryRequest":1.073741824,"resourceCpuLimit":"1","resourceMemoryRequest":"1Gi"}""",
            Canonical(executors["exec-train-2"]!["container"]!["resources"]));
        // An importer whose URI is a task output reads it as the runtime parameter 'uri'.
        Assert.Equal(
            """{"importer":{"artifactUri":{"runtimeParameter":"uri"},"metadata":{"source":"crm"},"typeSchema":{"schemaTitle":"system.Dataset","schemaVersion":"0.0.1"}}}""",
            Canonical(executors["exec-importer"]));
        var root = spec["root"]!["dag"]!;
        Assert.Equal("""["size-model"]""", Canonical(root["tasks"]!["importer"]!["dependentTasks"]));
        // An artifact oneOf as a pipeline output: artifactSelectors over the branches' surfaced outputs.
        Assert.Equal(
            """{"artifacts":{"pipelinechannel--condition-branches-1-oneof-1":{"artifactSelectors":[{"outputArtifactKey":"pipelinechannel--train-model","producerSubtask":"condition-2"},{"outputArtifactKey":"pipelinechannel--train-2-model","producerSubtask":"condition-3"}]}}}""",
            Canonical(spec["components"]!["comp-condition-branches-1"]!["dag"]!["outputs"]));
        Assert.Equal(
            """{"artifacts":{"best":{"artifactSelectors":[{"outputArtifactKey":"pipelinechannel--condition-branches-1-oneof-1","producerSubtask":"condition-branches-1"}]}}}""",
            Canonical(root["outputs"]));
        Assert.Equal("!(int(inputs.parameter_values['pipelinechannel--threshold']) > 3)",
            spec["components"]!["comp-condition-branches-1"]!["dag"]!["tasks"]!["condition-3"]!["triggerPolicy"]!["condition"]!.GetValue<string>());
        // Built-in claim tasks: kfp-kubernetes' component, and the delete waits for the last user.
        Assert.Equal("argostub/createpvc", executors["exec-createpvc"]!["container"]!["image"]!.GetValue<string>());
        Assert.Equal("""["createpvc","scratch"]""", Canonical(root["tasks"]!["deletepvc"]!["dependentTasks"]));
    }

    private static string Canonical(JsonNode? node) =>
        SpecHasher.Canonicalize(new IrDocument(new JsonObject { ["x"] = node?.DeepClone() }, null))[5..^1];
}
