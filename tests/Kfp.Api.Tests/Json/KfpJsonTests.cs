using System.Text.Json;
using Kfp.Api.Json;
using Kfp.Api.Models;

namespace Kfp.Api.Tests.Json;

public sealed class KfpJsonTests
{
    private static RecurringRun ReadRecurringRun(string json) => JsonSerializer.Deserialize(json, KfpJsonContext.Default.RecurringRun)!;

    [Theory]
    [InlineData("""{"max_concurrency":"3","trigger":{"periodic_schedule":{"interval_second":"60"}}}""")]
    [InlineData("""{"max_concurrency":3,"trigger":{"periodic_schedule":{"interval_second":60}}}""")]
    public void Read_Int64AsStringOrNumber_ReadsTheValue(string json)
    {
        var run = ReadRecurringRun(json);

        Assert.Equal(3, run.MaxConcurrency);
        Assert.Equal(60, run.Trigger!.PeriodicSchedule!.IntervalSecond);
    }

    [Fact]
    public void Write_Int64_IsAString()
    {
        var json = JsonSerializer.Serialize(new CreateRecurringRunRequest("r", Trigger.Every(60)) { MaxConcurrency = 2 }, KfpJsonContext.Default.CreateRecurringRunRequest);

        Assert.Contains("\"max_concurrency\":\"2\"", json, StringComparison.Ordinal);
        Assert.Contains("\"interval_second\":\"60\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"ENABLE\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EpochTimestamp_IsNull()
    {
        var experiment = JsonSerializer.Deserialize("""{"created_at":"2024-05-01T12:00:00Z","last_run_created_at":"1970-01-01T00:00:00Z"}""", KfpJsonContext.Default.Experiment)!;

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), experiment.CreatedAt);
        Assert.Null(experiment.LastRunCreatedAt);
    }

    [Fact]
    public void Read_UnknownEnumNameAndUnknownField_AreTolerated()
    {
        var run = JsonSerializer.Deserialize("""{"run_id":"r","state":"HIBERNATING","brand_new_field":{"x":1}}""", KfpJsonContext.Default.Run)!;

        Assert.Equal("r", run.RunId);
        Assert.Equal(RuntimeState.Unspecified, run.State);
    }

    [Fact]
    public void Read_EnumAsNumber_ReadsTheValue()
    {
        Assert.Equal(RuntimeState.Failed, JsonSerializer.Deserialize("""{"state":5}""", KfpJsonContext.Default.Run)!.State);
    }

    [Fact]
    public void Read_PipelineSpec_IsKeptAsReturned()
    {
        var version = JsonSerializer.Deserialize("""{"pipeline_spec":{"pipelineInfo":{"name":"x"},"deploymentSpec":{"executors":{}}}}""", KfpJsonContext.Default.PipelineVersion)!;

        Assert.Equal("""{"pipelineInfo":{"name":"x"},"deploymentSpec":{"executors":{}}}""", version.PipelineSpec!.Value.GetRawText());
    }

    [Fact]
    public void Write_RunRequest_KeepsParameterTypesAndSnakeCase()
    {
        var request = new CreateRunRequest("r")
        {
            PipelineVersionReference = new PipelineVersionReference("p"),
            RuntimeConfig = new RuntimeConfig { Parameters = Support.Params.Of(("n", "1.5"), ("flag", "true"), ("xs", "[1,2]")) },
        };

        var json = JsonSerializer.Serialize(request, KfpJsonContext.Default.CreateRunRequest);

        Assert.Equal("""{"display_name":"r","pipeline_version_reference":{"pipeline_id":"p"},"runtime_config":{"parameters":{"n":1.5,"flag":true,"xs":[1,2]}}}""", json);
    }
}
