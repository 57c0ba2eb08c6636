namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The plugin's own diagnostics, written to stderr (which the engine keeps in its debug log).
/// Stdout carries only the port line, so nothing here may ever write to it.
/// </summary>
internal sealed class DiagnosticLog
{
    private readonly TextWriter _writer;
    private readonly Lock _gate = new();

    public DiagnosticLog(TextWriter writer)
    {
        _writer = writer;
    }

    public void Info(string message) => Write("info", message);

    public void Warning(string message) => Write("warning", message);

    /// <summary>Logs an unexpected failure with its stack trace (stderr only, never the wire).</summary>
    public void Error(string message, Exception exception) => Write("error", $"{message}: {exception}");

    private void Write(string level, string message)
    {
        lock (_gate)
        {
            try
            {
                _writer.WriteLine($"pulumi-resource-kfp {level}: {message}");
                _writer.Flush();
            }
            catch (IOException)
            {
                // stderr is gone (the engine closed the pipe); there is nowhere left to report to.
            }
            catch (ObjectDisposedException)
            {
                // Same as above.
            }
        }
    }
}
