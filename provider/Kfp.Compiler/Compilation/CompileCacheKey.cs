using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Kfp.Compiler.Frameworks;
using Kfp.Compiler.Hashing;
using Kfp.Compiler.IO;

namespace Kfp.Compiler.Compilation;

/// <summary>
/// The cache key of a compile: the source's content (and, for external frameworks, the content of the
/// files beside it with the same extension, e.g. imported Python modules), the framework, its
/// parameters and environment, and the pull secrets.
/// </summary>
internal static class CompileCacheKey
{
    public static async Task<string> ComputeAsync(
        IFileSystem files, string sourcePath, byte[] content, ChosenFramework framework, CompileRequest request, CancellationToken cancellationToken)
    {
        var siblings = new JsonObject();
        if (framework.External is not null)
        {
            var directory = Path.GetDirectoryName(sourcePath)!;
            foreach (var file in files.FilesWithExtension(directory, Path.GetExtension(sourcePath)).Where(f => f != sourcePath))
            {
                siblings[Path.GetFileName(file)] = Hash(await files.ReadAllBytesAsync(file, cancellationToken));
            }
        }

        var key = new JsonObject
        {
            ["source"] = sourcePath,
            ["content"] = Hash(content),
            ["siblings"] = siblings,
            ["framework"] = framework.External is { } external ? Describe(external) : framework.Name,
            ["parameters"] = Map(request.FrameworkParameters.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
            ["env"] = Map(request.Env.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["imagePullSecrets"] = new JsonArray([.. request.ImagePullSecrets.Select(s => (JsonNode)s)]),
        };
        return Hash(System.Text.Encoding.UTF8.GetBytes(CanonicalJson.Write(key, indented: false)));
    }

    private static JsonObject Describe(FrameworkDefinition framework) => new()
    {
        ["name"] = framework.Name,
        ["command"] = new JsonArray([.. framework.Command.Select(c => (JsonNode)c)]),
        ["env"] = Map(framework.Env.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["workingDirectory"] = framework.WorkingDirectory,
        ["timeoutSeconds"] = framework.TimeoutSeconds,
        ["defaultParameters"] = Map(framework.DefaultParameters.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
    };

    private static JsonObject Map(IEnumerable<KeyValuePair<string, JsonNode?>> items) => new(items);

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
