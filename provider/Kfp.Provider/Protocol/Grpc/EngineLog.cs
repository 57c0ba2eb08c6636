using Grpc.Net.Client;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Wire;
using EngineService = Kfp.Provider.Protocol.Wire.Engine;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The engine log: messages for the user sent to the engine's <c>pulumirpc.Engine/Log</c> through the generated
/// client. The address comes from the command line, Handshake or Attach; setting the same address again changes
/// nothing. The channel is made at the first message, which keeps the HTTP client off the start-up path (the
/// engine waits for the port line). Messages are cut to <see cref="MessageBounds.LogBytes"/>.
/// </summary>
internal sealed class EngineLog : IEngineLog, IDisposable
{
    private readonly DiagnosticLog _diagnostics;
    private readonly Func<Uri, GrpcChannel> _channelFactory;
    private readonly Lock _gate = new();
    private readonly List<Connection> _connections = [];
    private Connection? _connection;

    public EngineLog(DiagnosticLog diagnostics, Func<Uri, GrpcChannel>? channelFactory = null)
    {
        _diagnostics = diagnostics;
        _channelFactory = channelFactory ?? (address => GrpcChannel.ForAddress(address));
    }

    /// <summary>The engine address in use (<c>host:port</c>), or null before one is known.</summary>
    public string? Address => Volatile.Read(ref _connection)?.Address;

    /// <summary>Points the log at the engine; empty values are ignored, a repeated address is a no-op.</summary>
    public void SetEngineAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }

        address = address.Trim();
        lock (_gate)
        {
            if (_connection?.Address == address)
            {
                return;
            }

            if (!Uri.TryCreate(address.Contains("://", StringComparison.Ordinal) ? address : $"http://{address}", UriKind.Absolute, out var uri))
            {
                _diagnostics.Warning($"ignoring the invalid engine address '{address}'");
                return;
            }

            var connection = new Connection(address, new Lazy<GrpcChannel>(() => _channelFactory(uri)));
            _connections.Add(connection);
            Volatile.Write(ref _connection, connection);
        }
    }

    public async Task LogAsync(LogLevel level, string message, string? urn, bool ephemeral, CancellationToken ct)
    {
        var connection = Volatile.Read(ref _connection);
        if (connection is null)
        {
            return;
        }

        var severity = Severity(level);
        var request = new LogRequest
        {
            Severity = severity,
            Message = MessageBounds.Cut(message, MessageBounds.LogBytes),
            Urn = urn ?? string.Empty,
            Ephemeral = ephemeral,
        };
        try
        {
            await new EngineService.EngineClient(connection.Channel.Value).LogAsync(request, cancellationToken: ct);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // The caller gave up (Cancel or shutdown); losing the message is expected.
        }
        catch (Exception e)
        {
            // Logging must never fail the operation that logs.
            _diagnostics.Warning($"cannot send a {severity} message to the engine at {connection.Address} ({e.Message}): {request.Message}");
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var connection in _connections.Where(c => c.Channel.IsValueCreated))
            {
                connection.Channel.Value.Dispose();
            }

            _connections.Clear();
            _connection = null;
        }
    }

    private static LogSeverity Severity(LogLevel level) => level switch
    {
        LogLevel.Debug => LogSeverity.Debug,
        LogLevel.Info => LogSeverity.Info,
        LogLevel.Warning => LogSeverity.Warning,
        _ => LogSeverity.Error,
    };

    private sealed record Connection(string Address, Lazy<GrpcChannel> Channel);
}
