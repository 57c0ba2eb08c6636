using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kfp.Kube.Tests.Support;

/// <summary>
/// A forward proxy on loopback port 0 that records each request line and answers every request itself with one
/// Namespace object, so a test can prove the client went through <c>proxy-url</c> to a server it cannot resolve.
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requestLines = [];
    private readonly Task _loop;

    public RecordingProxy()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public IReadOnlyList<string> RequestLines
    {
        get
        {
            lock (_requestLines)
            {
                return [.. _requestLines];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            using (client)
            {
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                var line = await reader.ReadLineAsync(_stop.Token) ?? "";
                lock (_requestLines)
                {
                    _requestLines.Add(line);
                }
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync(_stop.Token)))
                {
                }
                var body = """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"via-proxy"}}""";
                var answer = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
            }
        }
    }
}
