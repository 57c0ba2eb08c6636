using System.Globalization;
using Kfp.Provider.Engine;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The plugin process: parse the engine's arguments, serve the provider, write the port line to
/// stdout (the only thing ever written there), and exit with 0 on SIGINT/SIGTERM.
/// </summary>
internal static class PluginHost
{
    /// <summary>How long a shutdown waits for calls in flight (the engine kills the plugin after 5 s).</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The entry point for <c>Main</c>: SIGINT/SIGTERM stop the host. From here on, anything written to
    /// <see cref="Console.Out"/> goes to stderr, so a stray write can never corrupt the port line.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, Func<IEngineLog, IProvider> providerFactory, CancellationToken ct)
    {
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        using var signal = new ShutdownSignal();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(signal.Token, ct);
        return await RunAsync(args, providerFactory, stdout, Console.Error, stop.Token);
    }

    /// <summary>Runs until <paramref name="ct"/> is cancelled; returns the process exit code.</summary>
    public static async Task<int> RunAsync(
        string[] args, Func<IEngineLog, IProvider> providerFactory, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var diagnostics = new DiagnosticLog(stderr);
        if (!EngineArguments.TryParse(args, out var parsed, out var error))
        {
            diagnostics.Warning(error);
            return 2;
        }

        ProviderHost host;
        try
        {
            host = await ProviderHost.StartAsync(providerFactory, parsed.EngineAddress, diagnostics, ct);
        }
        catch (Exception e)
        {
            diagnostics.Error("the provider could not start", e);
            return 1;
        }

        await using var running = host;
        await stdout.WriteAsync(host.Port.ToString(CultureInfo.InvariantCulture) + "\n");
        await stdout.FlushAsync(CancellationToken.None);
        try
        {
            // The gRPC pipeline is built while the port line travels to the engine; a failure to build it is fatal.
            await host.Ready;
        }
        catch (Exception e)
        {
            diagnostics.Error("the provider could not start", e);
            return 1;
        }
        diagnostics.Info(parsed.EngineAddress is null
            ? $"serving on 127.0.0.1:{host.Port} (attach mode: no engine address yet)"
            : $"serving on 127.0.0.1:{host.Port} for the engine at {parsed.EngineAddress}");

        await WaitForShutdownAsync(ct);
        diagnostics.Info("shutting down");
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            diagnostics.Warning($"calls still running after {StopTimeout.TotalSeconds} s were abandoned");
        }

        return 0;
    }

    private static async Task WaitForShutdownAsync(CancellationToken ct)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (ct.Register(() => stopped.TrySetResult()))
        {
            await stopped.Task;
        }
    }
}
