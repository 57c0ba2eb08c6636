using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kfp.Emulator;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Host;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;
using Kfp.Provider.Tests.Lifecycle;

namespace Kfp.Provider.Tests.Replay;

/// <summary>
/// Replays the real engine's recorded call sequences (random provider, engine 3.133, and an older engine's
/// create-and-refresh) against our provider with an Experiment in place of the recorded resource: the same
/// calls in the same order, one provider process per recorded command, must get answers of the same shape.
/// </summary>
public sealed class ReplayTests : IAsyncLifetime
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Replay_RandomLifecycle_CreateNoChangeReplaceDelete()
    {
        var translator = new ReplayTranslator("replay-random", _emulator.Endpoints.Kfp);
        string[] commands =
        [
            "random-initial-preview.json", "random-initial-update.json", "random-empty-preview.json", "random-empty-update.json",
            "random-replace-preview.json", "random-replace-update.json", "random-delete-preview.json", "random-delete-update.json",
        ];
        var replayed = 0;
        foreach (var command in commands)
        {
            replayed += await ReplayCommandAsync(command, translator, RecordedCall.Load(command));
        }

        Assert.True(replayed >= 40, $"only {replayed} recorded calls were replayed");
        using var http = new HttpClient();
        var left = await http.GetStringAsync(new Uri(_emulator.KfpUrl, "/apis/v2beta1/experiments?filter=" +
            Uri.EscapeDataString("""{"predicates":[{"key":"display_name","operation":"EQUALS","string_value":"replay-random"}]}""")));
        Assert.DoesNotContain("replay-random", left, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_OlderEngine_CreateThenRefresh()
    {
        var translator = new ReplayTranslator("replay-refresh", _emulator.Endpoints.Kfp);
        var calls = RecordedCall.Load("updateprogram.json");
        // The recording goes on with an in-place update, which an Experiment cannot do (KFP has no update):
        // replay up to the Diff that asks for it.
        var untilUpdate = calls.TakeWhile(c => !(c.Method == "Diff" && c.Response?["changes"]?.GetValue<string>() == "DIFF_SOME")).ToList();
        // One `pulumi` command per GetPluginInfo: each gets its own provider process, as the engine does.
        var commands = Split(untilUpdate);

        foreach (var command in commands)
        {
            await ReplayCommandAsync("updateprogram.json", translator, command);
        }

        Assert.Contains(untilUpdate, c => c.Method == "Read");
    }

    private static async Task<int> ReplayCommandAsync(string name, ReplayTranslator translator, IReadOnlyList<RecordedCall> calls)
    {
        await using var host = await ProviderHost.StartAsync(log => KfpProviderFactory.Create(log, new EmptyEnvironment()), null,
            new DiagnosticLog(TextWriter.Null), CancellationToken.None);
        using var channel = ProviderClient.Channel(host.Port);
        var grpc = new ResourceProvider.ResourceProviderClient(channel);
        var deletedEarly = new HashSet<RecordedCall>();
        foreach (var call in calls.Where(c => !deletedEarly.Contains(c)))
        {
            var request = translator.Translate(call.Method, call.Request);
            JsonObject response;
            try
            {
                response = await CallAsync(grpc, call.Method, request.ToJsonString());
            }
            catch (RpcException e)
            {
                Assert.True(call.Failed, $"{name}: {call.Method} failed but the recorded call succeeded: {e.Message}\nrequest: {request}");
                continue;
            }
            Assert.False(call.Failed, $"{name}: {call.Method} succeeded but the recorded call failed");
            AssertSameShape(name, call, request, response);
            translator.Observe(call.Method, call.Request, call.Response, response);
            if (call.Method == "Diff" && response["deleteBeforeReplace"]?.GetValue<bool>() == true
                && calls.FirstOrDefault(c => c.Method == "Delete" && c.Request["id"]?.ToJsonString() == call.Request["id"]?.ToJsonString()) is { } delete)
            {
                // Our Diff asks for delete-before-replace (KFP names are unique), so the engine deletes the old
                // object before it creates the new one: the recorded Delete moves up.
                await CallAsync(grpc, "Delete", translator.Translate("Delete", delete.Request).ToJsonString());
                deletedEarly.Add(delete);
            }
        }
        return calls.Count;
    }

    private static void AssertSameShape(string name, RecordedCall call, JsonObject request, JsonObject ours)
    {
        var recorded = call.Response ?? [];
        var where = $"{name}: {call.Method}";
        switch (call.Method)
        {
            case "GetPluginInfo":
                Assert.Equal("0.1.0", ours["version"]?.GetValue<string>());
                break;
            case "CheckConfig" or "Check":
                Assert.True(ours["inputs"] is JsonObject, $"{where}: no inputs");
                Assert.True(recorded["failures"] is JsonArray { Count: > 0 } == ours["failures"] is JsonArray { Count: > 0 },
                    $"{where}: failures differ; ours: {ours["failures"]?.ToJsonString()}");
                break;
            case "DiffConfig" or "Diff":
                var recordedChanges = recorded["changes"]?.GetValue<string>() ?? "DIFF_NONE";
                Assert.Equal(recordedChanges, ours["changes"]?.GetValue<string>());
                Assert.True(recorded["replaces"] is JsonArray { Count: > 0 } == ours["replaces"] is JsonArray { Count: > 0 },
                    $"{where}: replaces differ; ours: {ours.ToJsonString()}; request: {request.ToJsonString()}");
                break;
            case "Configure":
                Assert.True(ours["supportsPreview"]?.GetValue<bool>(), $"{where}: supportsPreview must be true");
                break;
            case "Create":
                var preview = request["preview"]?.GetValue<bool>() == true;
                var properties = ours["properties"]!.AsObject();
                Assert.Equal(!preview, !string.IsNullOrEmpty(ours["id"]?.GetValue<string>()));
                Assert.Equal(preview, properties["experimentId"]!.GetValue<string>() == "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
                break;
            case "Read":
                Assert.Equal(!string.IsNullOrEmpty(recorded["id"]?.GetValue<string>()), !string.IsNullOrEmpty(ours["id"]?.GetValue<string>()));
                Assert.True(ours["inputs"] is JsonObject && ours["properties"] is JsonObject, $"{where}: Read must return properties and inputs");
                break;
            case "Delete":
                Assert.Empty(ours);
                break;
            default:
                throw new InvalidOperationException($"{where}: no shape rule for this method");
        }
    }

    private static async Task<JsonObject> CallAsync(ResourceProvider.ResourceProviderClient grpc, string method, string json)
    {
        IMessage response = method switch
        {
            "GetPluginInfo" => await grpc.GetPluginInfoAsync(Parser.Parse<Empty>(json)),
            "CheckConfig" => await grpc.CheckConfigAsync(Parser.Parse<CheckRequest>(json)),
            "Check" => await grpc.CheckAsync(Parser.Parse<CheckRequest>(json)),
            "DiffConfig" => await grpc.DiffConfigAsync(Parser.Parse<DiffRequest>(json)),
            "Diff" => await grpc.DiffAsync(Parser.Parse<DiffRequest>(json)),
            "Configure" => await grpc.ConfigureAsync(Parser.Parse<ConfigureRequest>(json)),
            "Create" => await grpc.CreateAsync(Parser.Parse<CreateRequest>(json)),
            "Read" => await grpc.ReadAsync(Parser.Parse<ReadRequest>(json)),
            "Update" => await grpc.UpdateAsync(Parser.Parse<UpdateRequest>(json)),
            "Delete" => await grpc.DeleteAsync(Parser.Parse<DeleteRequest>(json)),
            _ => throw new InvalidOperationException($"the replay does not know method {method}"),
        };
        return JsonNode.Parse(Formatter.Format(response))!.AsObject();
    }

    private static List<List<RecordedCall>> Split(IReadOnlyList<RecordedCall> calls)
    {
        var commands = new List<List<RecordedCall>>();
        foreach (var call in calls)
        {
            if (call.Method == "GetPluginInfo" || commands.Count == 0)
            {
                commands.Add([]);
            }
            commands[^1].Add(call);
        }
        return commands;
    }

    private sealed class EmptyEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }
}
