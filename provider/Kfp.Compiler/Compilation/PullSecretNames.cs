using System.Text.RegularExpressions;

namespace Kfp.Compiler.Compilation;

/// <summary>Checks image pull secret names: Kubernetes object names (DNS subdomains).</summary>
internal static partial class PullSecretNames
{
    public static void EnsureValid(CompileRequest request, string framework)
    {
        var problems = request.ImagePullSecrets
            .Select((name, i) => (name, i))
            .Where(s => s.name is null || s.name.Length > 253 || !Pattern().IsMatch(s.name))
            .Select(s => new CompileProblem($"imagePullSecrets[{s.i}]",
                $"'{s.name}' is not a valid Secret name; use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit."))
            .ToList();
        if (problems.Count > 0)
        {
            throw new PipelineCompileException(request.Source, framework, problems);
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
