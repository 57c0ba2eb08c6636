using System.Runtime.InteropServices;
using System.Text.Json;
using Kfp.Emulator;

const string Usage = "usage: kfp-emulator [--state-dir DIR] [--token TOKEN[=NS,...]]... [--task-duration 1s|200ms|off] [--fail-task NAME|IMAGE]... [--image-command IMAGE=PROGRAM]... [--kube-tls]";
var options = new EmulatorOptions { TaskDuration = TimeSpan.FromSeconds(1) };
var tokens = new List<string>();
var failTasks = new List<string>();
var imageCommands = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    var hasValue = i + 1 < args.Length;
    switch (args[i])
    {
        case "--state-dir" when hasValue:
            options = options with { StateDir = Path.GetFullPath(args[++i]) };
            break;
        case "--token" when hasValue:
            tokens.Add(args[++i]);
            break;
        case "--fail-task" when hasValue:
            failTasks.Add(args[++i]);
            break;
        case "--task-duration" when hasValue:
            if (!DurationArgument.TryParse(args[++i], out var duration))
            {
                Console.Error.WriteLine($"kfp-emulator: --task-duration '{args[i]}' is not a duration such as 200ms, 1s, 2m or off. {Usage}");
                return 2;
            }
            options = options with { TaskDuration = duration };
            break;
        case "--image-command" when hasValue && args[i + 1].IndexOf('=', StringComparison.Ordinal) > 0:
            var mapping = args[++i];
            var equals = mapping.IndexOf('=', StringComparison.Ordinal);
            imageCommands[mapping[..equals]] = mapping[(equals + 1)..];
            break;
        case "--kube-tls":
            options = options with { KubeTls = true };
            break;
        case "--help" or "-h":
            Console.Error.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"kfp-emulator: unknown argument '{args[i]}'. {Usage}");
            return 2;
    }
}
options = options with { Tokens = tokens, FailTasks = failTasks, ImageCommands = imageCommands };

using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

await using var host = await EmulatorHost.StartAsync(options);
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
