using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kfp.Compiler.Hashing;

namespace Kfp.Compiler;

/// <summary>
/// The digest of what a framework runs: <c>sha256:&lt;hex&gt;</c> of the canonical JSON of its command, environment,
/// image, executor, network, working directory and default parameters. Pure and stable across releases (the form is
/// versioned), so it can be recorded in state and approved in <c>trustedFrameworks</c>. The name and the timeout are left
/// out: renaming a framework or giving it more time does not change what runs.
/// </summary>
public static class FrameworkDigest
{
    /// <summary>The digest of <paramref name="framework"/>.</summary>
    public static string Compute(FrameworkDefinition framework)
    {
        var described = new JsonObject
        {
            ["digestVersion"] = 1,
            ["command"] = new JsonArray([.. framework.Command.IsDefault ? [] : framework.Command.Select(c => (JsonNode?)c)]),
            ["env"] = new JsonObject(framework.Env.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["image"] = framework.Image,
            ["executor"] = framework.Executor,
            ["network"] = framework.Network,
            ["workingDirectory"] = framework.WorkingDirectory,
            ["defaultParameters"] = new JsonObject(framework.DefaultParameters.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
        };
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Write(described, indented: false))));
    }
}
