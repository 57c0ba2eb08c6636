using System.Runtime.CompilerServices;

// The plugin entry point (provider/cmd/pulumi-resource-kfp) runs the host with the engine's provider; both are internal.
[assembly: InternalsVisibleTo("pulumi-resource-kfp")]
