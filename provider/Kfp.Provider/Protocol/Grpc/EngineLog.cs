using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The engine log client. The address comes from the command line, Handshake or Attach; setting
/// the same address again changes nothing.
/// </summary>
internal sealed class EngineLog : IEngineLog, IDisposable
{
    public const string LogPath = "/pulumirpc.Engine/Log";

    private readonly DiagnosticLog _diagnostics;
    private readonly Func<Uri, GrpcUnaryClient> _clientFactory;
    private readonly Lock _gate = new();
    private readonly List<GrpcUnaryClient> _clients = [];
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

            var uri = new Uri(address.Contains("://", StringComparison.Ordinal) ? address : $"http://{address}");
            var client = _clientFactory(uri);
            _clients.Add(client);
            Volatile.Write(ref _connection, new Connection(address, client));
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
            await connection.Client.CallAsync(LogPath, request, Empty.Parser, ct);
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
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
            _connection = null;
        }
    }

    private sealed record Connection(string Address, GrpcUnaryClient Client);
}
