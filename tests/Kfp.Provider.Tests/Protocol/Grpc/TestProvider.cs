using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>
/// A provider for the host tests: Version "9.8.7"; Invoke logs through the engine log; Create behaves according
/// to the URN ("block" waits until cancelled, "init-failed" reports partial state, "long" fails with a 70,000-character
/// message, "boom" fails unexpectedly,
/// anything else succeeds with ID "id-&lt;urn&gt;").
/// </summary>
internal sealed class TestProvider : IProvider
{
    private readonly IEngineLog _log;

    public TestProvider(IEngineLog log)
    {
        _log = log;
    }

    public TaskCompletionSource BlockedCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource BlockedCallCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Version => "9.8.7";

    public string Schema => "{}";

    public CheckResult CheckConfig(PropertyMap olds, PropertyMap news) => new(news, []);

    public DiffResult DiffConfig(PropertyMap olds, PropertyMap oldInputs, PropertyMap news) => DiffResult.None;

    public void Configure(PropertyMap args)
    {
    }

    public async Task<InvokeResult> InvokeAsync(string token, PropertyMap args, CancellationToken cancellationToken)
    {
        await _log.LogAsync(LogLevel.Info, "invoked " + token, "urn:test", ephemeral: true, cancellationToken);
        return new InvokeResult(PropertyMap.Empty, []);
    }

    public Task<CheckResult> CheckAsync(ResourceCheck request, CancellationToken cancellationToken) =>
        Task.FromResult(new CheckResult(request.News, []));

    public Task<DiffResult> DiffAsync(ResourceDiff request, CancellationToken cancellationToken) => Task.FromResult(DiffResult.None);

    public async Task<CreateResult> CreateAsync(ResourceCreate request, CancellationToken cancellationToken)
    {
        switch (request.Address.Urn)
        {
            case "block":
                BlockedCallStarted.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    BlockedCallCancelled.TrySetResult();
                    throw;
                }

                throw new InvalidOperationException("unreachable");
            case "init-failed":
                throw new ProviderException(
                    ProviderErrorKind.Unknown,
                    "pipeline 'train' was created but its version upload failed: 50% done\nretry",
                    partial: new PartialState("p-1", PropertyMap.Empty.With("pipelineId", PropertyValue.Of("p-1")), null, ["upload failed"]));
            case "long":
                throw new ProviderException(ProviderErrorKind.InvalidArgument, $"name '{new string('x', 70000)}' is too long; use at most 128 characters");
            case "boom":
                throw new InvalidOperationException("boom");
            default:
                return new CreateResult("id-" + request.Address.Urn, PropertyMap.Empty);
        }
    }

    public Task<ReadResult?> ReadAsync(ResourceRead request, CancellationToken cancellationToken) => Task.FromResult<ReadResult?>(null);

    public Task<PropertyMap> UpdateAsync(ResourceUpdate request, CancellationToken cancellationToken) => Task.FromResult(request.News);

    public Task DeleteAsync(ResourceDelete request, CancellationToken cancellationToken) => Task.CompletedTask;
}
