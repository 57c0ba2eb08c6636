namespace Kfp.Cmd;

/// <summary>What <c>pulumi-resource-kfp --help</c> prints.</summary>
internal static class Usage
{
    public const string Text = """
        pulumi-resource-kfp: the Pulumi resource provider for Kubeflow Pipelines (package `kfp`).

        The Pulumi CLI starts this plugin itself; you do not run it by hand. Install it with
        `pulumi plugin install resource kfp <version> --file <tarball>`, then use the `kfp` package from a program.

        Usage:
          pulumi-resource-kfp [--logtostderr] [-v=N] [--logflow] [--tracing URL] [ENGINE_ADDRESS]
              serve the provider: print the port on stdout, then answer the engine's gRPC calls until
              SIGINT or SIGTERM (without ENGINE_ADDRESS it waits for the engine to attach)
          pulumi-resource-kfp --print-schema   print the package schema (schema.json) and exit
          pulumi-resource-kfp --version        print the provider version and exit
          pulumi-resource-kfp --help           print this help and exit

        Configuration (`pulumi config set kfp:<key>`) is described in the project's README.

        """;
}
