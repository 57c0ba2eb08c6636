using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Grpc.Core;
using Kfp.Emulator;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Host;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>
/// A KFP server that refuses the configured token (the emulator started with <c>--token</c>): every resource's
/// create, read and delete fails with an authentication message that names the config key to fix, and nothing is
/// written on the server.
/// </summary>
public sealed class WrongTokenTests : IAsyncLifetime
{
    private const string RightToken = "right-token";
    private readonly string _program = Directory.CreateTempSubdirectory("kfp-program-").FullName;
    private EmulatorHost? _emulator;
    private ProviderHost? _host;
    private Grpc.Net.Client.GrpcChannel? _grpc;
    private ProviderClient _client = null!;

    public static TheoryData<string, string> Creates => new()
    {
        { "kfp:index:Experiment", "{\"name\":\"denied-experiment\"}" },
        { "kfp:index:Pipeline", "{\"name\":\"denied-pipeline\",\"source\":\"hello_world.yaml\"}" },
        { "kfp:index:RecurringRun", "{\"name\":\"denied-schedule\",\"pipelineId\":\"p-1\",\"cron\":\"0 2 * * *\"}" },
        { "kfp:index:Run", "{\"name\":\"denied-run\",\"pipelineId\":\"p-1\"}" },
    };

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task Create_WrongToken_FailsNamingTheTokenKeyAndWritesNothing(string type, string inputsJson)
    {
        var urn = $"urn:pulumi:test::p::{type}::denied";
        var check = await _client.CheckAsync(urn, PropertyMap.Empty, Inputs(inputsJson));
        Assert.Empty(check.Failures);

        var error = await Assert.ThrowsAsync<GrpcCallException>(
            () => _client.CreateAsync(urn, PropertyValueCodec.FromStruct(check.Inputs), preview: false));

        Assert.NotEqual(StatusCode.OK, error.StatusCode);
        Assert.Contains("kfp:token", error.StatusMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", error.StatusMessage, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task ReadAndDelete_WrongToken_FailInsteadOfReadingAsGone()
    {
        const string urn = "urn:pulumi:test::p::kfp:index:Experiment::denied";
        var inputs = PropertyMap.Empty.With("name", PropertyValue.Of("denied-read"));

        var read = await Assert.ThrowsAsync<GrpcCallException>(() => _client.ReadAsync(urn, "some-experiment-id", inputs, inputs));
        var delete = await Assert.ThrowsAsync<GrpcCallException>(() => _client.DeleteAsync(urn, "some-experiment-id", inputs, inputs));

        Assert.Contains("kfp:token", read.StatusMessage, StringComparison.Ordinal);
        Assert.Contains("kfp:token", delete.StatusMessage, StringComparison.Ordinal);
    }

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipelines", "hello_world.yaml"), Path.Combine(_program, "hello_world.yaml"));
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Tokens = [RightToken] });
        _host = await ProviderHost.StartAsync(log => KfpProviderFactory.Create(log, new NoEnvironment(), _program), null,
            new DiagnosticLog(TextWriter.Null), CancellationToken.None);
        _grpc = ProviderClient.Channel(_host.Port);
        _client = new ProviderClient(_grpc);
        await _client.ConfigureAsync(PropertyMap.Empty
            .With("host", PropertyValue.Of(_emulator.Endpoints.Kfp))
            .With("token", PropertyValue.MakeSecret(PropertyValue.Of("wrong-token"))));
    }

    public async Task DisposeAsync()
    {
        _grpc?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
        Directory.Delete(_program, recursive: true);
    }

    private static PropertyMap Inputs(string json)
    {
        var map = PropertyMap.Empty;
        foreach (var (key, value) in JsonNode.Parse(json)!.AsObject())
        {
            map = map.With(key, PropertyValue.Of(value!.GetValue<string>()));
        }
        return map;
    }

    /// <summary>With the right token, the server holds no experiment, pipeline, schedule or run.</summary>
    private async Task AssertNothingWrittenAsync()
    {
        using var http = new HttpClient { BaseAddress = _emulator!.KfpUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RightToken);
        foreach (var (collection, field) in new[] { ("experiments", "experiments"), ("pipelines", "pipelines"), ("recurringruns", "recurringRuns"), ("runs", "runs") })
        {
            var page = JsonNode.Parse(await http.GetStringAsync(new Uri($"/apis/v2beta1/{collection}?page_size=100", UriKind.Relative)))!.AsObject();
            var items = page[field] as JsonArray ?? page[ToSnake(field)] as JsonArray;
            var named = items?.Where(i => (i?["display_name"]?.GetValue<string>() ?? "").StartsWith("denied", StringComparison.Ordinal)).ToList() ?? [];
            Assert.True(named.Count == 0, $"{collection}: {named.Count} objects were written with a refused token");
        }
    }

    private static string ToSnake(string camel) => string.Concat(camel.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    private sealed class NoEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }
}
