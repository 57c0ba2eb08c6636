using Kfp.Compiler;
using Kfp.Provider.Configuration;

namespace Kfp.Provider.Resources;

/// <summary>
/// The compiler's options from the provider configuration: the disk cache (<c>cacheDir</c>, else the user's cache
/// folder), the frameworks trusted to run on this machine (<c>trustedFrameworks</c>; none by default) and the cluster
/// executor.
/// </summary>
internal static class CompilerSetup
{
    public static PipelineCompilerOptions Options(ProviderConfig config, IClusterCompiler cluster) => new()
    {
        DiskCache = true,
        CacheDirectory = config.CacheDir,
        Trust = FrameworkTrust.Parse(config.TrustedFrameworks),
        Cluster = cluster,
    };
}
