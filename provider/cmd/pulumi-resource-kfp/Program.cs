using System.Runtime;
using Kfp.Cmd;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Host;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Schema;

// The plugin entry point: the engine starts it with its address as the last argument.
// `--print-schema` writes the package schema instead (what `make schema` commits as schema.json);
// `--help` and `--version` print and exit, as a command-line tool should.
switch (args)
{
    case ["--print-schema"]:
        Console.Out.Write(SchemaGenerator.Generate(KfpPackage.Catalog));
        return 0;
    case ["--version"]:
        Console.Out.WriteLine(PackageInfo.Version);
        return 0;
    case ["--help" or "-h"]:
        Console.Out.Write(Usage.Text);
        return 0;
    default:
        // Full collections block instead of running in the background (docs/decisions.md, "Peak memory of the plugin"):
        // a compile's nodes are promoted and die within one Check, and collecting them in the background made every
        // young collection meanwhile slower. Set here, not as gcConcurrent=0, which would let gen0 grow to 200 MB.
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        return await PluginHost.RunAsync(args, engineLog => KfpProviderFactory.Create(engineLog, new ProcessEnvironment()), CancellationToken.None);
}
