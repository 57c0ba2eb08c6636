using System.Text.Json.Nodes;
using Kfp.Compiler.Hashing;
using Kfp.Compiler.Sources;

namespace Kfp.Compiler.Compilation;

/// <summary>
/// The cache key of a compile: the hash of everything it reads. The compiler build, the source path and entry point,
/// every source file's content (<see cref="SourceSnapshot.Files"/>), the framework (built-in name or the whole external
/// definition), its parameters and environment, and the pull secrets. It does not depend on the detected framework:
/// detection is a function of the same inputs, and is remembered in the cached result.
/// </summary>
internal static class CompileCacheKey
{
    /// <summary>Changes whenever the compiler's code does (deterministic builds: the module id follows the content).</summary>
    private static readonly string Build = typeof(CompileCacheKey).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static string Compute(SourceSnapshot source, CompileRequest request)
    {
        var files = new JsonObject();
        foreach (var file in source.Files)
        {
            files[file.RelativePath] = file.Sha256;
        }

        var key = new JsonObject
        {
            ["format"] = "kfp-compile-key/1",
            ["build"] = Build,
            ["source"] = source.IsDirectory ? source.Root : source.EntryPath,
            ["entry"] = source.EntryRelative,
            ["directory"] = source.IsDirectory,
            ["files"] = files,
            ["framework"] = request.Framework,
            ["external"] = request.ExternalFramework is { } external ? Describe(external) : null,
            ["parameters"] = Map(request.FrameworkParameters.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
            ["env"] = Map(request.Env.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["imagePullSecrets"] = new JsonArray([.. request.ImagePullSecrets.Select(s => (JsonNode?)s)]),
        };
        using var hash = new HashingStream();
        CanonicalJsonStream.Write(key, hash);
        return hash.HexDigest();
    }

    private static JsonObject Describe(FrameworkDefinition framework) => new()
    {
        ["name"] = framework.Name,
        ["digest"] = FrameworkDigest.Compute(framework),
        ["timeoutSeconds"] = framework.TimeoutSeconds,
    };

    private static JsonObject Map(IEnumerable<KeyValuePair<string, JsonNode?>> items) => new(items);
}
