using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>
/// A provider for the host tests: GetPluginInfo answers, GetSchema logs through the engine log,
/// Create behaves according to the URN ("block", "init-failed", "boom", anything else succeeds).
/// </summary>
internal sealed class TestProvider : ResourceProviderBase
{
    private readonly IEngineLog _log;

    public TestProvider(IEngineLog log)
    {
        _log = log;
    }

    public TaskCompletionSource BlockedCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource BlockedCallCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int CancelHookCalls { get; private set; }

    public bool FailCancelHook { get; init; }

    public override Task<PluginInfo> GetPluginInfoAsync(Empty request, CancellationToken ct) =>
        Task.FromResult(new PluginInfo { Version = "9.8.7" });

    public override async Task<GetSchemaResponse> GetSchemaAsync(GetSchemaRequest request, CancellationToken ct)
    {
        await _log.LogAsync(LogSeverity.Info, "schema requested", "urn:test", ephemeral: true, ct);
        return new GetSchemaResponse { Schema = "{}" };
    }

    public override async Task<CreateResponse> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        switch (request.Urn)
        {
            case "block":
                BlockedCallStarted.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                catch (OperationCanceledException)
                {
                    BlockedCallCancelled.TrySetResult();
                    throw;
                }

                throw new InvalidOperationException("unreachable");
            case "init-failed":
                throw new GrpcStatusException(
                    StatusCode.Unknown,
                    "pipeline 'train' was created but its version upload failed: 50% done\nretry",
                    new ErrorResourceInitFailed { Id = "p-1", Reasons = { "upload failed" } });
            case "boom":
                throw new InvalidOperationException("boom");
            default:
                return new CreateResponse { Id = "id-" + request.Urn };
        }
    }

    public override Task<Empty> CancelAsync(Empty request, CancellationToken ct)
    {
        CancelHookCalls++;
        return FailCancelHook ? throw new InvalidOperationException("hook failed") : Task.FromResult(new Empty());
    }
}
