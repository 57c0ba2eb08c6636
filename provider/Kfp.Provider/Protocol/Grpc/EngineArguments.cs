namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The plugin command line: <c>[--logtostderr] [-v=N] [--logflow] [--tracing X] [engine-address]</c>.
/// The logging and tracing flags are accepted and ignored; without an address the plugin runs in
/// attach mode (the engine later sends its address in Handshake/Attach).
/// </summary>
internal sealed record EngineArguments(string? EngineAddress)
{
    public static bool TryParse(IReadOnlyList<string> args, out EngineArguments parsed, out string error)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--logtostderr" or "--logflow" || arg.StartsWith("-v", StringComparison.Ordinal)
                || arg.StartsWith("--tracing=", StringComparison.Ordinal))
            {
                continue;
            }

            if (arg == "--tracing")
            {
                i++;
                continue;
            }

            rest.Add(arg);
        }

        parsed = new EngineArguments(rest.Count == 1 ? rest[0] : null);
        error = rest.Count > 1
            ? $"expected at most one argument (the engine address), got: {string.Join(' ', rest)}"
            : string.Empty;
        return rest.Count <= 1;
    }
}
