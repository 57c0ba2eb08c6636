using System.Runtime.InteropServices;
using System.Text.Json;
using Kfp.Emulator;

string? stateDir = null;
var tokens = new List<string>();
var imageCommands = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--state-dir" when i + 1 < args.Length:
            stateDir = Path.GetFullPath(args[++i]);
            break;
        case "--token" when i + 1 < args.Length:
            tokens.Add(args[++i]);
            break;
        case "--image-command" when i + 1 < args.Length && args[i + 1].IndexOf('=', StringComparison.Ordinal) > 0:
            var mapping = args[++i];
            var equals = mapping.IndexOf('=', StringComparison.Ordinal);
            imageCommands[mapping[..equals]] = mapping[(equals + 1)..];
            break;
        case "--help" or "-h":
            Console.Error.WriteLine("usage: kfp-emulator [--state-dir DIR] [--token TOKEN]... [--image-command IMAGE=PROGRAM]...");
            return 0;
        default:
            Console.Error.WriteLine($"kfp-emulator: unknown argument '{args[i]}'. usage: kfp-emulator [--state-dir DIR] [--token TOKEN]... [--image-command IMAGE=PROGRAM]...");
            return 2;
    }
}

using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { StateDir = stateDir, Tokens = tokens, ImageCommands = imageCommands });
Console.Out.WriteLine(JsonSerializer.Serialize(host.Endpoints, EmulatorJsonContext.Default.EmulatorEndpoints));
Console.Out.Flush();
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // SIGTERM or SIGINT: dispose saves state and stops the servers.
}
return 0;
