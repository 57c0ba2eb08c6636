using System.Text.Json.Nodes;
using Kfp.Api.Tests.Support;

namespace Kfp.Emulator.Tests.Emulator;

/// <summary>The schema check itself must catch what the real API would not send or accept.</summary>
public sealed class SwaggerSchemaTests
{
    private static List<string> Check(string json, string definition)
    {
        var problems = new List<string>();
        SwaggerSchema.Instance.Check(JsonNode.Parse(json), new JsonObject { ["$ref"] = "#/definitions/" + definition }, "body", problems);
        return problems;
    }

    [Fact]
    public void Check_UnknownField_IsReported()
    {
        Assert.Contains("body.colour: field not in the KFP API", Check("""{"display_name":"x","colour":"red"}""", "v2beta1Experiment"));
    }

    [Fact]
    public void Check_Int64AsNumber_IsReported()
    {
        Assert.Single(Check("""{"display_name":"x","max_concurrency":1}""", "v2beta1RecurringRun"));
    }

    [Fact]
    public void Check_UnknownEnumName_IsReported()
    {
        Assert.Single(Check("""{"storage_state":"GONE"}""", "v2beta1Experiment"));
    }

    [Fact]
    public void Check_NestedUnknownField_IsReported()
    {
        Assert.Single(Check("""{"trigger":{"cron_schedule":{"cron":"0 * * * * *","tz":"UTC"}}}""", "v2beta1RecurringRun"));
    }

    [Fact]
    public void Check_PipelineSpecStruct_AcceptsAnyObject()
    {
        Assert.Empty(Check("""{"pipeline_id":"p","pipeline_spec":{"pipelineInfo":{"name":"x"},"anything":[1,2]}}""", "v2beta1PipelineVersion"));
    }

    [Fact]
    public void Operation_ArchiveExperiment_IsFound()
    {
        Assert.NotNull(SwaggerSchema.Instance.Operation("POST", "/apis/v2beta1/experiments/abc:archive"));
        Assert.Null(SwaggerSchema.Instance.Operation("PUT", "/apis/v2beta1/experiments/abc"));
    }
}
