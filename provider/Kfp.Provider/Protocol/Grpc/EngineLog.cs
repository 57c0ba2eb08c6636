using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The engine log client. The address comes from the command line, Handshake or Attach; setting
/// the same address again changes nothing. The HTTP client is made at the first message, which keeps
/// System.Net.Http off the start-up path (the engine waits for the port line).
/// </summary>
internal sealed class EngineLog : IEngineLog, IDisposable
{
    public const string LogPath = "/pulumirpc.Engine/Log";

    private readonly DiagnosticLog _diagnostics;
    private readonly Func<Uri, GrpcUnaryClient> _clientFactory;
    private readonly Lock _gate = new();
    private readonly List<Connection> _connections = [];
    private Connection? _connection;

    public EngineLog(DiagnosticLog diagnostics, Func<Uri, GrpcUnaryClient>? clientFactory = null)
    {
        _diagnostics = diagnostics;
        _clientFactory = clientFactory ?? (address => new GrpcUnaryClient(address));
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

            var connection = new Connection(address, new Lazy<GrpcUnaryClient>(() => _clientFactory(uri)));
            _connections.Add(connection);
            Volatile.Write(ref _connection, connection);
        }
    }

    public async Task LogAsync(LogSeverity severity, string message, string? urn, bool ephemeral, CancellationToken ct)
    {
        var connection = Volatile.Read(ref _connection);
        if (connection is null)
        {
            return;
        }

        var request = new LogRequest { Severity = severity, Message = message, Urn = urn ?? string.Empty, Ephemeral = ephemeral };
        try
        {
            await connection.Client.Value.CallAsync(LogPath, request, Empty.Parser, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The caller gave up (Cancel or shutdown); losing the message is expected.
        }
        catch (Exception e)
        {
            // Logging must never fail the operation that logs.
            _diagnostics.Warning($"cannot send a {severity} message to the engine at {connection.Address} ({e.Message}): {message}");
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var connection in _connections.Where(c => c.Client.IsValueCreated))
            {
                connection.Client.Value.Dispose();
            }

            _connections.Clear();
            _connection = null;
        }
    }

    private sealed record Connection(string Address, Lazy<GrpcUnaryClient> Client);
}
