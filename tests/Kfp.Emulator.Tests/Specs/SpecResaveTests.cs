using System.Text.Json.Nodes;
using Kfp.Emulator.Tests.Support;

namespace Kfp.Emulator.Tests.Specs;

/// <summary>Uploaded specs come back as the real server re-saves them (protojson: default-valued fields dropped).</summary>
public sealed class SpecResaveTests
{
    private const string Spec = """
        # a comment the server loses
        pipelineInfo:
          name: resave
          description: ''
        schemaVersion: 2.1.0
        sdkVersion: kfp-2.14.3
        components:
          comp-a:
            executorLabel: exec-a
            inputDefinitions:
              parameters:
                count:
                  parameterType: NUMBER_INTEGER
                  defaultValue: 0
                  isOptional: false
                flag:
                  parameterType: BOOLEAN
                  defaultValue: false
        deploymentSpec:
          executors:
            exec-a:
              container:
                image: alpine
                args: []
                command: ['sh', '-c', '']
        root:
          inputDefinitions:
            parameters: {}
          dag:
            tasks:
              a:
                cachingOptions: {}
                componentRef:
                  name: comp-a
                dependentTasks: []
                inputs:
                  parameters:
                    count:
                      runtimeValue:
                        constant: 0
                taskInfo:
                  name: a
        """;

    [Fact]
    public async Task Upload_DefaultValuedFields_AreDroppedLikeTheRealServer()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (pipelineId, versionId) = await emu.UploadAsync("resave", Spec);

        var spec = (await emu.GetAsync($"/apis/v2beta1/pipelines/{pipelineId}/versions/{versionId}"))["pipeline_spec"]!.AsObject();

        var task = spec["root"]!["dag"]!["tasks"]!["a"]!.AsObject();
        Assert.False(spec["pipelineInfo"]!.AsObject().ContainsKey("description"));
        Assert.False(task.ContainsKey("dependentTasks"));
        Assert.Equal("{}", task["cachingOptions"]!.ToJsonString());
        Assert.Equal(0, task["inputs"]!["parameters"]!["count"]!["runtimeValue"]!["constant"]!.GetValue<int>());
        var count = spec["components"]!["comp-a"]!["inputDefinitions"]!["parameters"]!["count"]!.AsObject();
        Assert.False(count.ContainsKey("isOptional"));
        Assert.Equal(0, count["defaultValue"]!.GetValue<int>());
        Assert.False(spec["components"]!["comp-a"]!["inputDefinitions"]!["parameters"]!["flag"]!["defaultValue"]!.GetValue<bool>());
        var container = spec["deploymentSpec"]!["executors"]!["exec-a"]!["container"]!.AsObject();
        Assert.Equal("[]", container["args"]!.ToJsonString()); // deploymentSpec is a google.protobuf.Struct: kept as sent
        Assert.Equal(["sh", "-c", ""], container["command"]!.AsArray().Select(c => c!.ToString()));
        Assert.False(spec["root"]!["inputDefinitions"]!.AsObject().ContainsKey("parameters"));
    }

    public static TheoryData<int> CaseIndexes
    {
        get
        {
            var data = new TheoryData<int>();
            for (var i = 0; i < Cases.Count; i++)
            {
                data.Add(i);
            }
            return data;
        }
    }

    private static JsonArray Cases =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ProtoDefaults", "cases.json")))!.AsArray();

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public async Task Upload_FixtureCase_IsStoredAsTheRealServerStoresIt(int index)
    {
        var @case = Cases[index]!;
        var upload = @case["upload"]!;
        var text = upload["pipeline_spec"]!.ToJsonString()
            + (upload["platform_spec"] is { } platform ? "\n---\n" + platform.ToJsonString() : "");
        await using var emu = await TestEmulator.StartAsync();

        var (pipelineId, versionId) = await emu.UploadAsync($"case-{index}", text);

        var stored = (await emu.GetAsync($"/apis/v2beta1/pipelines/{pipelineId}/versions/{versionId}"))["pipeline_spec"];
        var expected = @case["stored"]!["platform_spec"] is null ? @case["stored"]!["pipeline_spec"] : @case["stored"];
        Assert.True(Canonical(expected) == Canonical(stored), $"{@case["name"]}:\nexpected {Canonical(expected)}\nactual   {Canonical(stored)}");
    }

    private static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    [Fact]
    public async Task InlineRunSpec_IsKeptAsSent()
    {
        await using var emu = await TestEmulator.StartAsync();
        var inline = JsonNode.Parse("""
            {"pipelineInfo":{"name":"inline","description":""},"schemaVersion":"2.1.0",
             "root":{"dag":{"tasks":{}}}}
            """)!;

        var run = await emu.PostAsync("/apis/v2beta1/runs", new JsonObject { ["display_name"] = "r", ["pipeline_spec"] = inline });

        Assert.True(run["pipeline_spec"]!["pipelineInfo"]!.AsObject().ContainsKey("description"));
    }
}
