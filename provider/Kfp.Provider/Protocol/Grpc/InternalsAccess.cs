using System.Runtime.CompilerServices;

// The plugin entry point (provider/cmd/pulumi-resource-kfp) runs the host and supplies the provider,
// whose base class uses the internal generated wire types.
[assembly: InternalsVisibleTo("pulumi-resource-kfp")]
