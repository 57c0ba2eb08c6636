using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler;
using Kfp.Registry;

namespace Kfp.Provider.Resources;

/// <summary>
/// Resolves every executor's image tag to its digest (<c>image:tag@sha256:…</c>) and re-hashes the spec, so a
/// tag moved in the registry shows in preview as a new <c>specHash</c>, and a registered version always runs
/// the images it was previewed with.
/// </summary>
internal sealed class ImageDigestPinner(IRegistryClient registry)
{
    public async Task<CompiledPipeline> PinAsync(CompiledPipeline compiled, ImmutableArray<RegistryCredentials> registries, CancellationToken cancellationToken)
    {
        var document = compiled.Document.DeepClone();
        if (document.PipelineSpec["deploymentSpec"]?["executors"] is not JsonObject executors)
        {
            return compiled;
        }
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (label, executor) in executors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (executor?["container"] is not JsonObject container || container["image"]?.GetValue<string>() is not { Length: > 0 } image)
            {
                continue;
            }
            var reference = ImageReference.Parse(image);
            if (reference.Digest is not null)
            {
                continue;
            }
            if (!resolved.TryGetValue(image, out var digest))
            {
                var credentials = registries.FirstOrDefault(r => RegistryServer.ApiHost(r.Server) == reference.ApiHost);
                try
                {
                    digest = await registry.ResolveDigestAsync(reference, credentials, cancellationToken);
                }
                catch (RegistryException e)
                {
                    throw new ImagePinningException(
                        $"cannot pin the image '{image}' of executor '{label}' to a digest: {e.Message}. " +
                        $"Add credentials for {reference.Registry} to `registries`, or set `pinImageDigests: false`", e);
                }
                resolved[image] = digest;
            }
            container["image"] = $"{image}@{digest}";
        }
        return compiled with
        {
            Spec = document.PipelineSpec,
            PlatformSpec = document.PlatformSpec,
            Yaml = IrYamlWriter.Write(document),
            SpecHash = SpecHasher.ComputeHash(document),
        };
    }
}

/// <summary>An image could not be resolved to a digest; the message names the image, executor and fix.</summary>
internal sealed class ImagePinningException(string message, Exception inner) : Exception(message, inner);
