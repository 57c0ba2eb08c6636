using Kfp.Cmd;
using Kfp.Provider.Protocol.Grpc;

// The plugin entry point: the engine starts it with its address as the last argument.
// TODO(lead): replace BootstrapProvider with Kfp.Provider.Engine.KfpProvider.
return await PluginHost.RunAsync(args, engineLog => new BootstrapProvider(), CancellationToken.None);
